// Web UI view: the map — country shapes shaded by the events placed in them, a point per place coloured by the quad
// class of most of its events, a legend of both; zoom (wheel, buttons) and pan (drag) kept in the URL; a point opens its events.
import { getJson, type EventPage, type EventSummary } from '../api.js';
import { QUAD_COLORS, QUAD_NAMES, quadOfCode } from '../colors.js';
import { NUMERIC_BY_ALPHA3 } from '../country-numbers.js';
import { h, replace, s } from '../dom.js';
import { eventTable } from '../event-list.js';
import { navigate } from '../nav.js';
import { filterQuery, writeState, type PageState } from '../state.js';
import { MAP_VIEWBOX, countryShapes, project } from '../world-map.js';
import { errorBox, loading, nothingMatches, type ViewRenderer } from './view-kit.js';

/** Events looked at for the map: the latest ones (a store-side aggregation by place would lift this bound). */
const MAX_EVENTS = 3_000;

interface Place { key: string; name: string; lat: number; lon: number; events: EventSummary[]; quad: number }

/** The places of the events (each event at its strongest report's place), with the quad class most of its events have. */
function places(events: readonly EventSummary[]): Place[] {
  const byKey = new Map<string, Place>();
  for (const event of events) {
    const loc = event.lead?.location;
    if (!loc || loc.lat === null || loc.lon === null) continue;
    const key = `${loc.lat.toFixed(2)},${loc.lon.toFixed(2)}`;
    const place = byKey.get(key) ?? { key, name: loc.name, lat: loc.lat, lon: loc.lon, events: [], quad: 1 };
    place.events.push(event);
    byKey.set(key, place);
  }
  for (const place of byKey.values()) {
    const counts = [0, 0, 0, 0];
    for (const event of place.events) counts[quadOfCode(event.cameo) - 1] = (counts[quadOfCode(event.cameo) - 1] as number) + 1;
    place.quad = 1 + counts.indexOf(Math.max(...counts));
  }
  return [...byKey.values()].sort((a, b) => b.events.length - a.events.length);
}

function shade(count: number, max: number): string {
  if (count === 0) return 'var(--map-empty)';
  const t = Math.sqrt(count / max);
  return `rgb(${Math.round(214 - t * 120)}, ${Math.round(226 - t * 110)}, ${Math.round(240 - t * 60)})`;
}

function legend(max: number): HTMLElement {
  const swatch = (color: string): HTMLElement => {
    const el = h('span', { class: 'swatch' });
    el.style.background = color;
    return el;
  };
  return h('div', { class: 'legend map-legend' },
    h('span', {}, 'Points by quad class of most of their events: '),
    ...QUAD_NAMES.map((name, i) => h('span', { class: 'legend-quad' }, swatch(QUAD_COLORS[i] ?? '#999'), name)),
    h('span', {}, ' · Countries by events placed there: '),
    h('span', { class: 'legend-shade' }, swatch(shade(0, 1)), 'none'),
    h('span', { class: 'legend-shade' }, swatch(shade(1, Math.max(1, max))), '1'),
    max > 1 ? h('span', { class: 'legend-shade' }, swatch(shade(max, max)), String(max)) : null);
}

/** A view box `x y w h` of the map, from the URL's `zoom` setting when it holds one inside the map. */
function startBox(setting: string | undefined): [number, number, number, number] {
  const whole = MAP_VIEWBOX.split(' ').map(Number) as [number, number, number, number];
  const parts = setting?.split(',').map(Number);
  if (!parts || parts.length !== 3 || parts.some((v) => !Number.isFinite(v))) return whole;
  const [x, y, w] = parts as [number, number, number];
  if (w < whole[2] / 32 || w > whole[2]) return whole;
  return [x, y, w, (w * whole[3]) / whole[2]];
}

/** Zoom (wheel, + and − buttons) and pan (drag) of an SVG map; the box is written into the URL as it changes. */
function zoomable(svg: SVGSVGElement, state: PageState, radii: Map<SVGCircleElement, number>): HTMLElement {
  const whole = MAP_VIEWBOX.split(' ').map(Number) as [number, number, number, number];
  let box = startBox(state.settings.zoom);
  const apply = (save: boolean): void => {
    const [wx, wy, ww, wh] = whole;
    const w = Math.min(ww, Math.max(ww / 32, box[2]));
    const hgt = (w * wh) / ww;
    box = [Math.min(wx + ww - w, Math.max(wx, box[0])), Math.min(wy + wh - hgt, Math.max(wy, box[1])), w, hgt];
    svg.setAttribute('viewBox', box.map((v) => v.toFixed(1)).join(' '));
    const scale = ww / w;
    svg.setAttribute('data-zoom', scale.toFixed(2));
    // points keep their size on screen as the map grows
    for (const [circle, r] of radii) circle.setAttribute('r', (r / Math.sqrt(scale)).toFixed(2));
    if (save) {
      const zoom = scale > 1.01 ? box.slice(0, 3).map((v) => v.toFixed(0)).join(',') : undefined;
      history.replaceState(null, '', writeState({ ...state, settings: { ...state.settings, zoom } }));
    }
  };
  const zoomAt = (factor: number, cx: number, cy: number): void => {
    const w = box[2] / factor;
    box = [cx - ((cx - box[0]) * w) / box[2], cy - ((cy - box[1]) * w) / box[2], w, box[3]];
    apply(true);
  };
  const toMap = (clientX: number, clientY: number): [number, number] => {
    const rect = svg.getBoundingClientRect();
    return [box[0] + ((clientX - rect.left) / rect.width) * box[2], box[1] + ((clientY - rect.top) / rect.height) * box[3]];
  };
  svg.addEventListener('wheel', (e) => {
    e.preventDefault();
    const [x, y] = toMap(e.clientX, e.clientY);
    zoomAt(e.deltaY < 0 ? 1.25 : 0.8, x, y);
  }, { passive: false });
  let drag: { x: number; y: number; box: [number, number, number, number]; moved: boolean } | null = null;
  svg.addEventListener('pointerdown', (e) => { drag = { x: e.clientX, y: e.clientY, box: [...box], moved: false }; });
  svg.addEventListener('pointermove', (e) => {
    if (drag === null) return;
    const rect = svg.getBoundingClientRect();
    const dx = ((e.clientX - drag.x) / rect.width) * box[2];
    const dy = ((e.clientY - drag.y) / rect.height) * box[3];
    if (!drag.moved && Math.hypot(e.clientX - drag.x, e.clientY - drag.y) < 4) return;
    if (!drag.moved) svg.setPointerCapture(e.pointerId);
    drag.moved = true;
    box = [drag.box[0] - dx, drag.box[1] - dy, box[2], box[3]];
    apply(false);
  });
  const end = (): void => {
    if (drag?.moved) {
      apply(true);
      svg.setAttribute('data-dragged', 'true');
      setTimeout(() => svg.removeAttribute('data-dragged'), 0);
    }
    drag = null;
  };
  svg.addEventListener('pointerup', end);
  svg.addEventListener('pointercancel', end);
  // a drag is no click on a point
  svg.addEventListener('click', (e) => { if (svg.getAttribute('data-dragged') === 'true') e.stopPropagation(); }, true);
  apply(false);
  const centre = (): [number, number] => [box[0] + box[2] / 2, box[1] + box[3] / 2];
  return h('div', { class: 'map-controls' },
    h('button', { type: 'button', class: 'zoom-in', 'aria-label': 'Zoom in', onclick: () => zoomAt(1.5, ...centre()) }, '+'),
    h('button', { type: 'button', class: 'zoom-out', 'aria-label': 'Zoom out', onclick: () => zoomAt(1 / 1.5, ...centre()) }, '−'),
    h('button', { type: 'button', class: 'zoom-reset', onclick: () => { box = [...whole]; apply(true); } }, 'Whole world'),
    h('span', { class: 'muted' }, ' Scroll to zoom, drag to pan.'));
}

function worldMap(events: readonly EventSummary[], spots: Place[], state: PageState): { svg: SVGSVGElement; max: number; radii: Map<SVGCircleElement, number> } {
  const perCountry = new Map<string, number>();
  for (const event of events) {
    const country = event.lead?.location?.country;
    const numeric = country ? NUMERIC_BY_ALPHA3.get(country) : undefined;
    if (numeric) perCountry.set(numeric, (perCountry.get(numeric) ?? 0) + 1);
  }
  const max = Math.max(0, ...perCountry.values());
  const svg = s('svg', { viewBox: MAP_VIEWBOX, class: 'chart map-chart', role: 'img', 'aria-label': 'Map of event places' });
  const countries = s('g', { class: 'countries' });
  for (const shape of countryShapes()) {
    const count = shape.id ? (perCountry.get(shape.id) ?? 0) : 0;
    countries.append(s('path', { d: shape.d, fill: shade(count, Math.max(1, max)), class: 'country' }, s('title', {}, `${shape.name}${count ? `: ${count} events placed here` : ''}`)));
  }
  svg.append(countries);
  const biggest = Math.max(1, ...spots.map((p) => p.events.length));
  const radii = new Map<SVGCircleElement, number>();
  for (const place of spots) {
    const [x, y] = project(place.lon, place.lat);
    const r = 3 + 9 * Math.sqrt(place.events.length / biggest);
    const circle = s('circle', { cx: x, cy: y, r, fill: QUAD_COLORS[place.quad - 1] ?? '#999' });
    radii.set(circle, r);
    const g = s('g', { class: `place${state.settings.place === place.key ? ' selected' : ''}`, 'data-place': place.key, 'data-quad': place.quad, tabindex: 0, role: 'button' },
      s('title', {}, `${place.name}: ${place.events.length} event${place.events.length === 1 ? '' : 's'} · mostly ${QUAD_NAMES[place.quad - 1] ?? ''}`), circle);
    g.addEventListener('click', () => navigate({ ...state, settings: { ...state.settings, place: place.key } }, { replace: true }));
    svg.append(g);
  }
  return { svg, max, radii };
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
    const map = worldMap(page.events, spots, state);
    replace(root,
      h('section', { class: 'panel' },
        h('h2', {}, 'Where events happen'),
        legend(map.max),
        zoomable(map.svg, state, map.radii),
        h('div', { class: 'map-frame' }, map.svg),
        h('p', { class: 'note' }, `${located} of ${page.events.length}${page.next ? ` (the latest ${MAX_EVENTS})` : ''} events name a place. Click a point for its events.`)),
      chosen ? h('section', { class: 'panel place-events' }, h('h2', {}, chosen.name, h('span', { class: 'muted' }, ` · ${chosen.events.length} events`)), eventTable(chosen.events, state)) : null,
    );
  } catch (err) {
    if (current()) replace(root, errorBox(err));
  }
};
