// Link stage: one event (cluster) → its place in an assistance thread: role, supplier and recipient, kind of help.
import type { AidContext, Cluster, StepRole } from '../types/link.js';
import { kindContext, type KindTree } from './kind-tree.js';

/** What an event contributes to a thread. */
export interface StepInfo {
  role: StepRole;
  supplier: string;
  recipient: string;
  /** True when the code does not say who gives (agreements, conditions, refusals): the thread of the pair decides. */
  symmetric: boolean;
  context: AidContext;
}

/** CAMEO roots of the events that can be steps of an assistance thread (every root `stepInfo` below gives a step). */
export const THREAD_ROOTS: readonly string[] = ['02', '03', '05', '06', '07', '10', '12', '16'];

/** Order of roles on the same date. */
export const ROLE_ORDER: Readonly<Record<StepRole, number>> = {
  request: 0, offer: 1, pledge: 2, agreement: 3, condition: 4, delivery: 5, refusal: 6, suspension: 7,
};

/** Terms under which the supplier is paid: a demand about them is a condition, not a request for help. */
const PAID_TERMS: ReadonlySet<string> = new Set(['commercial', 'sale', 'loan', 'credit', 'lease', 'barter']);

/**
 * CAMEO codes about material help, by the three-digit prefix whose fourth digit (or, for 06x/07x, third) names the
 * kind: `coop` families (1 economic, 2 military, 3 judicial, 4 intelligence) and `aid` families (1 economic,
 * 2 military, 3 humanitarian, 4 military protection).
 */
const FAMILIES: ReadonlyArray<[string, 'coop' | 'aid']> = [
  ['021', 'coop'], ['023', 'aid'], ['101', 'coop'], ['103', 'aid'], ['031', 'coop'], ['033', 'aid'],
  ['121', 'coop'], ['122', 'aid'], ['162', 'aid'], ['06', 'coop'], ['07', 'aid'],
];
/** Generic codes that count only when the event names items ("asked for help" alone is too vague). */
const GENERIC_WITH_ITEMS: ReadonlySet<string> = new Set(['02', '020', '10', '100', '03', '030', '057', '06', '060', '12', '120', '16']);

const COOP: Readonly<Record<string, AidContext | null>> = { '1': 'economic', '2': 'military', '3': null, '4': 'military' };
const AID: Readonly<Record<string, AidContext | null>> = { '1': 'economic', '2': 'military', '3': 'humanitarian', '4': 'military' };

/** The kind of help a code names: null when it is no help code; 'unspecified' when it is help of no stated kind. */
export function codeContext(code: string, hasItems: boolean): AidContext | null {
  for (const [prefix, family] of FAMILIES) {
    if (!code.startsWith(prefix)) continue;
    const digit = code.charAt(prefix.length);
    // "Engage in material cooperation" (060) is too vague without items; "provide aid" (070) is help of some kind.
    if (digit === '' || digit === '0') return prefix === '06' && !hasItems ? null : 'unspecified';
    if (prefix === '07' && digit === '5') return null; // 075: grant asylum
    const context = (family === 'coop' ? COOP : AID)[digit];
    return context === undefined ? null : context; // null: judicial cooperation, not help with things
  }
  return GENERIC_WITH_ITEMS.has(code) && hasItems ? 'unspecified' : null;
}

/** The kind of help an event is about: its items' kinds first (most named), else its code. */
function contextOf(cluster: Cluster, tree: KindTree, fromCode: AidContext): AidContext {
  const counts = new Map<AidContext, number>();
  for (const item of cluster.items) {
    const context = kindContext(tree, item.kind);
    if (context !== null) counts.set(context, (counts.get(context) ?? 0) + 1);
  }
  let best: AidContext = fromCode;
  let top = 0;
  for (const context of ['military', 'economic', 'humanitarian'] as const) {
    if ((counts.get(context) ?? 0) > top) {
      best = context;
      top = counts.get(context) ?? 0;
    }
  }
  return best;
}

/** The role an event plays in an assistance thread, or null when it plays none (not about help, negated, no target). */
export function threadStep(cluster: Cluster, tree: KindTree): StepInfo | null {
  if (cluster.negated || cluster.target === null || cluster.target === cluster.source) return null;
  const code = cluster.cameo;
  const root = cluster.root;
  const hasItems = cluster.items.length > 0;
  const fromCode = codeContext(code, hasItems || (code === '057' && cluster.terms !== null));
  if (fromCode === null) return null;
  const context = contextOf(cluster, tree, fromCode);
  const source = cluster.source;
  const target = cluster.target;
  const give = (role: StepRole): StepInfo => ({ role, supplier: source, recipient: target, symmetric: false, context });
  const either = (role: StepRole): StepInfo => ({ role, supplier: source, recipient: target, symmetric: true, context });
  if (cluster.status === 'conditional') return either('condition');
  if (root === '02' || root === '10') {
    if (root === '10' && cluster.terms !== null && PAID_TERMS.has(cluster.terms)) return either('condition');
    return { role: 'request', supplier: target, recipient: source, symmetric: false, context };
  }
  if (root === '03') return give(cluster.status === 'offered' ? 'offer' : 'pledge');
  if (root === '05' || root === '06') return either('agreement');
  if (root === '07') return give(cluster.status === 'pledged' ? 'pledge' : cluster.status === 'offered' ? 'offer' : 'delivery');
  if (root === '12') return either('refusal');
  if (root === '16') return give('suspension');
  return null;
}
