// Pipeline: a worker module's name beside the caller → a started worker thread, compiled or (under tsx) from source.
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker module `name` (without extension) that lies beside the module at `from` (its import.meta.url):
 * the compiled `.js`, or, when `from` is a `.ts` source run through tsx (tests, `npm run` scripts), the `.ts` through
 * tsx's loader, which a worker does not inherit from its parent.
 */
export function spawnWorker(name: string, from: string, workerData: unknown): Worker {
  const fromSource = from.endsWith('.ts');
  const entry = new URL(`./${name}${fromSource ? '.ts' : '.js'}`, from);
  if (!fromSource) return new Worker(entry, { workerData });
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
