// Web UI: nodes + weighted edges → 2-D positions (a deterministic force layout: the same network always looks the same).

export interface Point { x: number; y: number }

/** A node to place: its id, its event count (its size) and, when labelled, the label's width in pixels. */
export interface LayoutNode { id: string; count: number; labelWidth?: number }

/** Node radius in pixels by event count (shared with the drawing, so the layout keeps circles and labels apart). */
export function nodeRadius(count: number): number {
  return 6 + 3 * Math.sqrt(count);
}

/**
 * Fruchterman–Reingold on the unit square (edges pull by d²/k, more for heavier edges; all nodes push by k²/d; a
 * gravity keeps separate groups near the middle), nodes starting on a circle in the order given. The result is
 * fitted into width × height inside `margin`, then nodes closer than their circles plus a label's room are pushed apart.
 */
export function layoutNetwork(
  nodes: readonly LayoutNode[], edges: readonly { source: string; target: string; count: number }[],
  width: number, height: number, margin = 40, iterations = 300,
): Map<string, Point> {
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / Math.max(1, n);
    xs[i] = 0.5 * Math.cos(angle);
    ys[i] = 0.5 * Math.sin(angle);
  }
  const k = Math.sqrt(1 / Math.max(1, n));
  const links = edges
    .map((e) => ({ a: index.get(e.source), b: index.get(e.target), w: 1 + Math.log2(1 + e.count) / 4 }))
    .filter((l): l is { a: number; b: number; w: number } => l.a !== undefined && l.b !== undefined && l.a !== l.b);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let step = 0; step < iterations; step++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const x = (xs[i] as number) - (xs[j] as number);
        const y = (ys[i] as number) - (ys[j] as number);
        const d = Math.max(1e-3, Math.hypot(x, y));
        const f = (k * k) / d / d;
        dx[i] = (dx[i] as number) + x * f; dy[i] = (dy[i] as number) + y * f;
        dx[j] = (dx[j] as number) - x * f; dy[j] = (dy[j] as number) - y * f;
      }
    }
    for (const { a, b, w } of links) {
      const x = (xs[a] as number) - (xs[b] as number);
      const y = (ys[a] as number) - (ys[b] as number);
      const d = Math.max(1e-3, Math.hypot(x, y));
      const f = (d / k) * w;
      dx[a] = (dx[a] as number) - x * f; dy[a] = (dy[a] as number) - y * f;
      dx[b] = (dx[b] as number) + x * f; dy[b] = (dy[b] as number) + y * f;
    }
    const temperature = 0.1 * (1 - step / iterations) + 0.001;
    for (let i = 0; i < n; i++) {
      const gx = (dx[i] as number) - (xs[i] as number) * 0.6;
      const gy = (dy[i] as number) - (ys[i] as number) * 0.6;
      const len = Math.max(1e-9, Math.hypot(gx, gy));
      xs[i] = (xs[i] as number) + (gx / len) * Math.min(len, temperature);
      ys[i] = (ys[i] as number) + (gy / len) * Math.min(len, temperature);
    }
  }
  const out = fit(nodes.map((node) => node.id), xs, ys, width, height, margin);
  separate(nodes, out, width, height, margin);
  return out;
}

function fit(ids: string[], xs: Float64Array, ys: Float64Array, width: number, height: number, margin: number): Map<string, Point> {
  const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
  const out = new Map<string, Point>();
  ids.forEach((id, i) => {
    const x = maxX - minX < 1e-9 ? width / 2 : margin + (((xs[i] as number) - minX) / (maxX - minX)) * (width - 2 * margin);
    const y = maxY - minY < 1e-9 ? height / 2 : margin + (((ys[i] as number) - minY) / (maxY - minY)) * (height - 2 * margin);
    out.set(id, { x, y });
  });
  return out;
}

/**
 * Pushes apart nodes whose circles overlap or whose labels (centred under them) would run into each other,
 * keeping them inside the margins.
 */
function separate(nodes: readonly LayoutNode[], at: Map<string, Point>, width: number, height: number, margin: number): void {
  const list = nodes.map((node) => ({ p: at.get(node.id) as Point, r: nodeRadius(node.count), w: node.labelWidth ?? 0 }));
  for (let round = 0; round < 60; round++) {
    let moved = false;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as { p: Point; r: number; w: number }, b = list[j] as { p: Point; r: number; w: number };
        const x = b.p.x - a.p.x, y = b.p.y - a.p.y;
        const sameRow = Math.abs(y) < 34;
        const want = Math.max(a.r + b.r + 70, sameRow ? (a.w + b.w) / 2 + 14 : 0);
        const d = Math.hypot(x, y);
        if (d >= want) continue;
        const ux = d < 1e-6 ? 1 : x / d, uy = d < 1e-6 ? 0 : y / d;
        const push = (want - d) / 2;
        a.p.x -= ux * push; a.p.y -= uy * push;
        b.p.x += ux * push; b.p.y += uy * push;
        moved = true;
      }
    }
    for (const { p, w } of list) {
      const side = Math.max(margin, w / 2 + 4);
      p.x = Math.min(width - side, Math.max(side, p.x));
      p.y = Math.min(height - margin, Math.max(margin, p.y));
    }
    if (!moved) break;
  }
}
