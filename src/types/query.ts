// Types: what the store's queries answer and the API passes on — a page of events, an article's citation, actor
// counts, dyad rows, the store's statistics.
import type { EventRecord } from './event.js';
import type { ClusterModality } from './link.js';

/** One page of events, and the cursor of the next page (null when this was the last). */
export interface EventPage {
  events: EventRecord[];
  next: string | null;
}

/** The citation fields of a stored article (no text), as shown beside its events. */
export interface ArticleRef {
  id: string;
  title: string | null;
  date: string | null;
  url: string | null;
  /** The outlet. */
  source: string | null;
  nearDuplicateOf: string | null;
}

/** How often one actor (code + canonical name) appears. */
export interface ActorCount {
  code: string;
  name: string;
  country: string | null;
  sector: string | null;
  asSource: number;
  asTarget: number;
  total: number;
}

/** Period granularity of dyads and timelines. Weeks are ISO 8601 (`2020-W07`). */
export type Period = 'day' | 'week' | 'month' | 'year';

/**
 * Source → target counts over one period. Events dated more coarsely than the period keep their own coarser
 * period label (a month-only date stays `2020-05` in a listing by day); undated events have period null.
 */
export interface DyadRow {
  source: string;
  target: string;
  period: string | null;
  count: number;
  goldsteinMean: number;
  /** Shares of quad classes 1..4 (verbal coop, material coop, verbal conflict, material conflict); sum to 1. */
  quadShares: [number, number, number, number];
}

/** What a store holds: counts of articles, sentences, events, items and actors, and the span of event dates. */
export interface StoreStats {
  schemaVersion: number;
  articles: number;
  nearDuplicates: number;
  sentences: number;
  events: number;
  items: number;
  actors: number;
  /** Earliest and latest event dates, as stored. */
  firstDate: string | null;
  lastDate: string | null;
}

/**
 * What choosing the report that speaks for an event best looks at (`strongestReport` in src/export/happening.ts):
 * a report's id, code, modality, date and how many items it names — a few columns, where the whole report is dozens.
 */
export interface ReportRank {
  id: string;
  cameo: string;
  modality: EventRecord['modality'];
  date: string | null;
  itemCount: number;
}

/** What of an event choosing its strongest report compares the reports with: its code, date, modality and disputing reports. */
export interface EventRank {
  id: string;
  cameo: string;
  date: string | null;
  modality: ClusterModality;
  disputingMentionIds: string[];
}
