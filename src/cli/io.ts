// CLI edge: writing to stdout with back-pressure, printing problems, and turning lexicon flags into coder options.
import type { CoderOptions } from '../coder/create-coder.js';
import type { Problem } from '../types/index.js';

/** Writes to stdout, waiting when the pipe is full; a closed pipe (| head) ends quietly. */
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

/** One line for a problem: "dyad: E104 data.jsonl:3: record is not valid JSON". */
/**
 * Collects a repeatable option's values ("--lexicon a --lexicon b"): each takes one value, so the inputs may follow
 * it ("dyad code --lexicon my-lexicon/ article.txt").
 */
export function collectValues(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function formatProblem(p: Problem): string {
  // ingest problems already open with "path:line:"; others get it here
  const where = `${p.input}${p.line !== undefined ? `:${p.line}` : ''}`;
  return `dyad: ${p.code} ${p.message.startsWith(p.input) ? p.message : `${where}: ${p.message}`}`;
}

/** Coder options from the lexicon flags shared by code, ingest and serve. */
export async function lexiconOptions(options: { lexicon?: string[]; petrarchDictionaries?: string[]; parser?: boolean }): Promise<CoderOptions> {
  const out: CoderOptions = {};
  // --no-parser: roles from word windows only (faster, less accurate)
  if (options.parser === false) out.parser = null;
  if (options.lexicon !== undefined) out.lexiconDirs = options.lexicon;
  if (options.petrarchDictionaries !== undefined && options.petrarchDictionaries.length > 0) {
    const { loadPetrarchDictionaries } = await import('../lexicon/petrarch/load-petrarch.js');
    const loaded = loadPetrarchDictionaries(options.petrarchDictionaries);
    for (const p of loaded.problems) process.stderr.write(formatProblem(p) + '\n');
    out.extra = [loaded.source];
  }
  return out;
}
