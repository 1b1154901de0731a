// Bench `serve`, its store: N synthetic but realistically shaped events → a Dyad store written through the Store's batch
// API (articles + events, clusters, threads), cached under bench/out/ by size so that later runs reuse it.
//
// What "realistic" means here: ~50 countries and a few IGOs with skewed (Zipf) activity and favourite partners,
// government/military/civilian sectors, CAMEO codes drawn from the real code book with GDELT-like root shares,
// assistance events (appeals, pledges, deliveries, refusals) with items and statuses, dates over 2000–2024 with
// more news in later years, a third placed in a city, happenings reported by 1–6 outlets (clusters), three events
// per article. The sentences are short templates: coding them is not what this benchmark measures.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildCluster } from '../src/link/build-cluster.js';
import { buildThreads } from '../src/link/build-threads.js';
import { defaultKindTree } from '../src/link/kind-tree.js';
import type { Cluster, MentionInput } from '../src/types/link.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { ArticleEntry, Store } from '../src/store/store.js';
import type { ActorRef, Article, EventRecord, Item } from '../src/types/index.js';
import { AID_CODES, COUNTRIES, IGOS, KINDS, OUTLETS, ROOT_SHARES, SECTORS, STATUS, VERBS } from './serve-data.js';

/** Bump when the generator changes: a cached store of another version is rebuilt. */
const GENERATOR = 7;
const FIRST_DAY = Date.UTC(2000, 0, 1);
const DAYS = 25 * 365;
/** Mentions generated, written and clustered together (bounded memory). */
const CHUNK = 30_000;
const BATCH = 1000;
/** CAMEO roots whose events can be thread steps (as src/pipeline/mention-linker.ts). */
const THREAD_ROOTS = ['02', '03', '05', '06', '07', '10', '12', '16'];

/** A small deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface CameoEntry { code: string; name: string; goldstein: number; quad: 1 | 2 | 3 | 4; plover: { type: string; mode: string | null; context: string | null } }

/** Picks an index with probability proportional to weights (cumulative sums given). */
function pickWeighted(cumulative: readonly number[], rand: () => number): number {
  const x = rand() * (cumulative[cumulative.length - 1] as number);
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function cumulate(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

/** The id of the n-th generated event: 16 hex digits, like the coder's ids. */
export function eventId(n: number): string {
  return createHash('sha1').update(`bench-event-${n}`).digest('hex').slice(0, 16);
}

/** 20000 → "20,000" (toLocaleString is slow in a loop of millions). */
const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

const isoDay = (day: number): string => new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10);

/** One mention before it is placed in an article: its parts, and which happening it reports. */
interface Draft {
  n: number;
  happening: number;
  reportDay: number;
  order: number;
  source: Omit<ActorRef, 'start' | 'end'>;
  target: Omit<ActorRef, 'start' | 'end'> | null;
  cameo: CameoEntry;
  items: Array<{ kind: string; quantity: number | null }>;
  date: string | null;
  datePrecision: EventRecord['datePrecision'];
  dateBasis: EventRecord['dateBasis'];
  modality: EventRecord['modality'];
  status: EventRecord['status'];
  place: { name: string; country: string; lat: number; lon: number } | null;
}

/** The generator: happenings with their reports, deterministic for a seed. */
class Generator {
  readonly rand = random(20_240_601);
  readonly #codesByRoot = new Map<string, CameoEntry[]>();
  readonly #rootCum = cumulate(ROOT_SHARES.map(([, w]) => w));
  readonly #countryCum = cumulate(COUNTRIES.map((_, i) => 1 / (i + 1) ** 0.9));
  readonly #outletCum = cumulate(OUTLETS.map((_, i) => 1 / (i + 1) ** 0.7));
  readonly #sectorCum = cumulate(SECTORS.map(([, , w]) => w));
  /** Each country's favourite partners (a fixed shuffle), which most of its events are with. */
  readonly #partners: number[][];
  next = 0;
  happenings = 0;

  constructor(root: string) {
    const entries = parse(readFileSync(join(root, 'lexicon', 'cameo.yaml'), 'utf8')) as CameoEntry[];
    for (const entry of entries) {
      if (entry.code.length < 3) continue;
      const list = this.#codesByRoot.get(entry.code.slice(0, 2)) ?? [];
      list.push(entry);
      this.#codesByRoot.set(entry.code.slice(0, 2), list);
    }
    this.#partners = COUNTRIES.map((_, i) => {
      const others = COUNTRIES.map((__, j) => j).filter((j) => j !== i);
      for (let k = others.length - 1; k > 0; k--) {
        const j = Math.floor(this.rand() * (k + 1));
        [others[k], others[j]] = [others[j] as number, others[k] as number];
      }
      // neighbours by activity come first more often: sort the first few by rank
      return others.slice(0, 6).sort((a, b) => a - b);
    });
  }

  #pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)] as T;
  }

  #actor(country: number): Omit<ActorRef, 'start' | 'end'> {
    if (this.rand() < 0.04) {
      const [code, name] = this.#pick(IGOS);
      return { code, country: null, name, text: name, sector: 'IGO' };
    }
    const [code, name, adjective] = COUNTRIES[country] as (typeof COUNTRIES)[number];
    const [sector, word] = SECTORS[pickWeighted(this.#sectorCum, this.rand)] as (typeof SECTORS)[number];
    if (sector === null) return { code, country: code, name, text: name, sector: null };
    const label = `${adjective} ${word}`;
    return { code: `${code}${sector}`, country: code, name: label, text: `the ${label}`, sector };
  }

  #cameo(root: string): CameoEntry {
    const aid = AID_CODES[root];
    const codes = this.#codesByRoot.get(root) as CameoEntry[];
    if (aid !== undefined && this.rand() < 0.7) {
      const code = this.#pick(aid);
      return codes.find((c) => c.code === code) ?? this.#pick(codes);
    }
    return this.#pick(codes);
  }

  /** The reports of one new happening. */
  happening(): Draft[] {
    const h = this.happenings++;
    const day = Math.floor(DAYS * Math.sqrt(this.rand()));
    const sourceCountry = pickWeighted(this.#countryCum, this.rand);
    const targetCountry = this.rand() < 0.7
      ? this.#pick(this.#partners[sourceCountry] as number[])
      : (sourceCountry + 1 + pickWeighted(this.#countryCum, this.rand)) % COUNTRIES.length;
    const source = this.#actor(sourceCountry);
    const target = this.rand() < 0.06 ? null : this.#actor(targetCountry);
    const root = (ROOT_SHARES[pickWeighted(this.#rootCum, this.rand)] as [string, number])[0];
    const cameo = this.#cameo(root);
    const aidKind = cameo.code.length === 4 && AID_CODES[root] ? cameo.code.charAt(3) : root === '07' ? cameo.code.charAt(2) : null;
    const kinds = aidKind !== null ? KINDS[aidKind] : undefined;
    const items = kinds && this.rand() < 0.75
      ? Array.from({ length: 1 + Math.floor(this.rand() * 2) }, () => {
        const kind = this.#pick(kinds);
        return { kind, quantity: kind === 'money' ? 1e6 * (1 + Math.floor(this.rand() * 500)) : this.rand() < 0.6 ? 2 + Math.floor(this.rand() * 200) : null };
      })
      : [];
    const precision = this.rand();
    const date = precision < 0.03 ? null : precision < 0.08 ? isoDay(day).slice(0, 4) : precision < 0.18 ? isoDay(day).slice(0, 7) : isoDay(day);
    const status = STATUS[root] ?? null;
    const pledged = root === '03' && this.rand() < 0.3 ? 'offered' : status;
    const place = target !== null && target.country !== null && this.rand() < 0.3 ? COUNTRIES.find((c) => c[0] === target.country) : undefined;
    const reports = Math.min(6, 1 + Math.floor(Math.log(1 - this.rand()) / Math.log(0.45)));
    return Array.from({ length: reports }, () => {
      const modality = this.rand();
      return {
        n: this.next++, happening: h, reportDay: day + Math.floor(this.rand() * 4), order: this.rand(),
        source, target, cameo, items, date,
        datePrecision: date === null ? 'unknown' : date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year',
        dateBasis: date === null ? 'unknown' : this.rand() < 0.5 ? 'publication' : 'stated',
        modality: modality < 0.85 ? 'asserted' : modality < 0.95 ? 'reported' : 'intended',
        status: pledged,
        place: place === undefined ? null : { name: place[3], country: place[0], lat: place[4], lon: place[5] },
      } satisfies Draft;
    });
  }

  outlet(): string {
    return OUTLETS[pickWeighted(this.#outletCum, this.rand)] as string;
  }
}

/** A draft as a sentence starting at `offset` of its article, and the event record pointing into it. */
function toEvent(draft: Draft, doc: string, index: number, offset: number): EventRecord {
  let text = '';
  const put = (words: string): { text: string; start: number; end: number } => {
    const start = offset + text.length;
    text += words;
    return { text: words, start, end: start + words.length };
  };
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  const sourceSpan = put(cap(draft.source.text));
  text += ' ';
  const trigger = put(VERBS[draft.cameo.code.slice(0, 2)] ?? 'met');
  text += ' ';
  const targetSpan = draft.target === null ? null : put(draft.target.text);
  const items: Item[] = draft.items.map((item) => {
    text += text.endsWith(' ') ? '' : ' ';
    const words = `${item.quantity === null ? '' : `${thousands(item.quantity)} `}${item.kind.replace(/-/g, ' ')}${item.kind === 'money' || item.kind === 'fuel' || item.kind === 'food' ? '' : 's'}`;
    const span = put(words);
    return { ...span, kind: item.kind, model: null, quantity: item.quantity, max: null, approx: false, unit: item.kind === 'money' ? 'USD' : null };
  });
  let location: EventRecord['location'] = null;
  if (draft.place !== null) {
    text += ' in ';
    location = { ...put(draft.place.name), name: draft.place.name, country: draft.place.country, lat: draft.place.lat, lon: draft.place.lon };
  }
  text += draft.date === null ? ' recently.' : ` on ${draft.date}.`;
  return {
    id: eventId(draft.n), doc,
    sentence: { index, text, start: offset, end: offset + text.length },
    source: { ...draft.source, ...sourceSpan, text: sourceSpan.text },
    target: draft.target === null || targetSpan === null ? null : { ...draft.target, ...targetSpan },
    cameo: draft.cameo.code, cameoName: draft.cameo.name, root: draft.cameo.code.slice(0, 2), quad: draft.cameo.quad,
    goldstein: draft.cameo.goldstein, plover: draft.cameo.plover, trigger,
    date: draft.date, datePrecision: draft.datePrecision, dateBasis: draft.dateBasis,
    negated: false, modality: draft.modality, status: draft.status, items, terms: null, attribution: null, location,
  };
}

/** The drafts packed into articles of two to four reports, in report-date order (a report's article is published that day). */
function articlesOf(drafts: Draft[], generator: Generator, firstArticle: number): { entries: ArticleEntry[]; mentions: Map<number, MentionInput[]> } {
  drafts.sort((a, b) => a.reportDay - b.reportDay || a.order - b.order);
  const entries: ArticleEntry[] = [];
  const mentions = new Map<number, MentionInput[]>();
  for (let i = 0; i < drafts.length;) {
    const size = 2 + Math.floor(generator.rand() * 3);
    const group = drafts.slice(i, i + size);
    i += size;
    const n = firstArticle + entries.length;
    const id = `bench-${n.toString(36)}.txt`;
    const published = isoDay(Math.max(...group.map((d) => d.reportDay)));
    const outlet = generator.outlet();
    const events: EventRecord[] = [];
    let text = '';
    for (const draft of group) {
      if (text !== '') text += ' ';
      const event = toEvent(draft, id, events.length, text.length);
      text += event.sentence.text;
      events.push(event);
      const list = mentions.get(draft.happening) ?? [];
      list.push({ event, outlet, published, nearDuplicateOf: null });
      mentions.set(draft.happening, list);
    }
    const first = events[0] as EventRecord;
    const article: Article = {
      id, text, title: `${first.source.name} and ${first.target?.name ?? 'others'}: ${first.cameoName.toLowerCase()}`, date: published,
      url: `https://news.example/${id}`, source: outlet, byline: null, dateline: null, language: 'en',
    };
    entries.push({ article, meta: { hash: createHash('sha1').update(text).update(id).digest('hex') }, events });
  }
  return { entries, mentions };
}

/** What the built store holds and what building it took. */
export interface ServeStoreInfo {
  path: string;
  generator: number;
  events: number;
  articles: number;
  clusters: number;
  threads: number;
  /** Seconds it took to build (when this run built it, else the figure of the run that did). */
  buildSeconds: number;
  /** True when this run found the store built by an earlier run. */
  cached: boolean;
  sizeMb: number;
  /** Where the build time went. */
  parts: string;
}

async function linkThreads(store: Store): Promise<number> {
  const clusters: Cluster[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const page = await store.clusters({ root: THREAD_ROOTS }, { sort: 'id', limit: 10_000, offset });
    clusters.push(...page);
    if (page.length < 10_000) break;
  }
  const threads = buildThreads(clusters, { kinds: defaultKindTree() });
  await store.putThreads(threads);
  return threads.length;
}

function sizeOf(path: string): number {
  return ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(path + suffix) ? statSync(path + suffix).size : 0), 0);
}

/** The store of at least `events` events for the serve benchmark: reused from bench/out/ when built before, else built now. */
export async function serveStore(root: string, events: number, progress: (message: string) => void): Promise<ServeStoreInfo> {
  const out = join(root, 'bench', 'out');
  mkdirSync(out, { recursive: true });
  const path = join(out, `serve-${events}.db`);
  const infoPath = join(out, `serve-${events}.json`);
  if (existsSync(path) && existsSync(infoPath)) {
    const info = JSON.parse(readFileSync(infoPath, 'utf8')) as ServeStoreInfo;
    if (info.generator === GENERATOR) return { ...info, path, cached: true, sizeMb: Number((sizeOf(path) / 1e6).toFixed(1)) };
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  rmSync(infoPath, { force: true });
  const started = performance.now();
  const store = await openSqliteStore(path, { bulkLoad: true });
  const generator = new Generator(root);
  const tree = defaultKindTree();
  let articles = 0;
  let clusters = 0;
  const seconds = { generate: 0, write: 0, cluster: 0 };
  const timed = async <T>(part: keyof typeof seconds, fn: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await fn();
    seconds[part] += (performance.now() - t) / 1000;
    return result;
  };
  while (generator.next < events) {
    const { entries, mentions } = await timed('generate', () => {
      const drafts: Draft[] = [];
      while (drafts.length < CHUNK && generator.next < events) drafts.push(...generator.happening());
      return articlesOf(drafts, generator, articles);
    });
    await timed('write', async () => {
      for (let i = 0; i < entries.length; i += BATCH) await store.putArticles(entries.slice(i, i + BATCH));
    });
    articles += entries.length;
    await timed('cluster', async () => {
      const upserted = [...mentions.values()].map((list) => buildCluster(list, tree));
      await store.applyClusterChange({ upserted, removed: [], merged: [] });
      clusters += upserted.length;
    });
    progress(`${generator.next.toLocaleString('en')} events, ${articles.toLocaleString('en')} articles, ${clusters.toLocaleString('en')} happenings (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  progress('building threads');
  const threadsStarted = performance.now();
  const threads = await linkThreads(store);
  await store.close();
  const round = (x: number): number => Number(x.toFixed(1));
  const info: ServeStoreInfo = {
    path, generator: GENERATOR, events: generator.next, articles, clusters, threads,
    buildSeconds: round((performance.now() - started) / 1000), cached: false, sizeMb: round(sizeOf(path) / 1e6),
    parts: `generate ${round(seconds.generate)} s, write articles ${round(seconds.write)} s, clusters ${round(seconds.cluster)} s, threads ${round((performance.now() - threadsStarted) / 1000)} s`,
  };
  writeFileSync(infoPath, `${JSON.stringify(info, null, 2)}\n`);
  return info;
}
