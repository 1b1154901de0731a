// Parse (evaluation): a parser + gold CoNLL-U sentences → UPOS accuracy, UAS and LAS over every word (punctuation included).
import { POS_TAGS } from '../nlp/pos.js';
import type { ConlluSentence } from './conllu.js';
import { DEPRELS } from './deprels.js';
import type { ParsedSentence } from './parser.js';

/** Figures of one treebank: shares of words with the right tag, head, and head + full label; and the speed. */
export interface TreebankScores {
  upos: number;
  uas: number;
  las: number;
  words: number;
  /** Words per second of wall time spent in `parse`. */
  tokensPerSecond: number;
  /** Words per second of this process's CPU time in `parse` (one core; fair on a busy machine). */
  tokensPerCpuSecond: number;
}

/** Tags and parses each sentence from its gold words (predicted tags) and scores it as the CoNLL 2018 shared task does (LAS on full labels). */
export function scoreTreebank(parser: { parse(words: readonly string[]): ParsedSentence }, sentences: readonly ConlluSentence[]): TreebankScores {
  let words = 0;
  let upos = 0;
  let uas = 0;
  let las = 0;
  let seconds = 0;
  // CPU time is read over the whole loop (its clock is too coarse per sentence); scoring a word costs next to nothing.
  const cpu = process.cpuUsage();
  for (const sent of sentences) {
    const started = performance.now();
    const parsed = parser.parse(sent.words);
    seconds += (performance.now() - started) / 1000;
    for (let i = 0; i < sent.words.length; i += 1) {
      words += 1;
      if (POS_TAGS[parsed.upos[i]!] === sent.upos[i]) upos += 1;
      if (parsed.head[i] === sent.head[i]) {
        uas += 1;
        if (DEPRELS[parsed.deprel[i]!] === sent.deprel[i]) las += 1;
      }
    }
  }
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const share = (count: number): number => (words === 0 ? 0 : count / words);
  return { upos: share(upos), uas: share(uas), las: share(las), words, tokensPerSecond: seconds > 0 ? words / seconds : 0, tokensPerCpuSecond: cpuSeconds > 0 ? words / cpuSeconds : 0 };
}
