// Web UI view: the events themselves — a sortable, paged table, and downloads of every matching event (CSV, JSON Lines).
import { apiHref, getJson, type EventPage } from '../api.js';
import { h, replace } from '../dom.js';
import { eventTable } from '../event-list.js';
import { filterQuery } from '../state.js';
import { errorBox, loading, nothingMatches, settingSelect, type ViewRenderer } from './view-kit.js';

const PAGE = 100;
const EXPORTS: [string, string][] = [['gdelt', 'GDELT'], ['icews', 'ICEWS'], ['plover', 'PLOVER'], ['sipri', 'SIPRI'], ['gexf', 'GEXF (Gephi)'], ['geojson', 'GeoJSON']];

function download(href: string, text: string): HTMLAnchorElement {
  const a = h('a', { class: 'button', download: '' }, text);
  a.href = href;
  return a;
}

export const eventsView: ViewRenderer = async (root, state, current) => {
  const sort = state.settings.sort ?? '-date';
  replace(root, loading('events'));
  try {
    const [page, count] = await Promise.all([
      getJson<EventPage>('/events', filterQuery(state.filters, { sort, limit: PAGE })),
      getJson<{ events: number }>('/stats'),
    ]);
    if (!current()) return;
    if (page.events.length === 0) return replace(root, nothingMatches(state));
    const table = h('div', {}, eventTable(page.events, state));
    let next = page.next;
    let shown = page.events.length;
    const status = h('span', { class: 'muted' }, `${shown} shown`);
    const more = h('button', { type: 'button', class: 'more' }, 'More');
    more.hidden = next === null;
    more.addEventListener('click', async () => {
      if (next === null) return;
      more.disabled = true;
      try {
        const further = await getJson<EventPage>('/events', filterQuery(state.filters, { sort, limit: PAGE, cursor: next }));
        table.append(eventTable(further.events, state));
        shown += further.events.length;
        next = further.next;
        status.textContent = `${shown} shown`;
        more.hidden = next === null;
      } catch (err) {
        table.append(errorBox(err));
      } finally {
        more.disabled = false;
      }
    });
    replace(root, h('section', { class: 'panel' },
      h('div', { class: 'panel-head' }, h('h2', {}, 'Events', h('span', { class: 'muted' }, ` · of ${count.events} stored`)),
        settingSelect(state, 'sort', 'Sort', [['-date', 'newest first'], ['date', 'oldest first'], ['-goldstein', 'most cooperative'], ['goldstein', 'most hostile'], ['ingested', 'as stored']], '-date'),
        h('span', { class: 'downloads' }, 'Download all matching: ',
          download(apiHref('/events', filterQuery(state.filters, { format: 'csv', sort })), 'CSV'), ' ',
          download(apiHref('/events', filterQuery(state.filters, { format: 'jsonl', sort })), 'JSON Lines'))),
      h('p', { class: 'downloads exports' }, 'Export as: ', ...EXPORTS.flatMap(([as, label]) => [download(apiHref('/export', filterQuery(state.filters, { as })), label), ' '])),
      table, h('div', { class: 'pager' }, status, ' ', more)));
  } catch (err) {
    if (current()) replace(root, errorBox(err));
  }
};
