// Bench `parser`: UD English dev + test words → tag-only and tag + parse throughput on one core, and the models' load time and size.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { sharedData } from '../eval/shared-data.js';
import { readConllu } from '../src/parse/conllu.js';
import { loadParser, MODELS_DIR } from '../src/parse/load-parser.js';
import type { Bench, Figures } from './bench.js';

/** Words per CPU second and per wall second of `run` over `sentences`, three rounds (the first warms up, the last two are timed). */
function measure(sentences: readonly string[][], run: (words: readonly string[]) => unknown): { cpu: number; wall: number } {
  let words = 0;
  let seconds = 0;
  let cpuSeconds = 0;
  for (let round = 0; round < 3; round += 1) {
    const t0 = performance.now();
    const cpu = process.cpuUsage();
    let n = 0;
    for (const sent of sentences) {
      run(sent);
      n += sent.length;
    }
    if (round > 0) {
      const used = process.cpuUsage(cpu);
      cpuSeconds += (used.user + used.system) / 1e6;
      seconds += (performance.now() - t0) / 1000;
      words += n;
    }
  }
  return { cpu: words / cpuSeconds, wall: words / seconds };
}

/**
 * Tags, then tags and parses, every sentence of the UD dev and test files; parsing alone is derived from the two
 * (time of both − time of tagging), since the parser needs the tags.
 */
export const parserBench: Bench = {
  name: 'parser',
  describe: 'tagger + dependency parser: load time, model size, tokens/s of tagging, parsing and both (UD English dev + test words)',
  async run(context) {
    const dir = sharedData('ud');
    const files = ['en_ewt-dev.conllu', 'en_ewt-test.conllu', 'en_gum-ccby-dev.conllu', 'en_gum-ccby-test.conllu'];
    const sentences = files.flatMap((file) => readConllu(readFileSync(resolve(dir, file), 'utf8'))).map((sent) => sent.words);
    const started = performance.now();
    const parser = loadParser();
    const loadSeconds = (performance.now() - started) / 1000;
    const bytes = ['tagger.bin', 'parser.bin'].reduce((sum, name) => sum + statSync(resolve(MODELS_DIR, name)).size, 0);
    context.progress('tagging');
    const tag = measure(sentences, (words) => parser.tag(words));
    context.progress('tagging + parsing');
    const both = measure(sentences, (words) => parser.parse(words));
    const figures: Figures = {
      'load s': Number(loadSeconds.toFixed(3)),
      'model MB': Number((bytes / 1e6).toFixed(1)),
      sentences: sentences.length,
      'tokens/s (CPU time, one core)': Math.round(both.cpu),
      'tokens/s (wall time)': Math.round(both.wall),
      'tag only, tokens/s (CPU)': Math.round(tag.cpu),
      'parse only, tokens/s (CPU, both − tag)': Math.round(1 / (1 / both.cpu - 1 / tag.cpu)),
      'tagging share of tag + parse': `${Math.round((100 * both.cpu) / tag.cpu)} %`,
    };
    return { 'tag + parse': figures };
  },
};
