// Bench: `npm run bench [-- NAME…] [-- --json] [-- --sentences N]` — runs sub-benchmarks and prints their figures.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatFigures, type Bench, type Figures } from './bench.js';
import { codeBench } from './code.js';
import { correctionsBench } from './corrections.js';
import { hostileBench } from './hostile.js';
import { ingestBench } from './ingest.js';
import { memoryBench } from './memory.js';
import { parserBench } from './parser.js';
import { scaleBench } from './scale.js';
import { serveBench } from './serve.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every sub-benchmark; `npm run bench` with no name runs those marked default. */
export const BENCHES: { bench: Bench; byDefault: boolean }[] = [
  { bench: codeBench, byDefault: true }, { bench: ingestBench, byDefault: false }, { bench: serveBench, byDefault: false },
  { bench: hostileBench, byDefault: false },
  { bench: parserBench, byDefault: false },
  { bench: scaleBench, byDefault: false },
  { bench: correctionsBench, byDefault: false },
  { bench: memoryBench, byDefault: false },
];

interface Args {
  names: string[];
  json: boolean;
  sentences: number;
  help: boolean;
}

/** Parses the command line: bench names, `--json`, `--sentences N` (corpus size, default 100,000), `--help`. */
export function parseBenchArgs(argv: string[]): Args {
  const args: Args = { names: [], json: false, sentences: 100_000, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--json') args.json = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--sentences' || arg.startsWith('--sentences=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[(i += 1)];
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--sentences needs a positive whole number, got ${value ?? 'nothing'}`);
      args.sentences = n;
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else args.names.push(arg);
  }
  return args;
}

async function main(argv: string[]): Promise<number> {
  const args = parseBenchArgs(argv);
  if (args.help) {
    console.log('usage: npm run bench [-- NAME…] [-- --json] [-- --sentences N]\n\nbenchmarks:');
    for (const { bench } of BENCHES) console.log(`  ${bench.name.padEnd(8)} ${bench.describe}`);
    return 0;
  }
  const unknown = args.names.filter((name) => !BENCHES.some(({ bench }) => bench.name === name));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${BENCHES.map(({ bench }) => bench.name).join(', ')}`);
  const chosen = BENCHES.filter(({ bench, byDefault }) => (args.names.length === 0 ? byDefault : args.names.includes(bench.name)));
  const results: Record<string, Record<string, Figures>> = {};
  for (const { bench } of chosen) {
    const context = { root: ROOT, sentences: args.sentences, progress: (message: string) => process.stderr.write(`bench ${bench.name}: ${message}\n`) };
    results[bench.name] = await bench.run(context);
    if (!args.json) process.stdout.write(formatFigures(bench.name, results[bench.name]!));
  }
  if (args.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
