// Training: `npm run train [-- --seed N --max-epochs N --limit N --out DIR --tagger-from DIR --jackknife-cache FILE]` — UD EWT + GUM train → models/tagger.bin, models/parser.bin.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedData } from '../eval/shared-data.js';
import { readConllu, type ConlluSentence } from '../src/parse/conllu.js';
import { DEPRELS } from '../src/parse/deprels.js';
import { readModelFile, writeModelFile } from '../src/parse/model-file.js';
import { packAllowed } from '../src/parse/parse-words.js';
import { jackknifeTags, trainModels, type TrainOptions } from '../src/parse/train-models.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const UD = sharedData('ud');

/** The training defaults; `models/README.md` records the run that made the shipped files. */
export const DEFAULTS = { seed: 11, maxEpochs: 20, patience: 3, tagBits: 18, moveBits: 19, labelBits: 16, explore: 0.9, folds: 4 };

function read(name: string): ConlluSentence[] {
  return readConllu(readFileSync(resolve(UD, name), 'utf8'));
}

/** The code jackknifed tags depend on. */
const TAGGER_SOURCES = ['tag-words.ts', 'word-codes.ts', 'feature-templates.ts', 'hash.ts', 'perceptron.ts', 'train-models.ts'];

/**
 * Jackknifed training tags from `path` when it holds those of the same data and settings (seed, folds, tagger epochs,
 * training words and tags, the tagger's source files), else computed and written there. They take a third of a run
 * and depend on none of the parser's settings, so parser experiments can share them; the files come out the same.
 */
function cachedJackknife(path: string, train: readonly ConlluSentence[], epochs: number, options: TrainOptions): Uint8Array[] {
  // The key names everything the tags depend on: settings, data, and the tagger's code.
  const hash = createHash('sha256').update(`${options.seed} ${options.folds} ${epochs} ${options.tagBits}\n`);
  for (const sent of train) hash.update(`${sent.words.join(' ')}\t${sent.upos.join(' ')}\n`);
  for (const file of TAGGER_SOURCES) hash.update(readFileSync(resolve(ROOT, 'src', 'parse', file)));
  const key = hash.digest('hex');
  if (existsSync(path)) {
    const cached = JSON.parse(readFileSync(path, 'utf8')) as { key: string; tags: number[][] };
    if (cached.key === key) {
      console.log(`jackknifed tags from ${path}`);
      return cached.tags.map((tags) => Uint8Array.from(tags));
    }
  }
  const tags = jackknifeTags(train, epochs, options);
  writeFileSync(path, JSON.stringify({ key, tags: tags.map((list) => [...list]) }));
  return tags;
}

function main(argv: string[]): void {
  const settings = { ...DEFAULTS, limit: 0, out: resolve(ROOT, 'models'), taggerFrom: '', jackknifeCache: '' };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i]!, argv[i + 1] ?? ''];
    if (flag === '--out') settings.out = resolve(value);
    else if (flag === '--tagger-from') settings.taggerFrom = resolve(value);
    else if (flag === '--jackknife-cache') settings.jackknifeCache = resolve(value);
    else if (flag === '--move-bits') settings.moveBits = Number(value);
    else if (flag === '--label-bits') settings.labelBits = Number(value);
    else if (flag === '--tag-bits') settings.tagBits = Number(value);
    else if (flag === '--folds') settings.folds = Number(value);
    else if (flag === '--seed') settings.seed = Number(value);
    else if (flag === '--max-epochs') settings.maxEpochs = Number(value);
    else if (flag === '--limit') settings.limit = Number(value);
    else if (flag === '--explore') settings.explore = Number(value);
    else if (flag === '--patience') settings.patience = Number(value);
    else throw new Error(`unknown argument ${flag}`);
  }
  const started = performance.now();
  const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  let train = [...read('en_ewt-train.conllu'), ...read('en_gum-ccby-train.conllu')];
  const dev = [...read('en_ewt-dev.conllu'), ...read('en_gum-ccby-dev.conllu')];
  if (settings.limit > 0) train = train.slice(0, settings.limit);
  const options: TrainOptions = { ...settings, progress: (message) => console.log(`[${elapsed()}] ${message}`) };
  console.log(`train ${train.length} sentences, dev ${dev.length}; seed ${settings.seed}`);
  let pretrained;
  if (settings.taggerFrom !== '') {
    const file = readModelFile(resolve(settings.taggerFrom, 'tagger.bin'));
    const figures = file.meta.figures as { epochs: { tagger: number } };
    pretrained = { tagger: file.tables.tags!, tagDict: file.meta.tagDict as [string, number][], epochs: figures.epochs.tagger };
    console.log(`tagger from ${settings.taggerFrom} (not retrained)`);
  }
  const models = trainModels(train, dev, options, pretrained, settings.jackknifeCache === '' ? undefined : (epochs) => cachedJackknife(settings.jackknifeCache, train, epochs, options));
  mkdirSync(settings.out, { recursive: true });
  const figures = { epochs: { tagger: models.tagEpochs, parser: models.parseEpochs }, dev: { upos: models.dev.upos, uas: models.dev.uas, las: models.dev.las }, seed: settings.seed };
  writeModelFile(resolve(settings.out, 'tagger.bin'), { tables: { tags: models.tagger }, meta: { figures, tagDict: models.tagDict } });
  writeModelFile(resolve(settings.out, 'parser.bin'), { tables: { moves: models.moves, labels: models.labels }, meta: { deprels: [...DEPRELS], allowed: packAllowed(models.allowed), figures } });
  console.log(`[${elapsed()}] dev (packed weights): UPOS ${models.dev.upos.toFixed(4)} UAS ${models.dev.uas.toFixed(4)} LAS ${models.dev.las.toFixed(4)}; tagger ${models.tagEpochs} epochs, parser ${models.parseEpochs}; wrote ${settings.out}`);
}

main(process.argv.slice(2));
