// Bench: the shape of a sub-benchmark (name, run → named groups of figures) and the plain-text table it prints as.

/** Figures of one group: label → number or short text. */
export type Figures = Record<string, number | string>;

/** What a sub-benchmark gets from the runner. */
export interface BenchContext {
  /** The repository root. */
  root: string;
  /** Corpus size asked for (`--sentences`, default 100,000). */
  sentences: number;
  /** Writes a progress line to stderr. */
  progress(message: string): void;
}

/** One sub-benchmark (`code`; later `ingest`, `serve`), registered in bench/run.ts. Benchmarks print figures, never assert. */
export interface Bench {
  name: string;
  describe: string;
  /** Returns groups of figures, group name → figures. */
  run(context: BenchContext): Promise<Record<string, Figures>>;
}

/** Formats a number for a table: thousands separators; decimals as given. */
function cell(value: number | string): string {
  if (typeof value === 'string') return value;
  const [whole = '0', fraction] = String(value).split('.');
  const grouped = Number(whole).toLocaleString('en-US');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Renders a benchmark's groups as small two-column tables under its name. */
export function formatFigures(name: string, groups: Record<string, Figures>): string {
  const out: string[] = [`bench ${name}`];
  for (const [group, figures] of Object.entries(groups)) {
    const rows = Object.entries(figures).map(([label, value]) => [label, cell(value)] as const);
    const width = Math.max(0, ...rows.map(([label]) => label.length));
    out.push('', `  ${group}`);
    for (const [label, value] of rows) {
      const [first = '', ...rest] = value.split('\n');
      out.push(`    ${label.padEnd(width)}  ${first}`, ...rest.map((line) => `    ${' '.repeat(width)}  ${line}`));
    }
  }
  return `${out.join('\n')}\n`;
}
