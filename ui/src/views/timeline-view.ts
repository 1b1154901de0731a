// Web UI view: the timeline — events per period stacked by quad class with their reports (drag across it to pick a
// period), and the series of one dyad in both directions.
import { getJson, type DyadRow, type EventPage, type Timeline } from '../api.js';
import { lineChart, stackedBars } from '../charts.js';
import { QUAD_COLORS, QUAD_NAMES } from '../colors.js';
import { h, replace } from '../dom.js';
import { eventTable } from '../event-list.js';
import { navigate } from '../nav.js';
import { filterQuery, type PageState } from '../state.js';
import { eventBars, pairSeries, topPairs, type Period } from '../timeline-data.js';
import { errorBox, loading, nothingMatches, settingSelect, type ViewRenderer } from './view-kit.js';

function legend(): HTMLElement {
  return h('div', { class: 'legend' }, ...QUAD_NAMES.map((name, i) => {
    const swatch = h('span', { class: 'swatch' });
    swatch.style.background = QUAD_COLORS[i] ?? '#999';
    return h('span', {}, swatch, name);
  }));
}

function seriesSection(rows: DyadRow[], periods: string[], state: PageState): HTMLElement {
  const pairs = topPairs(rows, 12);
  const chosen = state.settings.pair ?? (pairs[0] ? `${pairs[0].source}>${pairs[0].target}` : '');
  const [a, b] = chosen.split('>');
  const section = h('section', { class: 'panel' }, h('h2', {}, 'Dyad over time', h('span', { class: 'muted' }, ' · reports per period')));
  if (!a || !b) return section;
  const picker = h('select', { name: 'pair', 'aria-label': 'Dyad' }, ...pairs.map((p) => h('option', { value: `${p.source}>${p.target}` }, `${p.source} → ${p.target} (${p.count})`)));
  if (!pairs.some((p) => `${p.source}>${p.target}` === chosen)) picker.append(h('option', { value: chosen }, `${a} → ${b}`));
  picker.value = chosen;
  picker.addEventListener('change', () => navigate({ ...state, settings: { ...state.settings, pair: picker.value } }, { replace: true }));
  const series = pairSeries(rows, periods, a, b);
  section.append(
    h('div', { class: 'controls' }, h('label', { class: 'setting' }, 'Pair ', picker),
      h('span', { class: 'key forward' }, `${a} → ${b}`), h('span', { class: 'key backward' }, `${b} → ${a}`)),
    lineChart(series.map((p) => p.period), [
      { name: `${a} → ${b}`, color: '#1f5f99', values: series.map((p) => p.forward) },
      { name: `${b} → ${a}`, color: '#c0392b', values: series.map((p) => p.backward) },
    ]),
  );
  return section;
}

export const timelineView: ViewRenderer = async (root, state, current) => {
  const by: Period = (['day', 'week', 'month', 'year'] as const).find((p) => p === state.settings.by) ?? 'month';
  replace(root, loading('the timeline'));
  try {
    const [timeline, { dyads }, latest] = await Promise.all([
      getJson<Timeline>('/timeline', filterQuery(state.filters, { by })),
      getJson<{ dyads: DyadRow[] }>('/dyads', filterQuery(state.filters, { by, nodes: 'country', limit: 100000 })),
      getJson<EventPage>('/events', filterQuery(state.filters, { sort: '-date', limit: 15 })),
    ]);
    if (!current()) return;
    if (latest.events.length === 0) return replace(root, nothingMatches(state));
    const periods = eventBars(timeline.periods, by);
    const { undated, coarser } = timeline;
    const events = periods.reduce((n, p) => n + p.total, 0) + undated.events + coarser.events;
    const reports = periods.reduce((n, p) => n + (p.reports ?? 0), 0) + undated.reports + coarser.reports;
    const pick = by === 'week' ? undefined
      : (period: string): void => navigate({ view: 'events', filters: { ...state.filters, since: period, until: period }, settings: {} });
    // The brush narrows every view to the dragged periods (weeks are no date filter: drag by day, month or year).
    const brushed = by === 'week' ? undefined
      : (first: string, last: string): void => navigate({ ...state, filters: { ...state.filters, since: first, until: last } });
    replace(root,
      h('section', { class: 'panel' },
        h('div', { class: 'panel-head' }, h('h2', {}, 'Events over time', h('span', { class: 'muted', id: 'timeline-count' }, ` · ${events} events from ${reports} reports`)),
          settingSelect(state, 'by', 'By', [['day', 'day'], ['week', 'week'], ['month', 'month'], ['year', 'year']], 'month')),
        legend(),
        periods.length > 0 ? stackedBars(periods, pick, 260, brushed) : h('p', { class: 'muted' }, 'No dated events.'),
        h('p', { class: 'note' }, 'Each event once, its reports merged', undated.events > 0 ? `; ${undated.events} undated` : '',
          coarser.events > 0 ? `; ${coarser.events} dated only more coarsely than a ${by}` : '', undated.events + coarser.events > 0 ? ' not shown' : '',
          '. Click a bar to list its events', brushed ? '; drag across bars to narrow every view to those dates' : '', '.'),
      ),
      seriesSection(dyads, periods.map((p) => p.period), state),
      h('section', { class: 'panel' }, h('h2', {}, 'Latest events'), eventTable(latest.events, state)),
    );
  } catch (err) {
    if (current()) replace(root, errorBox(err));
  }
};
