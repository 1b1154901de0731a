// Web UI view: the actor network — nodes sized by reports, edges weighted by reports and coloured by mean Goldstein; an edge opens its events.
import { getJson, type EventPage, type Network, type NetworkEdge } from '../api.js';
import { goldsteinColor } from '../colors.js';
import { h, replace, s } from '../dom.js';
import { eventTable } from '../event-list.js';
import { layoutNetwork, nodeRadius, type Point } from '../layout-network.js';
import { navigate } from '../nav.js';
import { filterQuery, type PageState } from '../state.js';
import { errorBox, loading, nothingMatches, settingSelect, type ViewRenderer } from './view-kit.js';

const W = 960;
const H = 560;

function edgePath(a: Point, b: Point, curved: boolean, rA: number, rB: number): string {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.max(1, Math.hypot(dx, dy));
  // Start and end on the circles' rims, so arrowheads show.
  const sx = a.x + (dx / len) * rA, sy = a.y + (dy / len) * rA;
  const ex = b.x - (dx / len) * (rB + 4), ey = b.y - (dy / len) * (rB + 4);
  if (!curved) return `M${sx.toFixed(1)},${sy.toFixed(1)}L${ex.toFixed(1)},${ey.toFixed(1)}`;
  // Two directions of one pair bend to either side, so both can be seen and clicked.
  const mx = (sx + ex) / 2 - (dy / len) * 24, my = (sy + ey) / 2 + (dx / len) * 24;
  return `M${sx.toFixed(1)},${sy.toFixed(1)}Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
}

/** A node's label: name and code, shortened to fit (the full name is in its tooltip). */
function label(name: string, id: string): string {
  const full = name === id ? id : `${name} (${id})`;
  return full.length > 30 ? `${full.slice(0, 28)}…` : full;
}

function legend(): HTMLElement {
  const scale = [-10, -5, 0, 5, 10].map((g) => {
    const swatch = h('span', { class: 'swatch' });
    swatch.style.background = goldsteinColor(g);
    return h('span', {}, swatch, String(g));
  });
  return h('div', { class: 'legend' }, 'Mean Goldstein: ', ...scale, h('span', { class: 'muted' }, ' · line width: number of reports · nodes named by country or organisation, else by code · click an edge for its events'));
}

function graph(net: Network, state: PageState, selected: string | undefined): SVGSVGElement {
  const labels = new Map(net.nodes.map((n) => [n.id, label(n.name, n.id)]));
  const positions = layoutNetwork(net.nodes.map((n) => ({ ...n, labelWidth: 7 * (labels.get(n.id)?.length ?? 0) })), net.edges, W, H, 50);
  const radius = new Map(net.nodes.map((n) => [n.id, nodeRadius(n.count)]));
  const pairs = new Set(net.edges.map((e) => `${e.source}>${e.target}`));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart network-chart', role: 'img', 'aria-label': 'Actor network' },
    s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 8, refY: 5, markerWidth: 3, markerHeight: 3, orient: 'auto' },
      s('path', { d: 'M0,0L10,5L0,10z', fill: '#555' }))));
  const pick = (edge: NetworkEdge): void => navigate({ ...state, settings: { ...state.settings, edge: `${edge.source}>${edge.target}` } }, { replace: true });
  for (const edge of net.edges) {
    const a = positions.get(edge.source), b = positions.get(edge.target);
    if (!a || !b || edge.source === edge.target) continue;
    const d = edgePath(a, b, pairs.has(`${edge.target}>${edge.source}`), radius.get(edge.source) ?? 6, radius.get(edge.target) ?? 6);
    const key = `${edge.source}>${edge.target}`;
    const g = s('g', { class: `edge${key === selected ? ' selected' : ''}`, 'data-source': edge.source, 'data-target': edge.target, tabindex: 0, role: 'button' },
      s('title', {}, `${edge.source} → ${edge.target}: ${edge.count} report${edge.count === 1 ? '' : 's'}, mean Goldstein ${edge.goldsteinMean}`),
      s('path', { d, class: 'edge-hit' }),
      key === selected ? s('path', { d, class: 'edge-halo' }) : null,
      s('path', { d, class: 'edge-line', stroke: goldsteinColor(edge.goldsteinMean), 'stroke-width': 1.5 + 2 * Math.log2(1 + edge.count), 'marker-end': 'url(#arrow)' }));
    g.addEventListener('click', () => pick(edge));
    g.addEventListener('keydown', (e) => { if ((e as KeyboardEvent).key === 'Enter') pick(edge); });
    svg.append(g);
  }
  for (const node of net.nodes) {
    const p = positions.get(node.id);
    if (!p) continue;
    const r = radius.get(node.id) ?? 6;
    svg.append(s('g', { class: 'node', 'data-id': node.id, transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})` },
      s('title', {}, `${node.name === node.id ? node.id : `${node.name} (${node.id})`}: ${node.count} reports`),
      s('circle', { r }),
      s('text', { y: r + 13, 'text-anchor': 'middle' }, labels.get(node.id) ?? node.id)));
  }
  return svg;
}

async function edgeEvents(state: PageState, edge: string): Promise<HTMLElement> {
  const [source, target] = edge.split('>');
  if (!source || !target) return h('div');
  const page = await getJson<EventPage>('/events', filterQuery({ ...state.filters, source, target }, { sort: '-date', limit: 100 }));
  return h('section', { class: 'panel edge-events' },
    h('h2', {}, `${source} → ${target}`, h('span', { class: 'muted' }, ` · ${page.events.length}${page.next ? '+' : ''} events`)),
    eventTable(page.events, state));
}

export const networkView: ViewRenderer = async (root, state, current) => {
  // `level` is what links made before called the nodes setting
  const nodes = state.settings.nodes ?? (state.settings.level === 'actor' ? 'actor' : 'country');
  replace(root, loading('the network'));
  try {
    const net = await getJson<Network>('/network', filterQuery(state.filters, { nodes, limit: 150 }));
    if (!current()) return;
    if (net.edges.length === 0) return replace(root, nothingMatches(state));
    const panel = h('section', { class: 'panel' },
      h('div', { class: 'panel-head' }, h('h2', {}, 'Who acts on whom'),
        settingSelect({ ...state, settings: { ...state.settings, nodes, level: undefined } }, 'nodes', 'Nodes', [['country', 'countries'], ['actor', 'actors']], 'country')),
      legend(), graph(net, state, state.settings.edge));
    replace(root, panel);
    if (state.settings.edge) {
      const list = await edgeEvents(state, state.settings.edge);
      if (current()) root.append(list);
    }
  } catch (err) {
    if (current()) root.append(errorBox(err));
  }
};
