// Link stage: a mention → what clustering compares (dyad and code family, normalised code, item kinds, date window), and how two compare.
import { modelKey } from '../lexicon/equipment.js';
import type { KindTree } from './kind-tree.js';
import type { MentionInput } from '../types/link.js';
import { parseDaySpan, type DaySpan } from '../types/day-number.js';
import { isPublicationBasis } from '../types/index.js';

/** Date classes, finest first. FINE covers day-precision dates and undated mentions placed at their publication date. */
export const DATE_FINE = 0;
export const DATE_MONTH = 1;
export const DATE_YEAR = 2;
/** No event date and no publication date: such a mention can only join others like it. */
export const DATE_NONE = 3;

/**
 * How two mentions relate. STRONG: compatible and alike (same code, same date, a shared item kind). A_VAGUER: `a` is
 * compatible and vaguer somewhere (no items, a broader kind or code, a coarser date), nowhere more specific.
 */
export const REL_NONE = 0;
export const REL_STRONG = 1;
export const REL_A_VAGUER = 2;
export const REL_B_VAGUER = 3;
/** Compatible, each vaguer than the other in some respect (no items but a day vs. items but a month), or near days. */
export const REL_CROSS = 4;
export type Relation = 0 | 1 | 2 | 3 | 4;

/** Date windows, in days. */
export interface DateWindows {
  /** Two day-precision dates this far apart can be one happening (default 3). */
  day: number;
  /** Window around the publication date of a mention without an event date (default 7). */
  undated: number;
}

export const DEFAULT_WINDOWS: DateWindows = { day: 3, undated: 7 };

/** One item as compared: its kind and its model key ("MI35"), if any. */
export interface ItemKey {
  kind: string;
  model: string | null;
}

/** What clustering compares of one mention. Mentions with equal `signature`s relate to everything alike. */
export interface MentionFeatures {
  /**
   * Source and target sides and the code family (`02` and `10` are one family: requests). Negation is not part of it:
   * a report that denies an event relates to the reports that assert it as any report does, and joins their event as
   * a disputing report (build-cluster.ts).
   */
  group: string;
  /** CAMEO code with `10` read as `02` and a trailing "not specified" `0` dropped ("020" → "02", "1032" → "0232"). */
  code: string;
  items: ItemKey[];
  dateClass: number;
  /** First and last day the date covers (FINE: the day itself). */
  first: number;
  last: number;
  /** For FINE: how far another fine date may be; 0 for coarser classes. */
  window: number;
  /** For FINE: true when the day is only a publication date (the window then applies against months and years too). */
  loose: boolean;
  /** Month index (`year * 12 + month − 1`) and year of the date (FINE: of its day). */
  month: number;
  year: number;
  signature: string;
}

/** Sectors of armed groups outside the state: they are a side of their own, never their country's. */
const NON_STATE_ARMED = new Set(['REB', 'INS', 'UAF', 'IMG', 'SEP']);

/**
 * The side of an event: its country, else its code — but an armed group stays itself: a named one by its code
 * ("HAMAS", "IRQALQ…"), an unnamed one as its country and sector ("IRQREB"), so rebels are never folded into the
 * state they fight.
 */
export function sideKey(actor: { code: string; country: string | null; sector?: string | null } | null): string {
  if (actor === null) return '-';
  if (actor.country === null) return actor.code;
  if (!actor.code.startsWith(actor.country)) return actor.code;
  if (actor.sector != null && NON_STATE_ARMED.has(actor.sector)) return `${actor.country}${actor.sector}`;
  return actor.country;
}

/** The sides and code family a group key (`MentionFeatures.group`) was made of; `target` null for events without one. */
export function groupSides(group: string): { source: string; target: string | null; family: string } {
  const bar = group.lastIndexOf('|');
  const arrow = group.indexOf('>');
  const target = group.slice(arrow + 1, bar);
  return { source: group.slice(0, arrow), target: target === '-' ? null : target, family: group.slice(bar + 1) };
}

/** The code as compared: `10x` demands read as `02x` appeals, and a trailing "not specified below" zero dropped. */
export function normaliseCode(code: string): string {
  let c = code.startsWith('10') ? `02${code.slice(2)}` : code;
  if (c.length === 3 && c.endsWith('0')) c = c.slice(0, 2);
  return c;
}

/** Reads a mention's features; `windows` sets the date windows. */
export function mentionFeatures(mention: MentionInput, windows: DateWindows = DEFAULT_WINDOWS): MentionFeatures {
  const event = mention.event;
  const family = event.root === '10' ? '02' : event.root;
  const group = `${sideKey(event.source)}>${sideKey(event.target)}|${family}`;
  const code = normaliseCode(event.cameo);

  const items: ItemKey[] = [];
  for (const item of event.items) {
    const model = item.model ? modelKey(item.model) || null : null;
    if (!items.some((i) => i.kind === item.kind && i.model === model)) items.push({ kind: item.kind, model });
  }
  if (items.length > 1) items.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : (a.model ?? '') < (b.model ?? '') ? -1 : 1));

  let span = isPublicationBasis(event.dateBasis) ? null : parseDaySpan(event.date);
  // A declared precision coarser than the written date wins ("2020-05-01" said to be month-precise means May 2020).
  if (span !== null && span.precision === 'day' && (event.datePrecision === 'month' || event.datePrecision === 'year')) {
    span = parseDaySpan(event.date?.slice(0, event.datePrecision === 'month' ? 7 : 4));
  } else if (span !== null && span.precision === 'month' && event.datePrecision === 'year') {
    span = parseDaySpan(event.date?.slice(0, 4));
  }
  let dateClass = DATE_NONE;
  let first = 0;
  let last = 0;
  let window = 0;
  let loose = false;
  let published: DaySpan | null = null;
  if (span !== null) {
    dateClass = span.precision === 'day' ? DATE_FINE : span.precision === 'month' ? DATE_MONTH : DATE_YEAR;
    first = span.first;
    last = span.last;
    window = dateClass === DATE_FINE ? windows.day : 0;
  } else {
    published = parseDaySpan(mention.published) ?? (isPublicationBasis(event.dateBasis) ? parseDaySpan(event.date) : null);
    if (published !== null && published.precision === 'day') {
      dateClass = DATE_FINE;
      first = published.first;
      last = published.first;
      window = windows.undated;
      loose = true;
    }
  }
  const month = span?.month ?? published?.month ?? 0;
  const year = Math.floor(month / 12);
  let itemsKey = '';
  for (const i of items) itemsKey += i.model === null ? `${i.kind},` : `${i.kind}:${i.model},`;
  const signature = `${group}\u0001${code}\u0001${itemsKey}\u0001${dateClass}:${first}:${last}:${window}`;
  return { group, code, items, dateClass, first, last, window, loose, month, year, signature };
}

/** 0: same; 1: `a` vaguer; 2: `b` vaguer; 3: each vaguer in part; -1: incompatible. */
type Side = 0 | 1 | 2 | 3 | -1;

function relateDates(a: MentionFeatures, b: MentionFeatures): Side {
  if (a.dateClass === DATE_NONE || b.dateClass === DATE_NONE) return a.dateClass === b.dateClass ? 0 : -1;
  const gap = Math.max(0, Math.max(a.first, b.first) - Math.min(a.last, b.last));
  // Different days within the window may be one happening or two on successive days: neither is vaguer, each is
  // merely near the other, so the link is weak both ways and only holds where it is unambiguous.
  if (a.dateClass === DATE_FINE && b.dateClass === DATE_FINE) return gap === 0 ? 0 : gap <= Math.max(a.window, b.window) ? 3 : -1;
  // A day lies inside a month or year; an undated mention's publication day may lie up to its window outside.
  const slack = (a.dateClass === DATE_FINE && a.loose ? a.window : 0) + (b.dateClass === DATE_FINE && b.loose ? b.window : 0);
  if (gap > slack) return -1;
  return a.dateClass === b.dateClass ? 0 : a.dateClass > b.dateClass ? 1 : 2;
}

function modelsAgree(a: string | null, b: string | null): boolean {
  return a === null || b === null || a.startsWith(b) || b.startsWith(a);
}

function relateItems(a: ItemKey[], b: ItemKey[], tree: KindTree): Side {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 0 : a.length === 0 ? 1 : 2;
  let aBroader = false;
  let bBroader = false;
  for (const x of a) {
    for (const y of b) {
      if (x.kind === y.kind) {
        if (modelsAgree(x.model, y.model)) return 0;
      } else if (tree.isUnder(x.kind, y.kind)) {
        bBroader = true;
      } else if (tree.isUnder(y.kind, x.kind)) {
        aBroader = true;
      }
    }
  }
  if (aBroader && bBroader) return 3;
  return aBroader ? 1 : bBroader ? 2 : -1;
}

/**
 * How two mentions of one group relate: compatible when their codes are equal or one extends the other, their
 * dates fit the windows, and their items overlap (equal kinds, or one kind under the other; no items fits any).
 * Symmetric: `relateFeatures(b, a)` is the mirror of `relateFeatures(a, b)`.
 */
export function relateFeatures(a: MentionFeatures, b: MentionFeatures, tree: KindTree): Relation {
  if (a.group !== b.group) return REL_NONE;
  let aVaguer = false;
  let bVaguer = false;
  if (a.code !== b.code) {
    if (b.code.startsWith(a.code)) aVaguer = true;
    else if (a.code.startsWith(b.code)) bVaguer = true;
    else return REL_NONE;
  }
  const date = relateDates(a, b);
  if (date === -1) return REL_NONE;
  const items = relateItems(a.items, b.items, tree);
  if (items === -1) return REL_NONE;
  if (date === 1 || date === 3 || items === 1 || items === 3) aVaguer = true;
  if (date === 2 || date === 3 || items === 2 || items === 3) bVaguer = true;
  if (aVaguer && bVaguer) return REL_CROSS;
  return aVaguer ? REL_A_VAGUER : bVaguer ? REL_B_VAGUER : REL_STRONG;
}
