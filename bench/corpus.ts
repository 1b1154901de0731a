// Bench: the real sentences of ../shared/data (read at run time) → a large JSON Lines corpus of ~10-sentence articles in bench/out/.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseBioSentences, parseClassTsv, CONFLIBERT_CLASS_PATH, CONFLIBERT_SPANS_PATH } from '../eval/suites/conflibert.js';
import { loadPloverGold, PLOVER_GSR_PATH } from '../eval/suites/plover.js';
import { sharedData } from '../eval/shared-data.js';

/** The PETRARCH2 validation records, whose `<Text>` elements are real and stylised news sentences. */
export const PETRARCH_RECORDS_PATH = sharedData('petrarch2', 'text', 'PETR.UnitTest.records.xml');

/** Bump when the corpus layout changes, so a cached corpus is rebuilt. */
const CORPUS_VERSION = 2;

/** What was built. `sentences` counts the source sentences placed in the corpus (the unit of sentences/s). */
export interface CorpusInfo {
  path: string;
  articles: number;
  sentences: number;
  distinctSentences: number;
  bytes: number;
  version: number;
  seed: number;
}

/** Collapses runs of whitespace (the XML text is hard-wrapped). */
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Every distinct sentence the shared data holds: ConfliBERT class and NER sentences, PLOVER texts, PETRARCH `<Text>`s. */
export function corpusSentences(): string[] {
  const sentences = [
    ...parseClassTsv(readFileSync(CONFLIBERT_CLASS_PATH, 'utf8')).map((s) => s.text),
    ...parseBioSentences(readFileSync(CONFLIBERT_SPANS_PATH, 'utf8')).map((s) => s.text),
    ...loadPloverGold(PLOVER_GSR_PATH).map((record) => record.text),
    ...[...readFileSync(PETRARCH_RECORDS_PATH, 'utf8').matchAll(/<Text>([\s\S]*?)<\/Text>/g)].map((m) => m[1] ?? ''),
  ];
  return [...new Set(sentences.map(squash).filter((text) => text !== ''))];
}

/** A small seeded PRNG (mulberry32), so the same seed always gives the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** An ISO date for the n-th article: days from 2000-01-01, wrapping after 24 years. */
function articleDate(n: number): string {
  const day = new Date(Date.UTC(2000, 0, 1) + (n % (24 * 365)) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/**
 * Builds (or reuses, when a corpus of the same size, seed and version is there) `outDir/corpus.jsonl`: the sentences,
 * shuffled afresh on each pass so repeats land in different articles, grouped 10 to an article (one paragraph each),
 * until at least `minSentences` are placed. Records: `{id, date, source, text}`.
 */
export function buildCorpus(outDir: string, minSentences = 100_000, seed = 20240501): CorpusInfo {
  const path = join(outDir, 'corpus.jsonl');
  const metaPath = join(outDir, 'corpus.meta.json');
  if (existsSync(path) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as CorpusInfo;
    if (meta.version === CORPUS_VERSION && meta.seed === seed && meta.sentences === minSentences) {
      return { ...meta, path, bytes: statSync(path).size };
    }
  }
  const pool = corpusSentences();
  const next = random(seed);
  const lines: string[] = [];
  let placed = 0;
  let article: string[] = [];
  const flush = (): void => {
    const n = lines.length;
    const record = { id: `bench-${String(n + 1).padStart(6, '0')}`, date: articleDate(n), source: 'Dyad bench', text: article.join('\n\n') };
    lines.push(JSON.stringify(record));
    article = [];
  };
  while (placed < minSentences) {
    for (const sentence of shuffled(pool, next)) {
      article.push(sentence);
      placed += 1;
      if (article.length === 10) flush();
      if (placed >= minSentences) break;
    }
  }
  if (article.length > 0) flush();
  mkdirSync(outDir, { recursive: true });
  const body = `${lines.join('\n')}\n`;
  writeFileSync(path, body);
  const info: CorpusInfo = { path, articles: lines.length, sentences: placed, distinctSentences: pool.length, bytes: Buffer.byteLength(body), version: CORPUS_VERSION, seed };
  writeFileSync(metaPath, `${JSON.stringify(info, null, 2)}\n`);
  return info;
}

/**
 * Writes `n` news-like articles to `path` (JSON Lines), streaming: about 70% originals (three real sentences and a
 * desk note of made-up words, so that no two are near-duplicates by chance) and 30% syndicated copies of one of the
 * last 500 originals, every twelfth word edited — the mix a wire-heavy news day has. Seeded: the same `n` and `seed`
 * always give the same file.
 */
export function writeSyndicatedNews(path: string, n: number, seed = 20261207): void {
  const sentences = corpusSentences();
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const syllables = 'ka lo mi ren tu sa vel dor pi nak zu fen ro bi tal gu sem ol ar te'.split(' ');
  const recent: string[] = [];
  const fd = openSync(path, 'w');
  try {
    let lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const date = articleDate(i);
      let text: string;
      if (recent.length > 0 && next() < 0.3) {
        const words = pick(recent).split(' ');
        text = words.map((word, w) => (w % 12 === 5 ? pick(syllables) + pick(syllables) : word)).join(' ');
      } else {
        const note = Array.from({ length: 40 }, () => pick(syllables) + pick(syllables) + (next() < 0.5 ? pick(syllables) : '')).join(' ');
        text = `${pick(sentences)}\n\n${pick(sentences)}\n\n${pick(sentences)}\n\nDesk note ${i}: ${note}.`;
        recent.push(text);
        if (recent.length > 500) recent.shift();
      }
      lines.push(JSON.stringify({ id: `news-${i}`, date, source: `Outlet ${i % 40}`, text }));
      if (lines.length === 1000) {
        writeSync(fd, `${lines.join('\n')}\n`);
        lines = [];
      }
    }
    if (lines.length > 0) writeSync(fd, `${lines.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
}
