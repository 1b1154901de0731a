// Web UI: small SVG charts — bars stacked by quad class over periods, and lines of counts over periods.
import { QUAD_COLORS, QUAD_NAMES } from './colors.js';
import { s } from './dom.js';
import type { PeriodCounts } from './timeline-data.js';

const W = 960;
const PAD = { left: 44, right: 12, top: 12, bottom: 48 };

function niceMax(value: number): number {
  if (value <= 5) return Math.max(1, value);
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

function yAxis(svg: SVGSVGElement, max: number, height: number): (v: number) => number {
  const plot = height - PAD.top - PAD.bottom;
  const y = (v: number): number => PAD.top + plot - (v / max) * plot;
  for (const tick of [0, max / 2, max]) {
    const value = Number.isInteger(tick) ? tick : Math.round(tick * 10) / 10;
    svg.append(
      s('line', { x1: PAD.left, x2: W - PAD.right, y1: y(tick), y2: y(tick), class: 'grid' }),
      s('text', { x: PAD.left - 6, y: y(tick) + 4, 'text-anchor': 'end', class: 'tick' }, String(value)),
    );
  }
  return y;
}

function xLabels(svg: SVGSVGElement, labels: readonly string[], x: (i: number) => number, height: number): void {
  const every = Math.max(1, Math.ceil(labels.length / 16));
  labels.forEach((label, i) => {
    if (i % every !== 0) return;
    svg.append(s('text', { x: x(i), y: height - PAD.bottom + 16, 'text-anchor': 'middle', class: 'tick' }, label));
  });
}

/**
 * Bars per period stacked by quad class; `onPick` gets the period of a clicked bar, `onBrush` the first and last
 * period of a range dragged across the chart (the brush).
 */
export function stackedBars(periods: readonly PeriodCounts[], onPick?: (period: string) => void, height = 260,
  onBrush?: (first: string, last: string) => void): SVGSVGElement {
  const svg = s('svg', { viewBox: `0 0 ${W} ${height}`, class: 'chart timeline-chart', role: 'img', 'aria-label': 'Events per period by quad class' });
  const max = niceMax(Math.max(1, ...periods.map((p) => p.total)));
  const y = yAxis(svg, max, height);
  const band = (W - PAD.left - PAD.right) / Math.max(1, periods.length);
  const x = (i: number): number => PAD.left + band * i + band / 2;
  const barWidth = Math.max(1, Math.min(48, band * 0.8));
  periods.forEach((p, i) => {
    const g = s('g', { class: 'bar', 'data-period': p.period });
    let base = 0;
    p.quads.forEach((count, q) => {
      if (count === 0) return;
      const rect = s('rect', { x: x(i) - barWidth / 2, y: y(base + count), width: barWidth, height: Math.max(0.5, y(base) - y(base + count)), fill: QUAD_COLORS[q] ?? '#999' },
        s('title', {}, `${p.period} · ${QUAD_NAMES[q] ?? ''}: ${count} event${count === 1 ? '' : 's'}${p.reports !== undefined ? ` (${p.reports} reports in the period)` : ''}`));
      g.append(rect);
      base += count;
    });
    if (onPick) {
      g.addEventListener('click', () => { if (svg.getAttribute('data-brushed') !== 'true') onPick(p.period); });
      g.setAttribute('tabindex', '0');
    }
    svg.append(g);
  });
  xLabels(svg, periods.map((p) => p.period), x, height);
  if (onBrush) brush(svg, periods.map((p) => p.period), band, height, onBrush);
  return svg;
}

/** A range of bars dragged across with the pointer: shown as a band while dragging, given to `onBrush` at the end. */
function brush(svg: SVGSVGElement, labels: readonly string[], band: number, height: number, onBrush: (first: string, last: string) => void): void {
  const shade = s('rect', { class: 'brush', y: PAD.top, height: height - PAD.top - PAD.bottom, width: 0, x: 0 });
  shade.style.display = 'none';
  svg.append(shade);
  const index = (clientX: number): number => {
    const box = svg.getBoundingClientRect();
    const vx = ((clientX - box.left) / box.width) * W;
    return Math.max(0, Math.min(labels.length - 1, Math.floor((vx - PAD.left) / band)));
  };
  let from: number | null = null;
  let to = 0;
  svg.addEventListener('pointerdown', (e) => {
    from = index(e.clientX);
    to = from;
  });
  svg.addEventListener('pointermove', (e) => {
    if (from === null) return;
    to = index(e.clientX);
    if (to === from) return;
    if (shade.style.display === 'none') svg.setPointerCapture(e.pointerId);
    const [a, b] = from < to ? [from, to] : [to, from];
    shade.style.display = '';
    shade.setAttribute('x', String(PAD.left + a * band));
    shade.setAttribute('width', String((b - a + 1) * band));
  });
  const end = (): void => {
    if (from !== null && to !== from) {
      const [a, b] = from < to ? [from, to] : [to, from];
      svg.setAttribute('data-brushed', 'true');
      setTimeout(() => svg.removeAttribute('data-brushed'), 0);
      onBrush(labels[a] as string, labels[b] as string);
    }
    from = null;
    shade.style.display = 'none';
  };
  svg.addEventListener('pointerup', end);
  svg.addEventListener('pointercancel', end);
}

export interface Line { name: string; color: string; values: number[] }

/** Lines over the same periods, with a point on every value. */
export function lineChart(labels: readonly string[], lines: readonly Line[], height = 220): SVGSVGElement {
  const svg = s('svg', { viewBox: `0 0 ${W} ${height}`, class: 'chart series-chart', role: 'img', 'aria-label': lines.map((l) => l.name).join(' and ') });
  const max = niceMax(Math.max(1, ...lines.flatMap((l) => l.values)));
  const y = yAxis(svg, max, height);
  const step = (W - PAD.left - PAD.right) / Math.max(1, labels.length);
  const x = (i: number): number => PAD.left + step * i + step / 2;
  for (const line of lines) {
    const d = line.values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join('');
    svg.append(s('path', { d, fill: 'none', stroke: line.color, 'stroke-width': 2.5, class: 'series' }));
    line.values.forEach((v, i) => svg.append(s('circle', { cx: x(i), cy: y(v), r: 3.5, fill: line.color }, s('title', {}, `${line.name} · ${labels[i] ?? ''}: ${v}`))));
  }
  xLabels(svg, labels, x, height);
  return svg;
}
