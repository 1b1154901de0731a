// Training: `npm run train [-- --seed N --max-epochs N --limit N --out DIR --tagger-from DIR]` — UD EWT + GUM train → models/tagger.bin, models/parser.bin.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConllu, type ConlluSentence } from '../src/parse/conllu.js';
import { DEPRELS } from '../src/parse/deprels.js';
import { readModelFile, writeModelFile } from '../src/parse/model-file.js';
import { packAllowed } from '../src/parse/parse-words.js';
import { trainModels, type TrainOptions } from '../src/parse/train-models.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const UD = resolve(ROOT, '..', 'shared', 'data', 'ud');

/** The training defaults; `models/README.md` records the run that made the shipped files. */
export const DEFAULTS = { seed: 11, maxEpochs: 20, patience: 3, tagBits: 18, moveBits: 21, labelBits: 17, explore: 0.9, folds: 4 };

function read(name: string): ConlluSentence[] {
  return readConllu(readFileSync(resolve(UD, name), 'utf8'));
}

function main(argv: string[]): void {
  const settings = { ...DEFAULTS, limit: 0, out: resolve(ROOT, 'models'), taggerFrom: '' };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i]!, argv[i + 1] ?? ''];
    if (flag === '--out') settings.out = resolve(value);
    else if (flag === '--tagger-from') settings.taggerFrom = resolve(value);
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
  const models = trainModels(train, dev, options, pretrained);
  mkdirSync(settings.out, { recursive: true });
  const figures = { epochs: { tagger: models.tagEpochs, parser: models.parseEpochs }, dev: { upos: models.dev.upos, uas: models.dev.uas, las: models.dev.las }, seed: settings.seed };
  writeModelFile(resolve(settings.out, 'tagger.bin'), { tables: { tags: models.tagger }, meta: { figures, tagDict: models.tagDict } });
  writeModelFile(resolve(settings.out, 'parser.bin'), { tables: { moves: models.moves, labels: models.labels }, meta: { deprels: [...DEPRELS], allowed: packAllowed(models.allowed), figures } });
  console.log(`[${elapsed()}] dev (packed weights): UPOS ${models.dev.upos.toFixed(4)} UAS ${models.dev.uas.toFixed(4)} LAS ${models.dev.las.toFixed(4)}; tagger ${models.tagEpochs} epochs, parser ${models.parseEpochs}; wrote ${settings.out}`);
}

main(process.argv.slice(2));
