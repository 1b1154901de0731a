// Web UI view: one event — the evidence sentence with source, trigger and target marked, its facts, the happening it
// reports with every report of it, and the article with the sentence in place.
import { getJson, type ArticleDetail, type EventDetail, type EventRecord } from '../api.js';
import { QUAD_COLORS, QUAD_NAMES } from '../colors.js';
import { externalLink, h, replace } from '../dom.js';
import { eventTable } from '../event-list.js';
import { clusterFacts } from '../happening-facts.js';
import { correctionsPanel } from '../corrections-panel.js';
import { eventSpans, highlightRuns } from '../highlight.js';
import { markedSentence, mentionList, runsToNodes } from '../mention-list.js';
import { navigate } from '../nav.js';
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

export const eventView: ViewRenderer = async (root, state, current) => {
  const id = state.settings.id;
  if (!id) return replace(root, errorBox(new Error('no event chosen')));
  replace(root, loading('the event'));
  try {
    const hint = state.settings.article ? new URLSearchParams({ doc: state.settings.article }) : undefined;
    const detail = await getJson<EventDetail>(`/events/${encodeURIComponent(id)}`, hint);
    const article = await getJson<ArticleDetail>(`/articles/${encodeURIComponent(detail.event.doc)}`).catch(() => null);
    if (!current()) return;
    const event = detail.event;
    const evidence = h('blockquote', { class: 'evidence-sentence' }, ...markedSentence(event));
    const quad = h('span', { class: 'quad-dot' });
    quad.style.background = QUAD_COLORS[event.quad - 1] ?? '#999';
    const ref = detail.article;
    const back: PageState = { view: 'events', filters: state.filters, settings: {} };
    const others = (article?.events ?? []).filter((e) => e.id !== event.id);
    replace(root,
      h('button', { type: 'button', class: 'link back', onclick: () => (history.length > 1 ? history.back() : navigate(back)) }, '← Back'),
      h('section', { class: 'panel event-detail' },
        h('h2', {}, quad, `${event.source.name} → ${event.target?.name ?? '(no target)'}: ${event.cameoName}`),
        evidence,
        h('p', { class: 'legend' }, h('mark', { class: 'hl-source' }, 'source'), ' ', h('mark', { class: 'hl-trigger' }, 'event'), ' ',
          h('mark', { class: 'hl-target' }, 'target'), ' ', h('mark', { class: 'hl-item' }, 'item'), ' ', h('mark', { class: 'hl-location' }, 'place'), ' ',
          h('mark', { class: 'hl-attribution' }, 'attribution')),
        facts(event)),
      h('section', { class: 'panel happening' },
        h('h2', {}, 'The happening', h('span', { class: 'muted' }, detail.cluster === null
          ? ' · not merged with other reports yet (the store has not been clustered)'
          : detail.mentions.length === 1 ? ' · no other report of it'
            : ` · this report and ${detail.mentions.length - 1} other${detail.mentions.length === 2 ? '' : 's'} of the same event`)),
        detail.cluster ? clusterFacts(detail.cluster) : null,
        h('h3', {}, `Every report (${detail.mentions.length})`),
        mentionList(detail.mentions, state, event.id)),
      correctionsPanel({
        report: event, cluster: detail.cluster, reports: detail.mentions.map((m) => m.event),
        onChange: (rejected) => (rejected ? navigate(back, { replace: true }) : void eventView(root, state, current)),
      }),
      h('section', { class: 'panel article' },
        h('h2', {}, ref?.title ?? event.doc),
        h('p', { class: 'meta' }, [ref?.source, ref?.date].filter(Boolean).join(' · '), ref?.url ? ' · ' : '', ref?.url ? externalLink(ref.url, ref.url) : '',
          ' · ', h('button', { type: 'button', class: 'link', onclick: () => navigate({ view: 'events', filters: { doc: event.doc }, settings: {} }) }, 'all events of this article')),
        article ? articleText(article.article.text, event) : h('p', { class: 'muted' }, 'The article text is not stored.')),
      others.length > 0 ? h('section', { class: 'panel' }, h('h2', {}, 'Other events in this article'), eventTable(others, state)) : null,
    );
    document.getElementById('evidence-in-article')?.scrollIntoView?.({ block: 'nearest' });
    window.scrollTo(0, 0);
  } catch (err) {
    if (current()) replace(root, errorBox(err));
  }
};
