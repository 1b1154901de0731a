// CLI edge: `dyad serve` — a store path, host, port and token → the HTTP API and web UI, until interrupted.
import { Command } from 'commander';
import { startServer, type RunningServer } from '../../api/start-server.js';
import { DB_HELP, openStore } from '../../store/open-store.js';
import { lexiconOptions } from '../io.js';
import { createCoder } from '../../coder/create-coder.js';
import { UsageError } from './code.js';

export interface ServeOptions {
  db?: string;
  port?: string;
  host?: string;
  token?: string;
  lexicon?: string[];
  petrarchDictionaries?: string[];
}

/** Checks a port flag: a whole number from 0 (any free port) to 65535. */
export function parsePort(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${value}"`);
  return Number(value);
}

/**
 * Starts serving; resolves once listening, with the server. Writing (POST /api/articles) is on only with a token
 * (`--token` or DYAD_TOKEN); the coder for it loads on the first write.
 */
export async function runServe(options: ServeOptions, env: NodeJS.ProcessEnv = process.env): Promise<RunningServer & { dispose(): Promise<void> }> {
  const port = parsePort(options.port ?? '8080');
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? env['DYAD_TOKEN'] ?? null;
  if (token !== null && token.length < 8) throw new UsageError('the token must be at least 8 characters long');
  const store = await openStore(options.db ?? './dyad.db');
  const coderOptions = await lexiconOptions(options);
  try {
    const running = await startServer({
      store, host, port, token,
      coder: token === null ? undefined : lazy(() => createCoder(coderOptions)),
    });
    return { ...running, dispose: async () => { await running.close(); await store.close(); } };
  } catch (err) {
    await store.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${host} is in use: choose another with --port`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`cannot listen on --host ${host}`);
    throw err;
  }
}

/** A promise-like that starts its work only when first awaited. */
function lazy<T>(make: () => Promise<T>): Promise<T> {
  let started: Promise<T> | null = null;
  const start = (): Promise<T> => (started ??= make());
  return {
    then: (ok, fail) => start().then(ok, fail),
    catch: (fail) => start().catch(fail),
    finally: (done) => start().finally(done),
    [Symbol.toStringTag]: 'Promise',
  } as Promise<T>;
}

/** The `serve` command for the program. */
export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the HTTP API and the web UI over a store (localhost only unless --host says otherwise)')
    .option('--db <path|url>', DB_HELP, './dyad.db')
    .option('-p, --port <port>', 'port (0: any free port)', '8080')
    .option('--host <host>', 'interface to listen on (0.0.0.0: every interface)', '127.0.0.1')
    .option('--token <token>', 'allow POST /api/articles with "Authorization: Bearer TOKEN" (or set DYAD_TOKEN)')
    .option('--lexicon <dir...>', 'extra lexicon folders for coding posted articles')
    .option('--petrarch-dictionaries <path...>', 'PETRARCH/TABARI dictionaries for coding posted articles')
    .action(async (options: ServeOptions) => {
      const running = await runServe(options);
      const shown = running.url.replace('://127.0.0.1:', '://localhost:');
      process.stdout.write(`Dyad is serving ${options.db ?? './dyad.db'} at ${shown}/ (API: ${shown}/api/openapi.json)\n`);
      process.stdout.write(running.url.includes('127.0.0.1') || running.url.includes('[::1]')
        ? 'Only this machine can reach it. Press Ctrl+C to stop.\n'
        : 'Reachable from other machines (plain HTTP). Press Ctrl+C to stop.\n');
      if (options.token === undefined && process.env['DYAD_TOKEN'] === undefined) process.stdout.write('Writing is off (no --token).\n');
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void running.dispose().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
