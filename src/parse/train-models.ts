// Parse (training): CoNLL-U train and dev sentences → averaged-perceptron tagger and parser tables, epochs chosen on dev.
import { posId } from '../nlp/pos.js';
import type { ConlluSentence } from './conllu.js';
import { DEPRELS, deprelId } from './deprels.js';
import { seededRandom, shuffle } from './hash.js';
import { allowedLabels, learnParse, ParseScratch, projectivize } from './parse-words.js';
import { Parser, sentenceView } from './parser.js';
import { pack, Perceptron, type PackedTable, type WeightTable } from './perceptron.js';
import { scoreTreebank, type TreebankScores } from './score-treebank.js';
import { buildTagDictionary, learnTags, N_TAGS, tagDictionary, TagScratch, tagWords, USE_DICT_MIN_COUNT, type TaggerModel } from './tag-words.js';
import { wordCodes } from './word-codes.js';

/** Training settings; the same settings and data give byte-identical weights. */
export interface TrainOptions {
  seed: number;
  /** Most epochs per model; training stops earlier once dev has not improved for `patience` epochs. */
  maxEpochs: number;
  patience: number;
  /** Table sizes, as 2^bits feature rows. */
  tagBits: number;
  moveBits: number;
  labelBits: number;
  /** Exploration probability of the dynamic oracle from epoch 2 on. */
  explore: number;
  /** Folds for jackknifed training tags (each fold tagged by a tagger trained on the others); 0 or 1: the final tagger's own tags. */
  folds: number;
  progress(message: string): void;
}

/** Trained tables (packed to bytes) and what was chosen. */
export interface TrainedModels {
  tagger: PackedTable;
  /** The tag dictionary, `[word, tag id]` pairs. */
  tagDict: [string, number][];
  moves: PackedTable;
  labels: PackedTable;
  allowed: Uint8Array[];
  tagEpochs: number;
  parseEpochs: number;
  dev: TreebankScores;
}

interface Prepared {
  sent: ConlluSentence;
  codes: Int32Array;
  gold: Uint8Array;
}

const prepare = (sent: ConlluSentence): Prepared => ({ sent, codes: wordCodes(sent.words), gold: Uint8Array.from(sent.upos, posId) });

/** A parser over the tagger only (heads and labels empty), for scoring tags on dev. */
function taggerOnly(tagger: TaggerModel): Parser {
  const empty = pack({ bits: 1, nClasses: 3, weights: new Float32Array(6), scale: 1 });
  return new Parser(tagger, { moves: empty, labels: empty, allowed: [] });
}

/** Trains the tagger on `train`, choosing the epoch count by dev UPOS accuracy. Returns the float averaged table. */
export function trainTagger(train: readonly ConlluSentence[], dev: readonly ConlluSentence[], options: TrainOptions): { table: WeightTable; dict: [string, number][]; epochs: number; accuracy: number } {
  const random = seededRandom(options.seed);
  const data = train.map(prepare);
  const tagged = data.map(({ sent, gold }) => ({ words: sent.words, tags: gold }));
  // Training skips the words of the strict dictionary; dev and use look words up in the larger one.
  const dict = tagDictionary(buildTagDictionary(tagged));
  const entries = buildTagDictionary(tagged, USE_DICT_MIN_COUNT);
  const useDict = tagDictionary(entries);
  const model = new Perceptron(options.tagBits, N_TAGS);
  const scratch = new TagScratch();
  let out = new Uint8Array(256);
  let best = { table: model.averaged(), dict: entries, epochs: 0, accuracy: -1 };
  for (let epoch = 1; epoch <= options.maxEpochs; epoch += 1) {
    shuffle(data, random);
    for (const { codes, gold, sent } of data) {
      if (out.length < sent.words.length) out = new Uint8Array(sent.words.length * 2);
      learnTags(model, dict, codes, sent.words.length, gold, out, scratch);
    }
    const table = model.averaged();
    const accuracy = dev.length > 0 ? tagAccuracy({ table: pack(table), dict: useDict }, dev) : epoch;
    options.progress(`tagger epoch ${epoch}: dev UPOS ${accuracy.toFixed(4)}`);
    if (accuracy > best.accuracy) best = { table, dict: entries, epochs: epoch, accuracy };
    else if (epoch - best.epochs >= options.patience) break;
  }
  return best;
}

function tagAccuracy(table: TaggerModel, sentences: readonly ConlluSentence[]): number {
  const tagger = taggerOnly(table);
  let right = 0;
  let all = 0;
  for (const sent of sentences) {
    const tags = tagger.tag(sent.words);
    for (let i = 0; i < tags.length; i += 1) {
      all += 1;
      if (tags[i] === posId(sent.upos[i]!)) right += 1;
    }
  }
  return all === 0 ? 0 : right / all;
}

/**
 * Jackknifed tags for `train`: the sentences split into `folds` (by a seeded shuffle), each tagged by a tagger trained
 * for `epochs` on the other folds, so the parser learns from tags as wrong as at use.
 */
export function jackknifeTags(train: readonly ConlluSentence[], epochs: number, options: TrainOptions): Uint8Array[] {
  const order = shuffle(train.map((_, i) => i), seededRandom(options.seed + 2));
  const fold = new Int32Array(train.length);
  order.forEach((index, rank) => (fold[index] = rank % options.folds));
  const tags: Uint8Array[] = new Array<Uint8Array>(train.length);
  const scratch = new TagScratch();
  for (let f = 0; f < options.folds; f += 1) {
    const rest = train.filter((_, i) => fold[i] !== f);
    const trained = trainTagger(rest, [], { ...options, maxEpochs: epochs, patience: epochs + 1, progress: () => {} });
    const tagger = { table: pack(trained.table), dict: tagDictionary(trained.dict) };
    train.forEach((sent, i) => {
      if (fold[i] !== f) return;
      const out = new Uint8Array(sent.words.length);
      tagWords(tagger, wordCodes(sent.words), sent.words.length, out, scratch);
      tags[i] = out;
    });
    options.progress(`jackknife fold ${f + 1} of ${options.folds} tagged`);
  }
  return tags;
}

/**
 * Trains the parser on `train` with the tags `tagger` predicts (as at use), or with `trainTags` when given, heads projectivised, choosing the epoch
 * count by dev LAS (with predicted tags). Returns float averaged tables.
 */
export function trainParser(train: readonly ConlluSentence[], dev: readonly ConlluSentence[], tagger: TaggerModel, options: TrainOptions, trainTags?: readonly Uint8Array[]): { moves: WeightTable; labels: WeightTable; allowed: Uint8Array[]; epochs: number; dev: TreebankScores } {
  const random = seededRandom(options.seed + 1);
  const tagScratch = new TagScratch();
  const data = train.map((sent, index) => {
    const n = sent.words.length;
    const codes = wordCodes(sent.words);
    let tags = trainTags?.[index];
    if (!tags) {
      tags = new Uint8Array(n);
      tagWords(tagger, codes, n, tags, tagScratch);
    }
    const gold = Int32Array.from(projectivize(sent.head), (h) => (h < 0 ? n : h));
    return { n, view: sentenceView(codes, tags, n), gold, labels: Uint8Array.from(sent.deprel, deprelId) };
  });
  const allowed = allowedLabels(data.map(({ n, view, gold, labels }) => ({ n, heads: gold, labels, tags: view.tag })));
  const learner = { moves: new Perceptron(options.moveBits, 3), labels: new Perceptron(options.labelBits, DEPRELS.length), allowed, explore: 0, random };
  const scratch = new ParseScratch();
  let best: { moves: WeightTable; labels: WeightTable; allowed: Uint8Array[]; epochs: number; dev: TreebankScores } | null = null;
  for (let epoch = 1; epoch <= options.maxEpochs; epoch += 1) {
    learner.explore = epoch === 1 ? 0 : options.explore;
    shuffle(data, random);
    for (const item of data) learnParse(learner, item.view, item.n, item.gold, item.labels, scratch);
    const moves = learner.moves.averaged();
    const labels = learner.labels.averaged();
    const scores = scoreTreebank(new Parser(tagger, { moves: pack(moves), labels: pack(labels), allowed }), dev);
    options.progress(`parser epoch ${epoch}: dev UAS ${scores.uas.toFixed(4)} LAS ${scores.las.toFixed(4)}`);
    if (best === null || scores.las > best.dev.las) best = { moves, labels, allowed, epochs: epoch, dev: scores };
    else if (epoch - best.epochs >= options.patience) break;
  }
  if (best === null) throw new Error('trainParser: maxEpochs must be at least 1');
  return best;
}

/**
 * Trains both models and packs them to bytes. With `pretrained` (a shipped tagger and its epoch count), only the
 * parser is trained, over that tagger's tags. `jackknifed` supplies the jackknifed training tags when they were
 * computed before with the same data and settings (they depend on nothing else), else they are computed here.
 */
export function trainModels(train: readonly ConlluSentence[], dev: readonly ConlluSentence[], options: TrainOptions, pretrained?: { tagger: PackedTable; tagDict: [string, number][]; epochs: number }, jackknifed?: (epochs: number) => Uint8Array[]): TrainedModels {
  const tagged = pretrained ?? (() => {
    const trained = trainTagger(train, dev, options);
    return { tagger: pack(trained.table), tagDict: trained.dict, epochs: trained.epochs };
  })();
  const tagger = { table: tagged.tagger, dict: tagDictionary(tagged.tagDict) };
  const trainTags = options.folds > 1 ? (jackknifed ?? ((epochs: number) => jackknifeTags(train, epochs, options)))(tagged.epochs) : undefined;
  const parsed = trainParser(train, dev, tagger, options, trainTags);
  const moves = pack(parsed.moves);
  const labels = pack(parsed.labels);
  const dev2 = scoreTreebank(new Parser(tagger, { moves, labels, allowed: parsed.allowed }), dev);
  return { tagger: tagged.tagger, tagDict: tagged.tagDict, moves, labels, allowed: parsed.allowed, tagEpochs: tagged.epochs, parseEpochs: parsed.epochs, dev: dev2 };
}
