// Web UI: a list of events as a table — date, who → whom, what, status, the evidence sentence — each row opening the event.
import type { EventRecord } from './api.js';
import { QUAD_COLORS, QUAD_NAMES } from './colors.js';
import { appLink, h } from './dom.js';
import { navigate, stateHref } from './nav.js';
import type { PageState } from './state.js';

function actorCell(actor: EventRecord['source'] | null): HTMLElement {
  if (actor === null) return h('span', { class: 'muted' }, '—');
  return h('span', { class: 'actor', title: actor.text }, actor.name, ' ', h('code', {}, actor.code));
}

/** A table of events; clicking a row opens its detail (the filters stay as they are). */
export function eventTable(events: readonly EventRecord[], state: PageState): HTMLElement {
  const rows = events.map((event) => {
    const detail: PageState = { view: 'event', filters: state.filters, settings: { id: event.id, article: event.doc } };
    const open = (): void => navigate(detail);
    const quad = h('span', { class: 'quad-dot', title: QUAD_NAMES[event.quad - 1] ?? '' });
    quad.style.background = QUAD_COLORS[event.quad - 1] ?? '#999';
    const row = h('tr', { class: 'event-row', 'data-event-id': event.id, onclick: (e) => { if ((e.target as Element).closest('a') === null) open(); } },
      h('td', { class: 'date' }, event.date ?? '—'),
      h('td', {}, actorCell(event.source)),
      h('td', {}, actorCell(event.target)),
      h('td', {}, quad, appLink(stateHref(detail), `${event.cameoName} `, open), h('code', {}, event.cameo)),
      h('td', {}, event.status ?? '', event.modality !== 'asserted' ? h('span', { class: 'tag' }, event.modality) : null),
      h('td', { class: 'evidence' }, event.sentence.text),
    );
    return row;
  });
  return h('table', { class: 'events' },
    h('thead', {}, h('tr', {}, ...['Date', 'Source', 'Target', 'Event', 'Status', 'Evidence'].map((t) => h('th', {}, t)))),
    h('tbody', {}, ...rows));
}
