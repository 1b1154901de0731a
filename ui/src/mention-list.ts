// Web UI: the reports of an event — each with its outlet, date and title, its sentence with source, event and target marked, and a link to open it.
import type { EventRecord, Report } from './api.js';
import { appLink, externalLink, h, safeUrl } from './dom.js';
import { eventSpans, highlightRuns, type Run } from './highlight.js';
import { navigate, stateHref } from './nav.js';
import type { PageState } from './state.js';

/** Marked-up runs as DOM: text nodes inside <mark> elements, never markup. */
export function runsToNodes(runs: readonly Run[]): Node[] {
  return runs.map((run) => (run.kind === null ? document.createTextNode(run.text) : h('mark', { class: `hl-${run.kind}`, title: run.kind }, run.text)));
}

/** An event's sentence with its source, trigger, target, items, place and attribution marked. */
export function markedSentence(event: EventRecord): Node[] {
  return runsToNodes(highlightRuns(event.sentence.text, event.sentence.start, eventSpans(event)));
}

/** The state that opens one report (its article given, so the lookup is checked). */
export function reportState(event: EventRecord, state: PageState): PageState {
  return { view: 'event', filters: state.filters, settings: { id: event.id, article: event.doc } };
}

/** A list of reports; `current` is the id of the report being shown (marked, not linked), `strongest` the event's lead. */
export function reportList(reports: readonly Report[], state: PageState, current?: string, strongest?: string | null): HTMLElement {
  return h('ol', { class: 'mentions' }, ...reports.map(({ report: event, article }) => {
    const target = reportState(event, state);
    const here = event.id === current;
    return h('li', { class: `mention${here ? ' current' : ''}`, 'data-event-id': event.id },
      h('div', { class: 'mention-head' },
        h('strong', { class: 'outlet' }, article?.source ?? 'unknown outlet'),
        h('span', { class: 'muted' }, ` · ${article?.date ?? 'undated'}`),
        article?.title ? h('span', { class: 'title' }, ` · ${article.title}`) : null,
        article?.nearDuplicateOf ? h('span', { class: 'tag' }, 'syndicated copy') : null,
        event.modality !== 'asserted' ? h('span', { class: 'tag' }, event.modality) : null,
        event.id === strongest ? h('span', { class: 'tag strongest-tag', title: 'the report that speaks for the event best' }, 'strongest') : null,
        ' ',
        here ? h('span', { class: 'tag current-tag' }, 'this report')
          : appLink(stateHref(target), 'open this report', () => navigate(target)),
        // Only an http(s) address is a link; anything else (javascript:, data:) is not shown at all.
        safeUrl(article?.url) ? h('span', { class: 'muted' }, ' · ') : null,
        safeUrl(article?.url) ? externalLink(article?.url, 'source page') : null),
      h('p', { class: 'mention-sentence' }, ...markedSentence(event)));
  }));
}
