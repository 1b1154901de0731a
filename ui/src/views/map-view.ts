// Web UI view: the map — country shapes shaded by the events placed in them, a point per place; a point opens its events.
import { getJson, type EventPage, type EventRecord } from '../api.js';
import { NUMERIC_BY_ALPHA3 } from '../country-numbers.js';
import { h, replace, s } from '../dom.js';
import { eventTable } from '../event-list.js';
import { navigate } from '../nav.js';
import { filterQuery, type PageState } from '../state.js';
import { MAP_VIEWBOX, countryShapes, project } from '../world-map.js';
import { errorBox, loading, nothingMatches, type ViewRenderer } from './view-kit.js';

/** Events looked at for the map: the latest ones (a store-side aggregation by place would lift this bound). */
const MAX_EVENTS = 3_000;

interface Place { key: string; name: string; lat: number; lon: number; events: EventRecord[] }

function places(events: readonly EventRecord[]): Place[] {
  const byKey = new Map<string, Place>();
  for (const event of events) {
    const loc = event.location;
    if (!loc || loc.lat === null || loc.lon === null) continue;
    const key = `${loc.lat.toFixed(2)},${loc.lon.toFixed(2)}`;
    const place = byKey.get(key) ?? { key, name: loc.name, lat: loc.lat, lon: loc.lon, events: [] };
    place.events.push(event);
    byKey.set(key, place);
  }
  return [...byKey.values()].sort((a, b) => b.events.length - a.events.length);
}

function shade(count: number, max: number): string {
  if (count === 0) return '#e9ecef';
  const t = Math.sqrt(count / max);
  return `rgb(${Math.round(214 - t * 120)}, ${Math.round(226 - t * 110)}, ${Math.round(240 - t * 60)})`;
}

function worldMap(events: readonly EventRecord[], spots: Place[], state: PageState): SVGSVGElement {
  const perCountry = new Map<string, number>();
  for (const event of events) {
    const numeric = event.location?.country ? NUMERIC_BY_ALPHA3.get(event.location.country) : undefined;
    if (numeric) perCountry.set(numeric, (perCountry.get(numeric) ?? 0) + 1);
  }
  const max = Math.max(1, ...perCountry.values());
  const svg = s('svg', { viewBox: MAP_VIEWBOX, class: 'chart map-chart', role: 'img', 'aria-label': 'Map of event locations' });
  const countries = s('g', { class: 'countries' });
  for (const shape of countryShapes()) {
    const count = shape.id ? (perCountry.get(shape.id) ?? 0) : 0;
    countries.append(s('path', { d: shape.d, fill: shade(count, max), class: 'country' }, s('title', {}, `${shape.name}${count ? `: ${count} events placed here` : ''}`)));
  }
  svg.append(countries);
  const biggest = Math.max(1, ...spots.map((p) => p.events.length));
  for (const place of spots) {
    const [x, y] = project(place.lon, place.lat);
    const g = s('g', { class: `place${state.settings.place === place.key ? ' selected' : ''}`, 'data-place': place.key, tabindex: 0, role: 'button' },
      s('title', {}, `${place.name}: ${place.events.length} event${place.events.length === 1 ? '' : 's'}`),
      s('circle', { cx: x, cy: y, r: 3 + 9 * Math.sqrt(place.events.length / biggest) }));
    g.addEventListener('click', () => navigate({ ...state, settings: { ...state.settings, place: place.key } }, { replace: true }));
    svg.append(g);
  }
  return svg;
}

export const mapView: ViewRenderer = async (root, state, current) => {
  replace(root, loading('the map'));
  try {
    const page = await getJson<EventPage>('/events', filterQuery(state.filters, { limit: MAX_EVENTS, sort: '-date' }));
    if (!current()) return;
    if (page.events.length === 0) return replace(root, nothingMatches(state));
    const spots = places(page.events);
    const located = spots.reduce((n, p) => n + p.events.length, 0);
    const chosen = spots.find((p) => p.key === state.settings.place);
    replace(root,
      h('section', { class: 'panel' },
        h('h2', {}, 'Where events happen'),
        worldMap(page.events, spots, state),
        h('p', { class: 'note' }, `${located} of ${page.events.length}${page.next ? ` (the latest ${MAX_EVENTS})` : ''} events name a place. Click a point for its events.`)),
      chosen ? h('section', { class: 'panel place-events' }, h('h2', {}, chosen.name, h('span', { class: 'muted' }, ` · ${chosen.events.length} events`)), eventTable(chosen.events, state)) : null,
    );
  } catch (err) {
    if (current()) replace(root, errorBox(err));
  }
};
