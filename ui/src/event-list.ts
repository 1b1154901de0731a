// Web UI: lists as tables — events (date, who → whom, what, status, reports, the strongest report's sentence) each
// row opening the event, and reports (one coded sentence each) each row opening the report.
import type { EventRecord, EventSummary } from './api.js';
import { QUAD_COLORS, QUAD_NAMES, quadOfCode } from './colors.js';
import { appLink, h } from './dom.js';
import { navigate, stateHref } from './nav.js';
import type { PageState } from './state.js';

function actorCell(actor: EventRecord['source'] | null): HTMLElement {
  if (actor === null) return h('span', { class: 'muted' }, '—');
  return h('span', { class: 'actor', title: actor.text }, actor.name, ' ', h('code', {}, actor.code));
}

function quadDot(quad: number): HTMLElement {
  const dot = h('span', { class: 'quad-dot', title: QUAD_NAMES[quad - 1] ?? '' });
  dot.style.background = QUAD_COLORS[quad - 1] ?? '#999';
  return dot;
}

function table(headers: string[], rows: HTMLElement[]): HTMLElement {
  // The wrapper scrolls sideways on a narrow screen; the page itself never does.
  return h('div', { class: 'table-wrap' }, h('table', { class: 'events' },
    h('thead', {}, h('tr', {}, ...headers.map((t) => h('th', {}, t)))),
    h('tbody', {}, ...rows)));
}

function row(state: PageState, detail: PageState, id: string, level: 'events' | 'reports', cells: HTMLElement[]): HTMLElement {
  const open = (): void => navigate(detail);
  return h('tr', { class: 'event-row', 'data-event-id': id, 'data-level': level, onclick: (e) => { if ((e.target as Element).closest('a') === null) open(); } }, ...cells);
}

/** A table of events (reports merged); clicking a row opens the event with every report of it. */
export function eventTable(events: readonly EventSummary[], state: PageState): HTMLElement {
  return table(['Date', 'Source', 'Target', 'Event', 'Status', 'Reports', 'Evidence (strongest report)'], events.map((event) => {
    const detail: PageState = { view: 'event', filters: state.filters, settings: { id: event.id } };
    const lead = event.lead;
    const name = lead?.cameoName ?? `CAMEO ${event.cameo}`;
    const modality = event.disputed ? 'disputed' : event.modality;
    return row(state, detail, event.id, 'events', [
      h('td', { class: 'date' }, event.date ?? '—'),
      h('td', {}, lead && lead.source.code.startsWith(event.source) ? actorCell(lead.source) : h('code', {}, event.source)),
      h('td', {}, event.target === null ? h('span', { class: 'muted' }, '—') : lead?.target && lead.target.code.startsWith(event.target) ? actorCell(lead.target) : h('code', {}, event.target)),
      h('td', {}, quadDot(quadOfCode(event.cameo)), appLink(stateHref(detail), `${name} `, () => navigate(detail)), h('code', {}, event.cameo)),
      h('td', {}, event.status ?? '', modality !== 'asserted' ? h('span', { class: 'tag' }, modality) : null),
      h('td', { class: 'count', title: `${event.mentionCount} reports from ${event.independentSources} independent sources` }, String(event.mentionCount),
        event.independentSources > 1 ? h('span', { class: 'muted' }, ` · ${event.independentSources} sources`) : null),
      h('td', { class: 'evidence' }, lead?.sentence.text ?? ''),
    ]);
  }));
}

/** A table of reports (one coded sentence each); clicking a row opens the report (the filters stay as they are). */
export function reportTable(reports: readonly EventRecord[], state: PageState): HTMLElement {
  return table(['Date', 'Source', 'Target', 'Event', 'Status', 'Evidence'], reports.map((report) => {
    const detail: PageState = { view: 'event', filters: state.filters, settings: { id: report.id, article: report.doc } };
    return row(state, detail, report.id, 'reports', [
      h('td', { class: 'date' }, report.date ?? '—'),
      h('td', {}, actorCell(report.source)),
      h('td', {}, actorCell(report.target)),
      h('td', {}, quadDot(report.quad), appLink(stateHref(detail), `${report.cameoName} `, () => navigate(detail)), h('code', {}, report.cameo)),
      h('td', {}, report.status ?? '', report.modality !== 'asserted' ? h('span', { class: 'tag' }, report.modality) : null),
      h('td', { class: 'evidence' }, report.sentence.text),
    ]);
  }));
}
