// Link stage: a thread's ordered steps → what came of it (open, partly fulfilled, fulfilled, refused, stalled) and what is missing.
import type { ClusterItem, ThreadStatus, ThreadStep } from '../types/link.js';
import type { KindTree } from './kind-tree.js';
import { firstDay } from '../types/day-number.js';

/** The status and the asked kinds no delivery matched. */
export interface ThreadOutcome {
  status: ThreadStatus;
  missing: string[];
}

/** Kinds asked for, each with the largest quantity asked (null when never stated). */
function asked(steps: readonly ThreadStep[]): Map<string, number | null> {
  const requests = steps.filter((s) => s.role === 'request');
  // With no request, what was offered, pledged or agreed is the yardstick.
  const basis = requests.length > 0 ? requests : steps.filter((s) => s.role === 'offer' || s.role === 'pledge' || s.role === 'agreement');
  const kinds = new Map<string, number | null>();
  for (const item of basis.flatMap((s) => s.items)) {
    const before = kinds.get(item.kind) ?? null;
    kinds.set(item.kind, item.quantity === null ? before : Math.max(before ?? 0, item.quantity));
  }
  return kinds;
}

/** Units delivered of the kinds that match `kind` (either under the other), or null when no delivery states a number. */
function deliveredOf(kind: string, delivered: readonly ClusterItem[], tree: KindTree): { matched: boolean; quantity: number | null } {
  let matched = false;
  let quantity: number | null = null;
  for (const item of delivered) {
    if (!tree.isUnder(item.kind, kind) && !tree.isUnder(kind, item.kind)) continue;
    matched = true;
    if (item.quantity !== null) quantity = (quantity ?? 0) + item.quantity;
  }
  return { matched, quantity };
}

/**
 * The outcome of a thread whose steps are in order. With deliveries: fulfilled when every kind asked for was
 * delivered in at least the quantity asked (when both are stated), else partly fulfilled. Without: refused when a
 * refusal or suspension came after the last request, offer or pledge; stalled when nothing happened for more than
 * `stallDays` before `asOf` (the newest date in the data); else open.
 */
export function threadStatus(steps: readonly ThreadStep[], tree: KindTree, asOf: number | null, stallDays: number): ThreadOutcome {
  const wanted = asked(steps);
  const deliveries = steps.filter((s) => s.role === 'delivery');
  const delivered = deliveries.flatMap((s) => s.items);
  const missing: string[] = [];
  let short = false;
  for (const [kind, quantity] of wanted) {
    const got = deliveredOf(kind, delivered, tree);
    if (!got.matched) missing.push(kind);
    else if (quantity !== null && got.quantity !== null && got.quantity < quantity) short = true;
  }
  missing.sort();
  if (deliveries.length > 0) return { status: missing.length > 0 || short ? 'partly-fulfilled' : 'fulfilled', missing };
  const lastNo = steps.findLastIndex((s) => s.role === 'refusal' || s.role === 'suspension');
  const lastAsk = steps.findLastIndex((s) => s.role === 'request' || s.role === 'offer' || s.role === 'pledge' || s.role === 'agreement');
  if (lastNo >= 0 && lastNo > lastAsk) return { status: 'refused', missing };
  let lastDay: number | null = null;
  for (const step of steps) {
    const day = firstDay(step.date);
    if (day !== null && (lastDay === null || day > lastDay)) lastDay = day;
  }
  if (asOf !== null && lastDay !== null && asOf - lastDay > stallDays) return { status: 'stalled', missing };
  return { status: 'open', missing };
}
