// CLI edge: a one-line progress display on a terminal (rate, counts, ETA when the total is known).
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { IngestProgress } from '../pipeline/ingest-articles.js';

const SINGLE_ARTICLE = new Set(['.txt', '.text', '.html', '.htm', '.md']);

/**
 * How many articles the inputs hold when that can be known cheaply: every input is a folder or file of
 * one-article formats (text, HTML). JSON Lines, feeds, archives and stdin make the total unknown (null).
 */
export function countArticles(inputs: string[], limit = 1_000_000): number | null {
  let count = 0;
  const walk = (path: string): boolean => {
    let st;
    try { st = statSync(path); } catch { return true; }
    if (st.isDirectory()) {
      for (const name of readdirSync(path)) {
        if (name.startsWith('.')) continue;
        if (!walk(join(path, name))) return false;
      }
      return true;
    }
    if (!SINGLE_ARTICLE.has(extname(path).toLowerCase())) return false;
    count++;
    return count <= limit;
  };
  for (const input of inputs) if (input === '-' || /[*?[]/.test(input) || !walk(input)) return null;
  return count;
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : s < 3600 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** The progress line: "1,204/5,000 articles  312/s  4,410 events  2 failed  ETA 12s". */
export function progressLine(p: IngestProgress, total: number | null): string {
  const done = p.read + p.failed;
  const rate = p.elapsedMs > 0 ? (done * 1000) / p.elapsedMs : 0;
  const fmt = (n: number): string => n.toLocaleString('en-US');
  const parts = [
    total !== null ? `${fmt(done)}/${fmt(total)} articles` : `${fmt(done)} articles`,
    `${fmt(Math.round(rate))}/s`,
    `${fmt(p.events)} events`,
    ...(p.duplicates > 0 ? [`${fmt(p.duplicates)} duplicates`] : []),
    ...(p.failed > 0 ? [`${fmt(p.failed)} failed`] : []),
    total !== null && rate > 0 && done < total ? `ETA ${duration(((total - done) / rate) * 1000)}` : `${duration(p.elapsedMs)}`,
  ];
  if (total !== null && total > 0) {
    const width = 20;
    const filled = Math.min(width, Math.round((done / total) * width));
    parts.unshift(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`);
  }
  return parts.join('  ');
}
