// Web UI view: one event (`c-…`: its facts, its strongest report marked, every report of it) or one report (its
// sentence with source, trigger and target marked, its facts, the event it reports with every report, the article).
import { getJson, type ArticleDetail, type EventDetail, type EventRecord, type EventSummary, type ReportDetail } from '../api.js';
import { QUAD_COLORS, QUAD_NAMES } from '../colors.js';
import { appLink, externalLink, h, replace } from '../dom.js';
import { reportTable } from '../event-list.js';
import { clusterFacts } from '../happening-facts.js';
import { correctionsPanel } from '../corrections-panel.js';
import { eventSpans, highlightRuns } from '../highlight.js';
import { markedSentence, reportList, reportState, runsToNodes } from '../mention-list.js';
import { navigate, stateHref } from '../nav.js';
import type { PageState } from '../state.js';
import { errorBox, loading, type ViewRenderer } from './view-kit.js';

function actorText(actor: EventRecord['source'] | null): string {
  if (actor === null) return '—';
  return `${actor.name} (${actor.code}${actor.sector ? `, ${actor.sector}` : ''}) — “${actor.text}”`;
}

function facts(event: EventRecord): HTMLElement {
  const rows: [string, string | Node][] = [
    ['Source', actorText(event.source)],
    ['Event', `${event.cameoName} (CAMEO ${event.cameo}, root ${event.root})`],
    ['Target', actorText(event.target)],
    ['Quad class', `${event.quad} · ${QUAD_NAMES[event.quad - 1] ?? ''}`],
    ['Goldstein', String(event.goldstein)],
    ['PLOVER', [event.plover.type, event.plover.mode, event.plover.context].filter(Boolean).join(' · ')],
    ['Date', event.date === null ? 'unknown' : `${event.date} (${event.datePrecision}, ${event.dateBasis})`],
    ['Modality', `${event.modality}${event.negated ? ' (negated)' : ''}`],
    ['Status', event.status ?? '—'],
    ['Terms', event.terms ?? '—'],
    ['Items', event.items.length === 0 ? '—' : h('ul', { class: 'items' }, ...event.items.map((item) => h('li', {},
      h('strong', {}, item.kind), item.model ? ` ${item.model}` : '',
      item.quantity !== null ? ` × ${item.quantity}` : item.max ? ` up to ${item.max}` : '', item.approx ? ' (approx.)' : '',
      item.unit ? ` ${item.unit}` : '', h('span', { class: 'muted' }, ` — “${item.text}”`))))],
    ['Attribution', event.attribution ? `“${event.attribution.text}”${event.attribution.actor ? ` (${event.attribution.actor})` : ''}` : '—'],
    ['Place', event.location ? `${event.location.name}${event.location.country ? `, ${event.location.country}` : ''}${event.location.lat !== null ? ` (${event.location.lat}, ${event.location.lon})` : ''}` : '—'],
  ];
  return h('dl', { class: 'facts event-facts' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

/** The article's text with the event's sentence marked (and its words highlighted) in place. */
function articleText(text: string, event: EventRecord): HTMLElement {
  const { start, end } = event.sentence;
  const sentence = h('mark', { class: 'sentence', id: 'evidence-in-article' }, ...runsToNodes(highlightRuns(text.slice(start, end), start, eventSpans(event))));
  return h('div', { class: 'article-text' }, text.slice(0, start), sentence, text.slice(end));
}

function backButton(state: PageState): HTMLElement {
  const back: PageState = { view: 'events', filters: state.filters, settings: {} };
  return h('button', { type: 'button', class: 'link back', onclick: () => (history.length > 1 ? history.back() : navigate(back)) }, '← Back');
}

function eventTitle(event: EventSummary): string {
  const lead = event.lead;
  const source = lead && lead.source.code.startsWith(event.source) ? lead.source.name : event.source;
  const target = event.target === null ? '(no target)' : lead?.target && lead.target.code.startsWith(event.target) ? lead.target.name : event.target;
  return `${source} → ${target}: ${lead?.cameoName ?? `CAMEO ${event.cameo}`}`;
}

/** An event: its facts, its strongest report marked, and every report of it. */
function eventPage(root: HTMLElement, detail: EventDetail, state: PageState, reload: (rejected: boolean) => void): void {
  const event = detail.event;
  const lead = event.lead;
  const quad = h('span', { class: 'quad-dot' });
  quad.style.background = QUAD_COLORS[(lead?.quad ?? 1) - 1] ?? '#999';
  const open = lead === null ? null : reportState(lead, state);
  replace(root, backButton(state),
    h('section', { class: 'panel event-detail happening', 'data-event-id': event.id },
      h('h2', {}, quad, eventTitle(event), h('span', { class: 'muted' }, ` · event ${event.id}`)),
      lead === null ? null : h('blockquote', { class: 'evidence-sentence' }, ...markedSentence(lead)),
      open === null ? null : h('p', { class: 'note' }, 'The strongest of its reports. ', appLink(stateHref(open), 'Open this report', () => navigate(open)), ' for its article and facts.'),
      clusterFacts(event),
      h('h3', {}, `Every report (${detail.reports.length})`),
      reportList(detail.reports, state, undefined, lead?.id ?? null)),
    lead === null ? null : correctionsPanel({ report: lead, cluster: event, reports: detail.reports.map((r) => r.report), onChange: reload }));
}

/** A report: its sentence and facts, the event it reports with every report, and its article with the sentence in place. */
async function reportPage(root: HTMLElement, detail: ReportDetail, state: PageState, current: () => boolean, reload: (rejected: boolean) => void): Promise<void> {
  const article = await getJson<ArticleDetail>(`/articles/${encodeURIComponent(detail.report.doc)}`).catch(() => null);
  if (!current()) return;
  const event = detail.report;
  const evidence = h('blockquote', { class: 'evidence-sentence' }, ...markedSentence(event));
  const quad = h('span', { class: 'quad-dot' });
  quad.style.background = QUAD_COLORS[event.quad - 1] ?? '#999';
  const ref = detail.article;
  const others = (article?.events ?? []).filter((e) => e.id !== event.id);
  const whole: PageState | null = detail.event === null ? null : { view: 'event', filters: state.filters, settings: { id: detail.event.id } };
  replace(root, backButton(state),
    h('section', { class: 'panel event-detail report-detail', 'data-report-id': event.id },
      h('h2', {}, quad, `${event.source.name} → ${event.target?.name ?? '(no target)'}: ${event.cameoName}`, h('span', { class: 'muted' }, ' · one report')),
      evidence,
      h('p', { class: 'legend' }, h('mark', { class: 'hl-source' }, 'source'), ' ', h('mark', { class: 'hl-trigger' }, 'event'), ' ',
        h('mark', { class: 'hl-target' }, 'target'), ' ', h('mark', { class: 'hl-item' }, 'item'), ' ', h('mark', { class: 'hl-location' }, 'place'), ' ',
        h('mark', { class: 'hl-attribution' }, 'attribution')),
      facts(event)),
    h('section', { class: 'panel happening' },
      h('h2', {}, 'The event it reports', h('span', { class: 'muted' }, detail.event === null
        ? ' · not merged with other reports yet (the store has not been clustered)'
        : detail.reports.length === 1 ? ' · no other report of it'
          : ` · this report and ${detail.reports.length - 1} other${detail.reports.length === 2 ? '' : 's'} of the same event`),
      whole === null ? null : appLink(stateHref(whole), 'open the event', () => navigate(whole))),
      detail.event ? clusterFacts(detail.event) : null,
      h('h3', {}, `Every report (${detail.reports.length})`),
      reportList(detail.reports, state, event.id, detail.event?.lead?.id ?? null)),
    correctionsPanel({ report: event, cluster: detail.event, reports: detail.reports.map((r) => r.report), onChange: reload }),
    h('section', { class: 'panel article' },
      h('h2', {}, ref?.title ?? event.doc),
      h('p', { class: 'meta' }, [ref?.source, ref?.date].filter(Boolean).join(' · '), ref?.url ? ' · ' : '', ref?.url ? externalLink(ref.url, ref.url) : '',
        ' · ', h('button', { type: 'button', class: 'link', onclick: () => navigate({ view: 'events', filters: { doc: event.doc }, settings: {} }) }, 'all events of this article')),
      article ? articleText(article.article.text, event) : h('p', { class: 'muted' }, 'The article text is not stored.')),
    others.length > 0 ? h('section', { class: 'panel' }, h('h2', {}, 'Other reports in this article'), reportTable(others, state)) : null,
  );
  document.getElementById('evidence-in-article')?.scrollIntoView?.({ block: 'nearest' });
}

/**
 * Opens an id of either kind: an event id (`c-…`, as `dyad events` prints) or a report id. A report link carries its
 * article; GET /api/events/:id answers an event and redirects a report's id to the report.
 */
export const eventView: ViewRenderer = async (root, state, current) => {
  const id = state.settings.id;
  if (!id) return replace(root, errorBox(new Error('no event chosen')));
  replace(root, loading('the event'));
  try {
    const hint = state.settings.article ? new URLSearchParams({ doc: state.settings.article }) : undefined;
    const detail = state.settings.article
      ? await getJson<ReportDetail>(`/reports/${encodeURIComponent(id)}`, hint)
      : await getJson<EventDetail | ReportDetail>(`/events/${encodeURIComponent(id)}`);
    if (!current()) return;
    const back: PageState = { view: 'events', filters: state.filters, settings: {} };
    const reload = (rejected: boolean): void => (rejected ? navigate(back, { replace: true }) : void eventView(root, state, current));
    if ('report' in detail) await reportPage(root, detail, state, current, reload);
    else eventPage(root, detail, state, reload);
    window.scrollTo(0, 0);
  } catch (err) {
    if (current()) replace(root, errorBox(err));
  }
};
