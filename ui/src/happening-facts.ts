// Web UI: a happening (a cluster of reports) as facts — reports, sources on each side, outlets, report dates, confidence, merged items.
import type { Cluster, ClusterItem } from './api.js';
import { disputeRows } from './dispute-rows.js';
import { h } from './dom.js';

/** One merged item: quantity (conflicting reports flagged with every figure), model or kind, and how many sources name it. */
export function clusterItemText(item: ClusterItem): string {
  const quantity = item.quantity === null ? '' : `${item.quantity.toLocaleString('en')}${item.unit ? ` ${item.unit}` : ''} `;
  const what = item.model ? `${item.model} (${item.kind})` : item.kind;
  const conflict = item.conflict ? ` — sources differ: ${item.quantities.map((q) => q.toLocaleString('en')).join(' / ')}` : '';
  return `${quantity}${what}${conflict}`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The facts of a happening. */
export function clusterFacts(cluster: Cluster): HTMLElement {
  const rows: [string, string | Node][] = [
    ['Reports', `${plural(cluster.mentionCount, 'report')} in ${plural(cluster.articleCount, 'article')}, ${plural(cluster.independentSources, 'independent source')}${cluster.disputed ? ' (supporting only)' : ''}`],
    ['Outlets', cluster.outlets.length === 0 ? '—' : cluster.outlets.join(', ')],
    ['Reported', cluster.firstReport === null ? '—' : cluster.firstReport === cluster.lastReport ? cluster.firstReport : `${cluster.firstReport} – ${cluster.lastReport ?? ''}`],
    ['Date', cluster.date === null ? 'unknown' : `${cluster.date} (${cluster.datePrecision}, ${cluster.dateBasis})`],
    ['Event', `${cluster.source} → ${cluster.target ?? '(no target)'} · CAMEO ${cluster.cameo}${cluster.modality !== 'asserted' ? ` (${cluster.modality})` : cluster.disputed ? ' (disputed)' : ''}`],
    ...disputeRows(cluster),
    ['Status', cluster.status ?? '—'],
    ['Terms', cluster.terms ?? '—'],
    ['Confidence', `${Math.round(cluster.confidence * 100)}%${cluster.ambiguous ? ' · some reports are vague and could belong to another event' : ''}`],
    ['Items', cluster.items.length === 0 ? '—' : h('ul', { class: 'items' }, ...cluster.items.map((item) => h('li', { class: item.conflict ? 'conflict' : '' },
      clusterItemText(item), h('span', { class: 'muted' }, ` · ${plural(item.sources, 'source')}`))))],
  ];
  return h('dl', { class: 'facts cluster-facts' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}
