// Link stage: events (clusters) → assistance threads: request → offer/pledge → agreement/condition → delivery/refusal, per supplier, recipient and kind of help.
import type { AidContext, Cluster, RelatedStep, Thread, ThreadStep } from '../types/link.js';
import type { KindTree } from './kind-tree.js';
import { ROLE_ORDER, threadStep, type StepInfo } from './thread-steps.js';
import { threadStatus } from './thread-status.js';
import { firstDay, parseDaySpan } from '../types/day-number.js';

/** Options of thread building. */
export interface ThreadOptions {
  /** The kind tree the events were linked by (a store's: `recordedKindTree`), which matches a delivery to what was asked. */
  kinds: KindTree;
  /** "Now" for stalled threads, `YYYY-MM-DD`; default: the newest date in the clusters. */
  asOf?: string;
  /** A thread with no step for longer than this (after its last one, before `asOf`) is stalled (default 18). */
  stallMonths?: number;
  /** Steps of one pair and kind of help further apart than this start a new thread (default 3 years). */
  gapMonths?: number;
  /** How long after a thread's last step a third party's step still bears on it (default 12). */
  relatedMonths?: number;
}

const DAYS_PER_MONTH = 30.44;

interface Placed {
  cluster: Cluster;
  info: StepInfo;
  /** First day of the step's date (the event date, else the first report); null when neither is known. */
  day: number | null;
  date: string | null;
}

function byTime(a: Placed, b: Placed): number {
  const da = a.day ?? Number.MAX_SAFE_INTEGER;
  const db = b.day ?? Number.MAX_SAFE_INTEGER;
  if (da !== db) return da - db;
  if (a.info.role !== b.info.role) return ROLE_ORDER[a.info.role] - ROLE_ORDER[b.info.role];
  return a.cluster.id < b.cluster.id ? -1 : 1;
}

const keyOf = (supplier: string, recipient: string, context: AidContext): string => `${supplier}\u0001${recipient}\u0001${context}`;

/**
 * Puts the steps that do not name their direction or kind of help (agreements, conditions, refusals; "ready to help")
 * into the thread of the same pair whose steps lie nearest in time — judged only by the steps that do name both, so
 * the choice does not depend on order. With no such thread, they start one of their own (source as supplier).
 */
function groupSteps(placed: Placed[]): Map<string, Placed[]> {
  const groups = new Map<string, Placed[]>();
  const add = (key: string, p: Placed): void => {
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [p]);
    else list.push(p);
  };
  const loose: Placed[] = [];
  for (const p of placed) {
    if (p.info.symmetric || p.info.context === 'unspecified') loose.push(p);
    else add(keyOf(p.info.supplier, p.info.recipient, p.info.context), p);
  }
  // The named threads of each pair (either order), with the span of their dates.
  const byPair = new Map<string, Array<{ key: string; supplier: string; context: string; lo: number; hi: number; size: number }>>();
  for (const [key, list] of groups) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of list) {
      if (p.day === null) continue;
      lo = Math.min(lo, p.day);
      hi = Math.max(hi, p.day);
    }
    const [supplier = '', recipient = '', context = ''] = key.split('\u0001');
    const pair = supplier < recipient ? `${supplier}\u0001${recipient}` : `${recipient}\u0001${supplier}`;
    const entry = { key, supplier, context, lo, hi, size: list.length };
    const entries = byPair.get(pair);
    if (entries === undefined) byPair.set(pair, [entry]);
    else entries.push(entry);
  }
  for (const p of loose) {
    const { supplier, recipient, context } = p.info;
    let best: string | null = null;
    let bestScore: [number, number] = [Infinity, 0];
    const pairKey = supplier < recipient ? `${supplier}\u0001${recipient}` : `${recipient}\u0001${supplier}`;
    for (const span of byPair.get(pairKey) ?? []) {
      const key = span.key;
      if ((!p.info.symmetric && span.supplier !== supplier) || (context !== 'unspecified' && span.context !== context)) continue;
      const distance = p.day === null || span.lo > span.hi ? 0 : Math.max(0, span.lo - p.day, p.day - span.hi);
      const score: [number, number] = [distance, -span.size];
      if (score[0] < bestScore[0] || (score[0] === bestScore[0] && (score[1] < bestScore[1] || (score[1] === bestScore[1] && best !== null && key < best)))) {
        best = key;
        bestScore = score;
      }
    }
    add(best ?? keyOf(supplier, recipient, context), p);
  }
  return groups;
}

function toStep(p: Placed, order: number, supplier: string): ThreadStep {
  const c = p.cluster;
  return {
    order, role: p.info.role, cluster: c.id, evidence: c.mentionIds,
    actor: c.source === supplier ? 'supplier' : 'recipient',
    cameo: c.cameo, date: p.date, datePrecision: c.date !== null ? c.datePrecision : p.date !== null ? 'day' : 'unknown',
    items: c.items, terms: c.terms,
  };
}

/**
 * Links events between the same supplier and recipient about the same kind of help into threads, steps in date
 * order, each with its evidence, and a status (see threadStatus). Third parties' offers, pledges, agreements and
 * deliveries to the same recipient of the same kind of help, from its first request until `relatedMonths` after the
 * thread's last step, are linked as `related` (with the asked kinds they match), not merged. Order-independent:
 * the same clusters in any order give the same threads, sorted by id.
 */
export function buildThreads(clusters: readonly Cluster[], options: ThreadOptions): Thread[] {
  const tree = options.kinds;
  const stallDays = (options.stallMonths ?? 18) * DAYS_PER_MONTH;
  const gapDays = (options.gapMonths ?? 36) * DAYS_PER_MONTH;
  const relatedDays = (options.relatedMonths ?? 12) * DAYS_PER_MONTH;
  let asOf = options.asOf !== undefined ? firstDay(options.asOf) : null;
  const placed: Placed[] = [];
  for (const cluster of [...clusters].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (options.asOf === undefined) {
      for (const d of [cluster.date, cluster.lastReport]) {
        const last = parseDaySpan(d)?.last ?? null;
        if (last !== null && (asOf === null || last > asOf)) asOf = last;
      }
    }
    const info = threadStep(cluster, tree);
    if (info === null) continue;
    const date = cluster.date ?? cluster.firstReport;
    placed.push({ cluster, info, day: firstDay(date), date });
  }

  const threads: Thread[] = [];
  const owner = new Map<string, Owned>();
  for (const [key, list] of groupSteps(placed)) {
    const [supplier = '', recipient = '', context = 'unspecified'] = key.split('\u0001');
    list.sort(byTime);
    const segments: Placed[][] = [];
    let lastDay: number | null = null;
    for (const p of list) {
      const current = segments[segments.length - 1];
      if (current === undefined || (p.day !== null && lastDay !== null && p.day - lastDay > gapDays)) segments.push([p]);
      else current.push(p);
      if (p.day !== null) lastDay = p.day;
    }
    for (const segment of segments) {
      const steps = segment.map((p, i) => toStep(p, i, supplier));
      const { status, missing } = threadStatus(steps, tree, asOf, stallDays);
      const dated = steps.filter((s) => s.date !== null);
      const thread: Thread = {
        id: `t-${segment.map((p) => p.cluster.id).sort()[0] as string}`,
        supplier, recipient, context: context as AidContext, status,
        kinds: [...new Set(steps.flatMap((s) => s.items.map((i) => i.kind)))].sort(),
        missing, opened: dated[0]?.date ?? null, lastStep: dated[dated.length - 1]?.date ?? null, steps, related: [],
      };
      threads.push(thread);
      segment.forEach((p, i) => owner.set(p.cluster.id, { thread, placed: p, step: steps[i] as ThreadStep }));
    }
  }
  linkRelated(threads, owner, tree, relatedDays);
  return threads.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** A step and the thread that owns it. */
interface Owned {
  thread: Thread;
  placed: Placed;
  step: ThreadStep;
}

/** Adds to each thread with a request the third parties' steps that bear on it. */
function linkRelated(threads: Thread[], owner: Map<string, Owned>, tree: KindTree, relatedDays: number): void {
  const giving: ReadonlySet<string> = new Set(['offer', 'pledge', 'agreement', 'delivery']);
  const byRecipient = new Map<string, Owned[]>();
  for (const entry of owner.values()) {
    if (!giving.has(entry.placed.info.role) || entry.placed.day === null) continue;
    const list = byRecipient.get(entry.thread.recipient);
    if (list === undefined) byRecipient.set(entry.thread.recipient, [entry]);
    else list.push(entry);
  }
  for (const list of byRecipient.values()) list.sort((a, b) => (a.placed.day as number) - (b.placed.day as number));
  for (const thread of threads) {
    const requests = thread.steps.filter((s) => s.role === 'request');
    const start = requests.map((s) => firstDay(s.date)).find((d) => d !== null);
    const end = thread.steps.map((s) => firstDay(s.date)).filter((d): d is number => d !== null).pop();
    if (start === undefined || start === null || end === undefined) continue;
    const askedKinds = [...new Set(requests.flatMap((s) => s.items.map((i) => i.kind)))];
    const related: RelatedStep[] = [];
    const candidates = byRecipient.get(thread.recipient) ?? [];
    // Binary search for the first step on or after the first request; the list is sorted by day.
    let lo = 0;
    for (let hi = candidates.length; lo < hi;) {
      const mid = (lo + hi) >> 1;
      if (((candidates[mid] as Owned).placed.day as number) < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < candidates.length; i++) {
      const { thread: other, placed, step } = candidates[i] as Owned;
      if ((placed.day as number) > end + relatedDays) break;
      if (other.supplier === thread.supplier) continue;
      if (thread.context !== 'unspecified' && other.context !== 'unspecified' && other.context !== thread.context) continue;
      const overlap = [...new Set(step.items.map((i) => i.kind).filter((k) => askedKinds.some((a) => tree.isUnder(k, a) || tree.isUnder(a, k))))].sort();
      const { order: _order, ...rest } = step;
      related.push({ ...rest, supplier: other.supplier, thread: other.id, overlap });
    }
    thread.related = related.sort((a, b) => ((firstDay(a.date) ?? 0) - (firstDay(b.date) ?? 0)) || (a.cluster < b.cluster ? -1 : 1));
  }
}
