// Export tests: the sample events' articles and country names as an export context; one happening told four times.

import { clusterEvents } from '../link/cluster-events.js';
import { fixtureMention, type MentionSpec } from '../link/link-fixtures.js';
import { sampleEntries } from '../store/store-fixtures.js';
import type { ExportArticle, ExportContext } from './export-context.js';
import type { Happening } from './happening.js';
import { defaultKindTree } from '../link/kind-tree.js';

const COUNTRIES: Record<string, string> = { IRQ: 'Iraq', CHN: 'China', TUR: 'Turkey', RUS: 'Russia', MLI: 'Mali' };

/** Articles of the sample entries (stored at a fixed time) and the names of their countries. */
export function sampleContext(): ExportContext & { articles: Map<string, ExportArticle> } {
  const articles = new Map(sampleEntries().map(({ article, meta }, i): [string, ExportArticle] =>
    [article.id, { ...article, ingestedAt: `2021-02-0${i + 1}T10:20:30.000Z`, nearDuplicateOf: meta.nearDuplicateOf ?? null, textLength: article.text.length }]));
  return { articles, article: (doc) => articles.get(doc), countryName: (code) => COUNTRIES[code] };
}

const HELICOPTERS = { source: 'RUS', target: 'MLI', cameo: '072', date: '2022-05-04', status: 'delivered' as const };

/** Russia's delivery of attack helicopters to Mali as four articles report it, in storage order. */
const REPORTS: Array<MentionSpec & { url: string | null }> = [
  { ...HELICOPTERS, id: 'sahel-courier:0:1', doc: 'sahel-courier', outlet: 'Sahel Courier', published: '2022-05-05', url: 'https://courier.example/mi-35',
    items: [{ kind: 'attack-helicopter', quantity: 4, model: 'Mi-35', text: 'four Mi-35 attack helicopters' }],
    text: 'Russia delivered four Mi-35 attack helicopters to Mali on May 4.' },
  { ...HELICOPTERS, id: 'bamako-post:1:1', doc: 'bamako-post', outlet: 'Bamako Post', published: '2022-05-06', url: null, date: '2022-05',
    items: [{ kind: 'attack-helicopter', quantity: 4, text: 'four attack helicopters' }], text: 'Russia handed four attack helicopters to Mali in May.' },
  { ...HELICOPTERS, id: 'desert-ledger:0:1', doc: 'desert-ledger', outlet: 'Desert Ledger', published: '2022-05-07', url: 'https://ledger.example/gunships',
    items: [{ kind: 'attack-helicopter', quantity: 5, text: 'five attack helicopters' }], text: 'Mali received five attack helicopters from Russia on May 4.' },
  // a syndicated copy of the first: one source with it
  { ...HELICOPTERS, id: 'wire-echo:0:1', doc: 'wire-echo', outlet: 'Wire Echo', published: '2022-05-05', copyOf: 'sahel-courier', url: null,
    items: [{ kind: 'attack-helicopter', quantity: 4, model: 'Mi-35', text: 'four Mi-35 attack helicopters' }],
    text: 'Russia delivered four Mi-35 attack helicopters to Mali on May 4.' },
];

/** The delivery as one happening (clustered as Dyad clusters), the export context of its articles, and each report's URL. */
export function deliveryHappening(): { happening: Happening; context: ExportContext & { articles: Map<string, ExportArticle> } } {
  const mentions = REPORTS.map((spec) => fixtureMention(spec));
  // the second report alone places it (so a row takes the place from a report other than its lead)
  const placed = mentions[1]!.event;
  mentions[1] = { ...mentions[1]!, event: { ...placed, location: { text: 'Bamako', start: 0, end: 6, name: 'Bamako', country: 'MLI', lat: 12.65, lon: -8 } } };
  const clusters = clusterEvents(mentions, { kinds: defaultKindTree() });
  if (clusters.length !== 1) throw new Error(`fixture: the four reports make ${clusters.length} clusters, not one`);
  const articles = new Map(REPORTS.map((spec, i): [string, ExportArticle] => [spec.doc, {
    id: spec.doc, url: spec.url, source: spec.outlet ?? null, title: null, date: spec.published ?? null, language: 'en',
    ingestedAt: `2022-05-0${i + 5}T08:00:00.000Z`, nearDuplicateOf: spec.copyOf ?? null, textLength: 100 + i,
  }]));
  return {
    happening: { cluster: clusters[0]!, mentions: mentions.map((m) => m.event) },
    context: { articles, article: (doc) => articles.get(doc), countryName: (code) => COUNTRIES[code] },
  };
}

/**
 * The delivery with a denial stored first: "The Russian defence ministry denied delivering helicopters to Mali", in
 * an outlet of its own. It joins the happening as a disputing report, and must never speak for it.
 */
export function disputedHappening(): { happening: Happening; context: ExportContext & { articles: Map<string, ExportArticle> } } {
  const { happening, context } = deliveryHappening();
  const denial = fixtureMention({
    ...HELICOPTERS, status: null, date: null, negated: true, modality: 'denied', id: 'kremlin-feed:0:1', doc: 'kremlin-feed', outlet: 'Kremlin Feed',
    published: '2022-05-06', text: 'The Russian defence ministry denied delivering helicopters to Mali.',
  });
  const reports = [denial.event, ...happening.mentions];
  const mentions = reports.map((event) => {
    const article = context.articles.get(event.doc);
    return { event, outlet: article?.source ?? 'Kremlin Feed', published: article?.date ?? '2022-05-06', nearDuplicateOf: article?.nearDuplicateOf ?? null };
  });
  const clusters = clusterEvents(mentions, { kinds: defaultKindTree() });
  if (clusters.length !== 1) throw new Error(`fixture: the five reports make ${clusters.length} clusters, not one`);
  context.articles.set('kremlin-feed', {
    id: 'kremlin-feed', url: 'https://feed.example/denial', source: 'Kremlin Feed', title: null, date: '2022-05-06', language: 'en',
    ingestedAt: '2022-05-04T08:00:00.000Z', nearDuplicateOf: null, textLength: 70,
  });
  return { happening: { cluster: clusters[0]!, mentions: reports }, context };
}
