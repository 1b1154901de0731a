// Web UI view: the timeline — events per period stacked by quad class, and the series of one dyad in both directions.
import { getJson, type DyadRow, type EventPage } from '../api.js';
import { lineChart, stackedBars } from '../charts.js';
import { QUAD_COLORS, QUAD_NAMES } from '../colors.js';
import { h, replace } from '../dom.js';
import { eventTable } from '../event-list.js';
import { navigate } from '../nav.js';
import { filterQuery, type PageState } from '../state.js';
import { pairSeries, quadTimeline, topPairs, type Period } from '../timeline-data.js';
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
  const section = h('section', { class: 'panel' }, h('h2', {}, 'Dyad over time'));
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
    const [{ dyads }, latest] = await Promise.all([
      getJson<{ dyads: DyadRow[] }>('/dyads', filterQuery(state.filters, { by, level: 'country', limit: 100000 })),
      getJson<EventPage>('/events', filterQuery(state.filters, { sort: '-date', limit: 15 })),
    ]);
    if (!current()) return;
    if (latest.events.length === 0) return replace(root, nothingMatches(state));
    const { periods, undated, coarser } = quadTimeline(dyads, by);
    const pick = by === 'week' ? undefined
      : (period: string): void => navigate({ view: 'events', filters: { ...state.filters, since: period, until: period }, settings: {} });
    replace(root,
      h('section', { class: 'panel' },
        h('div', { class: 'panel-head' }, h('h2', {}, 'Events over time'),
          settingSelect(state, 'by', 'By', [['day', 'day'], ['week', 'week'], ['month', 'month'], ['year', 'year']], 'month')),
        legend(),
        periods.length > 0 ? stackedBars(periods, pick) : h('p', { class: 'muted' }, 'No dated events with a target.'),
        h('p', { class: 'note' }, 'Events between two actors (with a target)', undated > 0 ? `; ${undated} undated` : '',
          coarser > 0 ? `; ${coarser} dated only more coarsely than a ${by}` : '', undated + coarser > 0 ? ' not shown' : '', '. Click a bar to list its events.'),
      ),
      seriesSection(dyads, periods.map((p) => p.period), state),
      h('section', { class: 'panel' }, h('h2', {}, 'Latest events'), eventTable(latest.events, state)),
    );
  } catch (err) {
    if (current()) replace(root, errorBox(err));
  }
};
