// Web UI view: the events themselves — a sortable, paged table of events (reports merged; the level setting switches
// to every report), and downloads of every matching one (CSV, JSON Lines, the export formats).
import { apiHref, getJson, type EventPage, type ReportPage, type Stats } from '../api.js';
import { h, replace } from '../dom.js';
import { eventTable, reportTable } from '../event-list.js';
import { filterQuery } from '../state.js';
import { errorBox, loading, nothingMatches, settingSelect, type ViewRenderer } from './view-kit.js';

const PAGE = 100;
const EXPORTS: [string, string][] = [['gdelt', 'GDELT'], ['icews', 'ICEWS'], ['plover', 'PLOVER'], ['sipri', 'SIPRI'], ['gexf', 'GEXF (Gephi)'], ['geojson', 'GeoJSON']];
const EVENT_SORTS: [string, string][] = [['-date', 'newest first'], ['date', 'oldest first'], ['-sources', 'most sources'], ['id', 'by id']];
const REPORT_SORTS: [string, string][] = [['-date', 'newest first'], ['date', 'oldest first'], ['-goldstein', 'most cooperative'], ['goldstein', 'most hostile'], ['ingested', 'as stored']];

function download(href: string, text: string): HTMLAnchorElement {
  const a = h('a', { class: 'button', download: '' }, text);
  a.href = href;
  return a;
}

/** One page of the level: its rows as a table, their number and the cursor of the next page. */
async function fetchPage(level: 'events' | 'reports', query: URLSearchParams, state: Parameters<ViewRenderer>[1]): Promise<{ table: HTMLElement; count: number; next: string | null }> {
  if (level === 'events') {
    const page = await getJson<EventPage>('/events', query);
    return { table: eventTable(page.events, state), count: page.events.length, next: page.next };
  }
  const page = await getJson<ReportPage>('/events', query);
  return { table: reportTable(page.reports, state), count: page.reports.length, next: page.next };
}

export const eventsView: ViewRenderer = async (root, state, current) => {
  const level = state.settings.level === 'reports' ? 'reports' : 'events';
  const sorts = level === 'events' ? EVENT_SORTS : REPORT_SORTS;
  const sort = sorts.some(([s]) => s === state.settings.sort) ? state.settings.sort as string : '-date';
  replace(root, loading(level));
  try {
    const query = (extra: Record<string, string | number>): URLSearchParams => filterQuery(state.filters, { level, sort, ...extra });
    const [first, stats] = await Promise.all([fetchPage(level, query({ limit: PAGE }), state), getJson<Stats>('/stats')]);
    if (!current()) return;
    if (first.count === 0) return replace(root, nothingMatches(state));
    const table = h('div', {}, first.table);
    let next = first.next;
    let shown = first.count;
    const stored = level === 'events' ? stats.events : stats.reports;
    const filtered = Object.keys(state.filters).length > 0;
    const heading = (): string => ` · ${next === null ? shown.toLocaleString('en') : `first ${shown.toLocaleString('en')}`}${filtered ? ' matching' : ''} of ${stored.toLocaleString('en')} in the store`;
    const counts = h('span', { class: 'muted', id: 'list-count' }, heading());
    const status = h('span', { class: 'muted' }, `${shown} shown`);
    const more = h('button', { type: 'button', class: 'more' }, 'More');
    more.hidden = next === null;
    more.addEventListener('click', async () => {
      if (next === null) return;
      more.disabled = true;
      try {
        const further = await fetchPage(level, query({ limit: PAGE, cursor: next }), state);
        table.append(further.table);
        shown += further.count;
        next = further.next;
        status.textContent = `${shown} shown`;
        counts.textContent = heading();
        more.hidden = next === null;
      } catch (err) {
        table.append(errorBox(err));
      } finally {
        more.disabled = false;
      }
    });
    replace(root, h('section', { class: 'panel' },
      h('div', { class: 'panel-head' }, h('h2', {}, level === 'events' ? 'Events' : 'Reports', counts),
        settingSelect({ ...state, settings: { ...state.settings, level, sort: undefined } }, 'level', 'Show', [['events', 'events (reports merged)'], ['reports', 'every report']], 'events'),
        settingSelect(state, 'sort', 'Sort', sorts, '-date'),
        h('span', { class: 'downloads' }, 'Download all matching: ',
          download(apiHref('/events', filterQuery(state.filters, { level, format: 'csv', sort })), 'CSV'), ' ',
          download(apiHref('/events', filterQuery(state.filters, { level, format: 'jsonl', sort })), 'JSON Lines'))),
      h('p', { class: 'downloads exports' }, 'Export as: ', ...EXPORTS.flatMap(([as, label]) => [download(apiHref('/export', filterQuery(state.filters, { as, ...(level === 'reports' ? { level } : {}) })), label), ' '])),
      table, h('div', { class: 'pager' }, status, ' ', more)));
  } catch (err) {
    if (current()) replace(root, errorBox(err));
  }
};
