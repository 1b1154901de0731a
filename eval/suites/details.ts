// Eval: the event-detail extractors on our own annotated sentences (items, quantities, terms, dates) and on the
// PLOVER gold records that mark a location (read from ../shared/data at run time) → figures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findItems } from '../../src/details/items.js';
import { findLocations } from '../../src/details/locations.js';
import { findTerms } from '../../src/details/terms.js';
import { resolveEventDate } from '../../src/nlp/dates.js';
import type { Item } from '../../src/types/index.js';
import { prf, prfCounts, ratio, type SuiteResult } from '../score.js';
import { sharedData } from '../shared-data.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, 'eval', 'fixtures', 'details');
const PLOVER = sharedData('plover', 'PLOVER_GSR_CAMEO.txt');

interface GoldItem { kind: string; model: string | null; quantity: number | null; max?: number; approx?: boolean; unit?: string }
interface Fixture { id: string; text: string; pubDate: string | null; future?: boolean; items: GoldItem[]; terms: string | null; date: string | null; precision: string }

function readFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(FIXTURES, name), 'utf8').split('\n')) if (line.trim() !== '') out.push(JSON.parse(line) as Fixture);
  }
  return out;
}

const sameQuantity = (g: GoldItem, p: Item): boolean =>
  g.quantity === p.quantity && (g.max ?? null) === (p.max ?? null) && (g.approx ?? false) === (p.approx ?? false) && (g.unit ?? null) === p.unit;

/** Items, quantities, terms and dates on eval/fixtures/details/*.jsonl. */
function scoreFixtures(): SuiteResult {
  const fixtures = readFixtures();
  const kinds = prfCounts();
  const models = prfCounts();
  let quantityRight = 0;
  let goldItems = 0;
  let termsRight = 0;
  let dateRight = 0;
  let precisionRight = 0;
  for (const f of fixtures) {
    const items = findItems(f.text, 0);
    const terms = findTerms(f.text);
    const date = resolveEventDate(f.text, f.pubDate, f.future === true ? { future: true } : {});
    // items: match gold to predicted by kind, left to right
    const left = [...items];
    for (const g of f.items) {
      goldItems++;
      const at = left.findIndex((p) => p.kind === g.kind);
      if (at < 0) { kinds.fn++; if (g.model !== null) models.fn++; continue; }
      const p = left.splice(at, 1)[0] as Item;
      kinds.tp++;
      if (g.model !== null || p.model !== null) {
        if (g.model === p.model) models.tp++;
        else { if (g.model !== null) models.fn++; if (p.model !== null) models.fp++; }
      }
      if (sameQuantity(g, p)) quantityRight++;
    }
    kinds.fp += left.length;
    models.fp += left.filter((p) => p.model !== null).length;
    if (terms === f.terms) termsRight++;
    if (date.date === f.date) dateRight++;
    if (date.precision === f.precision) precisionRight++;
  }
  // speed of the three extractors together, after the pass above has loaded the lexicons and warmed the code
  const started = performance.now();
  for (let pass = 0; pass < 5; pass++) for (const f of fixtures) { findItems(f.text, 0); findTerms(f.text); resolveEventDate(f.text, f.pubDate); }
  const micros = ((performance.now() - started) * 1000) / Math.max(1, 5 * fixtures.length);
  return {
    'item-kind': prf(kinds),
    'item-model': prf(models),
    'quantity-accuracy': ratio(quantityRight, goldItems),
    'terms-accuracy': ratio(termsRight, fixtures.length),
    'date-accuracy': ratio(dateRight, fixtures.length),
    'date-precision-accuracy': ratio(precisionRight, fixtures.length),
    'n-sentences': fixtures.length,
    'n-gold-items': goldItems,
    'n-us-per-sentence': Math.round(micros),
  };
}

/** The text inside "(LOC: …)" with nested markup taken out: "(LOC: in (TAR: Kabul)" → "in Kabul". */
function locText(markup: string): string | null {
  const at = markup.indexOf('(LOC:');
  if (at < 0) return null;
  let depth = 0;
  let end = markup.length;
  for (let i = at; i < markup.length; i++) {
    if (markup[i] === '(') depth++;
    else if (markup[i] === ')' && --depth === 0) { end = i; break; }
  }
  return markup.slice(at + 5, end).replace(/\((?:SRC|TAR|EVT|SRC\/TAR)\s*:\s*/g, '').replace(/[()]/g, '').trim();
}

interface PloverRecord { text?: string; textInfo?: { markup?: string }; source?: unknown; target?: unknown }

function countriesOf(actors: unknown): string[] {
  if (!Array.isArray(actors)) return [];
  return actors.map((a: { code?: unknown }) => (typeof a.code === 'string' ? a.code.slice(0, 3) : '')).filter((c) => /^[A-Z]{3}$/.test(c));
}

/** Whether findLocations finds the place that PLOVER's gold markup marks with (LOC: …), within the sentence. */
function scorePloverLocations(): SuiteResult | null {
  if (!existsSync(PLOVER)) return null;
  const records = JSON.parse(readFileSync(PLOVER, 'utf8')) as PloverRecord[];
  let gold = 0;
  let found = 0;
  let resolved = 0;
  let predicted = 0;
  let sentences = 0;
  for (const r of records) {
    if (typeof r.text !== 'string') continue;
    sentences++;
    const locations = findLocations(r.text, 0, { countries: [...countriesOf(r.source), ...countriesOf(r.target)], actorSpans: [] });
    predicted += locations.length;
    const loc = locText(r.textInfo?.markup ?? '');
    if (loc === null) continue;
    // the gold place is the last capitalised run of the marked words ("in the northern city of Kirkuk" → "Kirkuk")
    const runs = loc.match(/\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/gu) ?? [];
    const name = (runs[runs.length - 1] ?? '').replace(/['’]s$/, '');
    if (name === '' || name === 'The') continue;
    const at = r.text.indexOf(name);
    if (at < 0) continue;
    gold++;
    const hit = locations.find((l) => l.start < at + name.length && l.end > at);
    if (hit !== undefined) { found++; if (hit.lat !== null) resolved++; }
  }
  return {
    'location-recall': ratio(found, gold),
    'location-resolved': ratio(resolved, gold),
    'locations-per-sentence': ratio(predicted, sentences),
    'n-gold-locations': gold,
    'n-sentences': sentences,
  };
}

/** The details suite: `details` (our annotated sentences) and `details-locations` (PLOVER gold LOC markup). */
export async function runDetailsSuite(): Promise<Record<string, SuiteResult>> {
  const out: Record<string, SuiteResult> = { details: scoreFixtures() };
  const locations = scorePloverLocations();
  if (locations !== null) out['details-locations'] = locations;
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = await runDetailsSuite();
  for (const [name, result] of Object.entries(results)) console.log(name, JSON.stringify(result, null, 1));
}
