// Web UI: whether the reports of a happening agree it happened — the rows naming the sources on each side (no DOM).
import type { Cluster } from './api.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Reuters, AP (2 independent sources)", or "—" for no source. */
function sideText(names: readonly string[], count: number): string {
  return names.length === 0 ? '—' : `${names.join(', ')} (${plural(count, 'independent source')})`;
}

/**
 * Whether the reports agree the event happened: "asserted", "disputed" (with the sources on each side), or, when no
 * report supports it, "denied"/"negated" (with the sources that say so).
 */
export function disputeRows(cluster: Cluster): Array<[string, string]> {
  if (cluster.disputed) {
    return [
      ['Disputed', `yes — ${plural(cluster.disputingMentionIds.length, 'report')} ${cluster.disputingMentionIds.length === 1 ? 'denies' : 'deny'} it or say${cluster.disputingMentionIds.length === 1 ? 's' : ''} it did not happen`],
      ['Supported by', sideText(cluster.supportingSources, cluster.supportingSourceCount)],
      ['Disputed by', sideText(cluster.disputingSources, cluster.disputingSourceCount)],
    ];
  }
  if (cluster.modality !== 'asserted') {
    return [[cluster.modality === 'denied' ? 'Denied by' : 'Negated by', sideText(cluster.disputingSources, cluster.disputingSourceCount)]];
  }
  return [];
}
