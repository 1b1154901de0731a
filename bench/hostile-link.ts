// Bench `hostile`, linking part: huge articles through `dyad ingest` (wall time and memory by size, and a one-sentence ingest into the same store after), and the clusterer alone over growing batches of mentions → time per mention.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { Clusterer } from '../src/link/cluster-events.js';
import { fixtureMention, type MentionSpec } from '../src/link/link-fixtures.js';
import { isoOfDay, daysFromCivil } from '../src/types/day-number.js';
import { seededRandom } from '../src/parse/hash.js';
import { measureChild } from './measure-child.js';
import type { Figures } from './bench.js';
import { defaultKindTree } from '../src/link/kind-tree.js';

const PARTIES = ['CHN', 'IRQ', 'RUS', 'DEU', 'FRA', 'MLI', 'SOM', 'UKR', 'JPN', 'IRN', 'TUR', 'EGY', 'CHNGOV', 'IRQMIL', 'RUSGOV', 'NATO'];
const CODES = ['010', '020', '0232', '033', '036', '040', '042', '051', '057', '061', '072', '111', '112', '120', '130', '173', '190', '193', '195'];
const KINDS = ['rifle', 'drone', 'helicopter', 'tank', 'food', 'tent', 'money', 'artillery'];

/**
 * Mentions as one huge article gives them: `n` reports among a few parties, over `days` days, some with items. With
 * `crowded`, every report is between the same two parties in one week (one linking group: the worst case for an index
 * by actor pair and day).
 */
export function syntheticMentions(n: number, seed: number, crowded = false): MentionSpec[] {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const first = daysFromCivil(2024, 1, 1);
  return Array.from({ length: n }, (_, i) => ({
    id: `s${seed}-${i}`, doc: `huge-${seed}`, outlet: 'Bench Wire', published: '2024-04-01',
    source: crowded ? 'CHN' : pick(PARTIES), target: crowded ? 'IRQ' : pick(PARTIES), cameo: pick(CODES),
    date: rand() < 0.1 ? null : isoOfDay(first + Math.floor(rand() * (crowded ? 7 : 90))),
    items: rand() < 0.3 ? [{ kind: pick(KINDS), quantity: rand() < 0.5 ? 1 + Math.floor(rand() * 1000) : null }] : [],
  }));
}

/** The clusterer alone: one batch of n mentions (as one article gives them) for growing n → ms and µs per mention. */
export function linkingScale(sizes: readonly number[]): Figures {
  const out: Figures = {};
  for (const crowded of [false, true]) {
    const parts: string[] = [];
    for (const n of sizes) {
      const mentions = syntheticMentions(n, n, crowded).map(fixtureMention);
      const clusterer = new Clusterer({ kinds: defaultKindTree() });
      const started = performance.now();
      clusterer.addAll(mentions);
      const ms = performance.now() - started;
      parts.push(`${n.toLocaleString('en')}: ${Math.round(ms)} ms (${((ms * 1000) / n).toFixed(1)} µs each, ${clusterer.size.clusters.toLocaleString('en')} events)`);
    }
    out[crowded ? 'one pair, one week' : '16 parties, 90 days'] = parts.join('; ');
  }
  return out;
}

/**
 * `dyad ingest` of one article of each size (prose from `prose`) into a fresh store, then of one ordinary sentence
 * into the same store: wall time, peak RSS, and the outcome line.
 */
export async function hugeArticleIngest(root: string, dir: string, sizes: readonly number[], prose: (bytes: number) => string): Promise<Figures> {
  const out: Figures = {};
  const bin = join(root, 'bin', 'dyad.js');
  const small = join(dir, 'one-sentence.txt');
  writeFileSync(small, 'Turkey condemned the attack by Iraq near the border on day 7, officials said.\n');
  for (const bytes of sizes) {
    const input = join(dir, `huge-${bytes}.txt`);
    writeFileSync(input, prose(bytes));
    const db = join(dir, `huge-${bytes}.db`);
    const ingest = await measureChild(bin, ['ingest', input, '--db', db], { cwd: root });
    const after = await measureChild(bin, ['ingest', small, '--db', db], { cwd: root });
    const summary = (ingest.stderrTail.split('\n').filter((line) => line.trim() !== '').slice(-1)[0] ?? '').replace(dir, '…');
    out[`${Math.round(bytes / 1024)} KB article`] = `${(ingest.wallMs / 1000).toFixed(1)} s, ${ingest.peakRssKb === null ? 'n/a' : Math.round(ingest.peakRssKb / 1024)} MB, exit ${ingest.exitCode ?? 'killed'} (${summary.trim().slice(0, 140)}); one sentence after it ${(after.wallMs / 1000).toFixed(1)} s`;
  }
  return out;
}
