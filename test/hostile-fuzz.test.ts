// Fuzz (seeded, bounded): random bytes and mutated articles through reading, cleaning and coding — never an uncaught exception, never E400.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { createCoderSync } from '../src/coder/create-coder.js';
import { cleanHtml } from '../src/ingest/clean-html.js';
import { readInputs } from '../src/ingest/read-inputs.js';
import { codeWithinBudget } from '../src/pipeline/code-within-budget.js';
import { DyadError } from '../src/types/index.js';
import { seededRandom } from '../src/parse/hash.js';

/**
 * The fuzz suite runs FUZZ_N cases, else 10,000, in four parts: half here as inputs read and coded, 3/10 here as
 * pages through the HTML cleaner, 1/10 as POST /api/articles bodies (src/api/post-fuzz.test.ts) and 1/5 as query
 * strings (src/api/fuzz.test.ts). A case costs a few ms of CPU: most are built from an excerpt of a sample (one to
 * four sentences; a whole article one time in 40). More on demand:
 * `FUZZ_N=1000000 FUZZ_SEED=7 node scripts/run-tests.mjs test/hostile-fuzz.test.ts src/api/post-fuzz.test.ts src/api/fuzz.test.ts`.
 */
const TOTAL = Number(process.env['FUZZ_N'] ?? 10_000);
const READ_CASES = Math.max(1, Math.floor(TOTAL / 2));
const PAGE_CASES = Math.max(1, Math.floor((TOTAL * 3) / 10));
/** The time budget of one case's article (ms): a case past it is E401, counted and reported (the target is none). */
const CASE_BUDGET_MS = 2_000;
const SEED = Number(process.env['FUZZ_SEED'] ?? 13);

/** A small deterministic generator (mulberry32), so a run can be replayed from its seed. */
const random = seededRandom;

const SAMPLES = readdirSync('samples/articles').sort().map((name) => readFileSync(`samples/articles/${name}`, 'utf8'));
const NASTY = ['\u0000', '\ufeff', '\u200b', '\u202e', '\ud800', '\udfff', '😀', '\r\n', '\n\n', '\t', '  ', '...', '.', ',', ';', '"', '“', '-', '—', '(', ')',
  '<', '>', '&amp;', '<div>', '</div>', '<p>', '<script>', '<!--', ']]>', '{"', '"}', '\\', 'Mr.', 'U.S.', 'al-', '-led', '1,000', '2024-02-30', 'http://x.y/'];
// no script, style, nav or aside among them: left open, those rightly swallow or drop the article
const TAGS = ['div', 'p', 'span', 'article', 'main', 'section', 'b', 'i', 'a', 'li', 'ul', 'table', 'td', 'tr', 'time', 'meta', 'font', 'center'];

function pick<T>(list: readonly T[], rand: () => number): T {
  return list[Math.floor(rand() * list.length)] as T;
}

const SAMPLE_SENTENCES = SAMPLES.map((text) => text.split(/(?<=[.!?])\s+/));

/** A sample to mutate: one to four of its sentences after its title line, or (one time in 40) the whole article. */
function sample(rand: () => number): string {
  const i = Math.floor(rand() * SAMPLES.length);
  if (rand() < 0.025) return SAMPLES[i] as string;
  const sentences = SAMPLE_SENTENCES[i] as string[];
  const start = Math.floor(rand() * sentences.length);
  const title = (SAMPLES[i] as string).split('\n', 1)[0] as string;
  return `${title}\n\n${sentences.slice(start, start + 1 + Math.floor(rand() * 4)).join(rand() < 0.8 ? ' ' : '\n\n')}`;
}

/** A sample article with a few random edits: deletions, duplications, nasty insertions, lost spaces or full stops, big repeats. */
function mutate(text: string, rand: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(rand() * 6);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * (out.length + 1));
    const len = Math.floor(rand() * 200);
    switch (Math.floor(rand() * 8)) {
      case 0: out = out.slice(0, at) + out.slice(at + len); break;
      case 1: out = out.slice(0, at) + out.slice(at, at + len).repeat(1 + Math.floor(rand() * 20)) + out.slice(at); break;
      case 2: out = out.slice(0, at) + pick(NASTY, rand).repeat(1 + Math.floor(rand() * 50)) + out.slice(at); break;
      case 3: out = out.replace(/\. /g, ' '); break;
      case 4: out = out.replace(/\s+/g, rand() < 0.5 ? '' : ' '); break;
      case 5: out = out.toUpperCase(); break;
      case 6: out = out.slice(0, at) + String.fromCharCode(...Array.from({ length: len }, () => Math.floor(rand() * 0x3000))) + out.slice(at); break;
      default: out = out.slice(0, at) + ', and '.repeat(len) + out.slice(at);
    }
  }
  return out;
}

/** Random markup around (or instead of) an article: unbalanced, deep, attribute-laden. */
function mutateHtml(text: string, rand: () => number): string {
  const parts: string[] = ['<html><head><title>', text.slice(0, 60), '</title></head><body>'];
  const depth = Math.floor(rand() * (rand() < 0.02 ? 3000 : 40));
  for (let i = 0; i < depth; i++) parts.push(`<${pick(TAGS, rand)}${rand() < 0.2 ? ' class="share"' : ''}>`);
  for (const para of text.split('\n')) {
    parts.push(rand() < 0.3 ? `<${pick(TAGS, rand)}>` : '<p>', para, rand() < 0.3 ? '' : '</p>');
    if (rand() < 0.1) parts.push(pick(NASTY, rand));
  }
  for (let i = 0; i < depth; i++) if (rand() < 0.8) parts.push(`</${pick(TAGS, rand)}>`);
  return parts.join('');
}

/** Random bytes, or bytes of a mutated article in some format, some of them gzip or UTF-16. */
function caseBytes(rand: () => number): Buffer {
  const kind = Math.floor(rand() * 6);
  if (kind === 0) return Buffer.from(Array.from({ length: Math.floor(rand() * 3000) }, () => Math.floor(rand() * 256)));
  const text = mutate(sample(rand), rand);
  if (kind === 1) return Buffer.from(mutateHtml(text, rand));
  if (kind === 2) return Buffer.from(`${JSON.stringify({ id: 'f', text, date: pick(['2024-05-14', 'yesterday', '2024-02-30', 12345], rand) })}\n${rand() < 0.5 ? '{"id":' : ''}`);
  if (kind === 3) return Buffer.from(`<rss><channel><item><title>t</title><description>${text.slice(0, 2000)}</description></item></channel></rss>`);
  if (kind === 4) return Buffer.from(text, 'utf16le');
  return Buffer.from(text);
}

test(`fuzz: ${READ_CASES} random and mutated inputs read and coded (seed ${SEED}): no exception, no E400; cases past ${CASE_BUDGET_MS} ms counted`, async (t) => {
  const coder = createCoderSync();
  const rand = random(SEED);
  const codes = new Map<string, number>();
  let slowest = 0;
  for (let i = 0; i < READ_CASES; i++) {
    const bytes = caseBytes(rand);
    const started = performance.now();
    try {
      for await (const result of readInputs(['-'], { stdin: Readable.from([bytes]) })) {
        if (result.kind === 'problem') {
          codes.set(result.problem.code, (codes.get(result.problem.code) ?? 0) + 1);
          continue;
        }
        const outcome = codeWithinBudget(coder, result.article, { maxMs: CASE_BUDGET_MS });
        const code = outcome.kind === 'problem' ? outcome.problem.code : 'events';
        codes.set(code, (codes.get(code) ?? 0) + 1);
        assert.notEqual(code, 'E400', `case ${i} (seed ${SEED}): ${outcome.kind === 'problem' ? outcome.problem.message : ''}`);
      }
    } catch (err) {
      assert.fail(`case ${i} (seed ${SEED}) threw: ${err instanceof Error ? err.stack : String(err)}`);
    }
    slowest = Math.max(slowest, performance.now() - started);
  }
  // figures, not assertions: speed belongs to benches (E401 counts the articles past the case budget)
  t.diagnostic(`outcomes ${JSON.stringify(Object.fromEntries([...codes].sort()))}; ${codes.get('E401') ?? 0} past the ${CASE_BUDGET_MS} ms budget (E401); slowest case ${Math.round(slowest)} ms`);
  assert.ok((codes.get('events') ?? 0) > READ_CASES / 4, 'most mutated articles are still coded');
});

test(`fuzz: ${PAGE_CASES} mutated pages through the HTML cleaner (seed ${SEED}): a page or a DyadError, nothing else`, (t) => {
  const rand = random(SEED + 1);
  let cleaned = 0;
  let slowest = 0;
  let overBudget = 0;
  const refused = new Map<string, number>();
  for (let i = 0; i < PAGE_CASES; i++) {
    const html = mutateHtml(mutate(sample(rand), rand), rand);
    const started = performance.now();
    try {
      cleanHtml(html, `case-${i}`);
      cleaned++;
    } catch (err) {
      if (!(err instanceof DyadError)) assert.fail(`case ${i} (seed ${SEED + 1}) threw: ${err instanceof Error ? err.stack : String(err)}`);
      refused.set(err.code, (refused.get(err.code) ?? 0) + 1);
    }
    const ms = performance.now() - started;
    if (ms > CASE_BUDGET_MS) overBudget++;
    slowest = Math.max(slowest, ms);
  }
  t.diagnostic(`${cleaned} of ${PAGE_CASES} pages cleaned, refused ${JSON.stringify(Object.fromEntries(refused))}; ${overBudget} past ${CASE_BUDGET_MS} ms; slowest case ${Math.round(slowest)} ms`);
  assert.ok(cleaned > PAGE_CASES / 2, 'most mutated pages still give an article');
});
