// Store tests: a small written collection — articles with coded events — shared by the store, export and CLI tests.

import type { ActorRef, Article, EventRecord, Item } from '../types/index.js';
import type { ArticleEntry } from './store.js';

/** Finds `words` in `text` (the n-th occurrence) and gives its half-open span; throws when absent, so fixtures stay honest. */
function span(text: string, words: string, nth = 0): { text: string; start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(words, start + 1);
  if (start < 0) throw new Error(`fixture: "${words}" not in text`);
  return { text: words, start, end: start + words.length };
}

function sentenceOf(text: string, index: number): EventRecord['sentence'] {
  const bounds: Array<[number, number]> = [];
  const re = /[^.!?]+[.!?]/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    bounds.push([m.index + lead, m.index + m[0].length]);
  }
  const b = bounds[index];
  if (b === undefined) throw new Error(`fixture: no sentence ${index}`);
  return { index, start: b[0], end: b[1], text: text.slice(b[0], b[1]) };
}

interface ActorSpec { code: string; country: string | null; name: string; sector: string | null; words: string; nth?: number }
interface ItemSpec { words: string; kind: string; model?: string | null; quantity?: number | null; max?: number | null; approx?: boolean; unit?: string | null }

interface EventSpec {
  sentence: number;
  source: ActorSpec;
  target: ActorSpec | null;
  cameo: string;
  cameoName: string;
  quad: 1 | 2 | 3 | 4;
  goldstein: number;
  plover: EventRecord['plover'];
  trigger: string;
  date: string | null;
  datePrecision?: EventRecord['datePrecision'];
  dateBasis?: EventRecord['dateBasis'];
  modality?: EventRecord['modality'];
  status?: EventRecord['status'];
  terms?: EventRecord['terms'];
  items?: ItemSpec[];
  attribution?: string;
  location?: { words: string; name: string; country: string | null; lat: number | null; lon: number | null; geonamesId?: number };
}

function actor(text: string, spec: ActorSpec): ActorRef {
  return { code: spec.code, country: spec.country, name: spec.name, sector: spec.sector, ...span(text, spec.words, spec.nth) };
}

function event(article: Article, n: number, spec: EventSpec): EventRecord {
  const text = article.text;
  const items: Item[] = (spec.items ?? []).map((i) => ({
    ...span(text, i.words), text: i.words, kind: i.kind, model: i.model ?? null, quantity: i.quantity ?? null,
    max: i.max ?? null, approx: i.approx ?? false, unit: i.unit ?? null,
  }));
  const precision = spec.datePrecision ?? (spec.date === null ? 'unknown' : spec.date.length === 10 ? 'day' : spec.date.length === 7 ? 'month' : 'year');
  return {
    id: `${article.id}:${spec.sentence}:${n}`,
    doc: article.id,
    sentence: sentenceOf(text, spec.sentence),
    source: actor(text, spec.source),
    target: spec.target === null ? null : actor(text, spec.target),
    cameo: spec.cameo,
    cameoName: spec.cameoName,
    root: spec.cameo.slice(0, 2),
    quad: spec.quad,
    goldstein: spec.goldstein,
    plover: spec.plover,
    trigger: span(text, spec.trigger),
    date: spec.date,
    datePrecision: precision,
    dateBasis: spec.dateBasis ?? (spec.date === null ? 'unknown' : 'stated'),
    negated: spec.modality === 'negated',
    modality: spec.modality ?? 'asserted',
    status: spec.status ?? null,
    items,
    terms: spec.terms ?? null,
    attribution: spec.attribution === undefined ? null : { ...span(text, spec.attribution), actor: null },
    location: spec.location === undefined ? null : {
      ...span(text, spec.location.words), name: spec.location.name, country: spec.location.country,
      lat: spec.location.lat, lon: spec.location.lon, ...(spec.location.geonamesId === undefined ? {} : { geonamesId: spec.location.geonamesId }),
    },
  };
}

const IRQ = { code: 'IRQ', country: 'IRQ', name: 'Iraq', sector: null };
const CHN = { code: 'CHN', country: 'CHN', name: 'China', sector: null };
const AID = { type: 'AID', mode: null, context: 'military' };
const REQUEST = { type: 'REQUEST', mode: 'assist', context: 'military' };

function article(id: string, text: string, meta: Partial<Article>): Article {
  return { id, text, title: null, date: null, url: null, source: null, byline: null, dateline: null, language: 'en', ...meta };
}

/** Five articles (one a syndicated copy with no events) and ten events between Iraq, China, Turkey and NATO, 2019–2021. */
export function sampleEntries(): ArticleEntry[] {
  const a1 = article('baghdad-2019.txt',
    'Iraq asked China on Tuesday to supply armed drones, artillery and 20,000 assault rifles. Foreign Minister Wang Yi said Beijing was ready to help Baghdad. The ministers met in Beijing.',
    { title: 'Iraq seeks Chinese arms', date: '2019-03-14', url: 'https://news.example/iraq-china', source: 'Tigris Wire', byline: 'By Leila Hamdan' });
  const a2 = article('drones-2020.txt',
    'Iraq renewed its request for free Chinese drones in May. Beijing insisted on commercial terms. Last week China delivered 20 thousand rifles to the Iraqi army in Baghdad.',
    { title: 'Drones, rifles and terms', date: '2020-06-02', url: 'https://news.example/drones', source: 'Gulf Ledger' });
  const a3 = article('boats-2020.txt',
    'Turkey handed two patrol boats to the Iraqi navy in Basra. Turkish officials said more would follow.',
    { title: 'Turkish boats for Iraq', date: '2020-09-01', source: 'Anatolia Notes' });
  const a4 = article('protest-2021.txt',
    'Protesters in Baghdad attacked the Turkish embassy. Crowds gathered again on Friday. NATO pledged up to 500 trainers for Iraqi forces, officials said.',
    { title: 'Embassy attacked', date: '2021-01-10', url: 'https://news.example/embassy?a=1&b=<2>', source: 'Tigris Wire' });
  const a5 = article('syndicated-2019.txt', `${a1.text} Markets were calm.`,
    { title: 'Iraq seeks Chinese arms (copy)', date: '2019-03-15', source: 'Desert Daily' });

  const e1 = [
    event(a1, 1, { sentence: 0, source: { ...IRQ, words: 'Iraq' }, target: { ...CHN, words: 'China' }, cameo: '0232', cameoName: 'Appeal for military aid',
      quad: 1, goldstein: 3.4, plover: REQUEST, trigger: 'asked', date: '2019-03-12', dateBasis: 'relative', status: 'requested',
      items: [{ words: 'armed drones', kind: 'armed-drone' }, { words: 'artillery', kind: 'artillery' },
        { words: '20,000 assault rifles', kind: 'rifle', quantity: 20000 }] }),
    event(a1, 2, { sentence: 1, source: { code: 'CHNGOV', country: 'CHN', name: 'Wang Yi', sector: 'GOV', words: 'Wang Yi' },
      target: { code: 'IRQGOV', country: 'IRQ', name: 'Iraqi government', sector: 'GOV', words: 'Baghdad' }, cameo: '0332',
      cameoName: 'Express intent to provide military aid', quad: 1, goldstein: 5.2, plover: { type: 'AGREE', mode: null, context: 'military' },
      trigger: 'ready to help', date: '2019-03-14', dateBasis: 'publication', modality: 'reported', status: 'offered' }),
    event(a1, 3, { sentence: 2, source: { code: 'CHNGOV', country: 'CHN', name: 'Chinese government', sector: 'GOV', words: 'Beijing', nth: 1 },
      target: { code: 'IRQGOV', country: 'IRQ', name: 'Iraqi government', sector: 'GOV', words: 'ministers' }, cameo: '040', cameoName: 'Consult',
      quad: 1, goldstein: 1, plover: { type: 'CONSULT', mode: null, context: null }, trigger: 'met', date: '2019-03-14', dateBasis: 'publication',
      location: { words: 'Beijing', name: 'Beijing', country: 'CHN', lat: 39.9042, lon: 116.4074, geonamesId: 1816670 } }),
  ];
  const e2 = [
    event(a2, 1, { sentence: 0, source: { ...IRQ, words: 'Iraq' }, target: { ...CHN, words: 'Chinese' }, cameo: '0232', cameoName: 'Appeal for military aid',
      quad: 1, goldstein: 3.4, plover: REQUEST, trigger: 'request', date: '2020-05', status: 'requested', terms: 'free',
      items: [{ words: 'drones', kind: 'drone' }] }),
    event(a2, 2, { sentence: 1, source: { code: 'CHNGOV', country: 'CHN', name: 'Chinese government', sector: 'GOV', words: 'Beijing' }, target: null,
      cameo: '1011', cameoName: 'Demand economic cooperation', quad: 3, goldstein: -5, plover: { type: 'REQUEST', mode: null, context: 'economic' },
      trigger: 'insisted', date: '2020-06-02', dateBasis: 'publication', terms: 'commercial', status: 'conditional' }),
    event(a2, 3, { sentence: 2, source: { ...CHN, words: 'China' }, target: { code: 'IRQMIL', country: 'IRQ', name: 'Iraqi army', sector: 'MIL', words: 'Iraqi army' },
      cameo: '072', cameoName: 'Provide military aid', quad: 2, goldstein: 7.4, plover: AID, trigger: 'delivered', date: '2020-05-26', dateBasis: 'relative',
      status: 'delivered', items: [{ words: '20 thousand rifles', kind: 'rifle', quantity: 20000 }],
      location: { words: 'Baghdad', name: 'Baghdad', country: 'IRQ', lat: 33.3152, lon: 44.3661 } }),
  ];
  const e3 = [
    event(a3, 1, { sentence: 0, source: { code: 'TUR', country: 'TUR', name: 'Turkey', sector: null, words: 'Turkey' },
      target: { code: 'IRQMIL', country: 'IRQ', name: 'Iraqi navy', sector: 'MIL', words: 'Iraqi navy' }, cameo: '072', cameoName: 'Provide military aid',
      quad: 2, goldstein: 7.4, plover: AID, trigger: 'handed', date: '2020', status: 'delivered',
      items: [{ words: 'two patrol boats', kind: 'patrol-boat', quantity: 2 }],
      location: { words: 'Basra', name: 'Basra', country: 'IRQ', lat: 30.5085, lon: 47.7804 } }),
  ];
  const e4 = [
    event(a4, 1, { sentence: 0, source: { code: 'IRQCVL', country: 'IRQ', name: 'Iraqi protesters', sector: 'CVL', words: 'Protesters' },
      target: { code: 'TURGOV', country: 'TUR', name: 'Turkish government', sector: 'GOV', words: 'Turkish embassy' }, cameo: '145',
      cameoName: 'Protest violently, riot', quad: 4, goldstein: -7.5, plover: { type: 'PROTEST', mode: 'riot', context: null }, trigger: 'attacked',
      date: '2021-01-10', dateBasis: 'publication', location: { words: 'Baghdad', name: 'Baghdad', country: 'IRQ', lat: 33.3152, lon: 44.3661 } }),
    event(a4, 2, { sentence: 1, source: { code: 'IRQCVL', country: 'IRQ', name: 'Iraqi protesters', sector: 'CVL', words: 'Crowds' }, target: null,
      cameo: '141', cameoName: 'Demonstrate or rally', quad: 4, goldstein: -6.5, plover: { type: 'PROTEST', mode: 'demo', context: null },
      trigger: 'gathered', date: null }),
    event(a4, 3, { sentence: 2, source: { code: 'NATO', country: null, name: 'NATO', sector: 'IGO', words: 'NATO' },
      target: { code: 'IRQMIL', country: 'IRQ', name: 'Iraqi forces', sector: 'MIL', words: 'Iraqi forces' }, cameo: '0332',
      cameoName: 'Express intent to provide military aid', quad: 1, goldstein: 5.2, plover: { type: 'AGREE', mode: null, context: 'military' },
      trigger: 'pledged', date: '2021-01', modality: 'reported', status: 'pledged', attribution: 'officials said',
      items: [{ words: 'up to 500 trainers', kind: 'trainer', max: 500, approx: true }] }),
  ];
  return [
    { article: a1, meta: { hash: 'h-baghdad-2019', simhash: '0f0f0f0f0f0f0f0f' }, events: e1 },
    { article: a2, meta: { hash: 'h-drones-2020', simhash: 'ffff000000000000' }, events: e2 },
    { article: a3, meta: { hash: 'h-boats-2020', sentences: [0, 1].map((i) => { const { index, start, end } = sentenceOf(a3.text, i); return { index, start, end }; }) }, events: e3 },
    { article: a4, meta: { hash: 'h-protest-2021' }, events: e4 },
    { article: a5, meta: { hash: 'h-syndicated-2019', simhash: '0f0f0f0f0f0f0f0e', nearDuplicateOf: a1.id }, events: [] },
  ];
}

/** All events of the sample entries, in storage order. */
export function sampleEvents(): EventRecord[] {
  return sampleEntries().flatMap((entry) => entry.events);
}
