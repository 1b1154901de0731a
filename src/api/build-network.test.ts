// API tests: dyad rows → network — edges summed over periods with count-weighted Goldstein means, heaviest kept, nodes named.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DyadRow } from '../store/store.js';
import { buildNetwork } from './build-network.js';

const row = (source: string, target: string, period: string | null, count: number, goldsteinMean: number): DyadRow =>
  ({ source, target, period, count, goldsteinMean, quadShares: [1, 0, 0, 0] });
const names = (known: Record<string, string>) => (code: string): string | null => known[code] ?? null;
const none = names({});

describe('buildNetwork', () => {
  it('sums periods and weights the Goldstein mean by count', () => {
    const net = buildNetwork([row('CHN', 'IRQ', '2019', 3, 2), row('CHN', 'IRQ', '2020', 1, 6), row('IRQ', 'CHN', null, 2, -1)], names({ CHN: 'China' }), 10);
    assert.deepEqual(net.edges, [
      { source: 'CHN', target: 'IRQ', count: 4, goldsteinMean: 3 },
      { source: 'IRQ', target: 'CHN', count: 2, goldsteinMean: -1 },
    ]);
    assert.deepEqual(net.nodes, [{ id: 'CHN', name: 'China', count: 6 }, { id: 'IRQ', name: 'IRQ', count: 6 }]);
  });
  it('keeps the heaviest edges and only their nodes', () => {
    const net = buildNetwork([row('A', 'B', '2019', 1, 0), row('C', 'D', '2019', 5, 0), row('E', 'F', '2019', 3, 0)], none, 2);
    assert.deepEqual(net.edges.map((e) => `${e.source}${e.target}`), ['CD', 'EF']);
    assert.deepEqual(net.nodes.map((n) => n.id), ['C', 'D', 'E', 'F']);
  });
  it('counts a self-loop once for its node', () => {
    const net = buildNetwork([row('IRQ', 'IRQ', '2020', 2, -5)], none, 10);
    assert.deepEqual(net.nodes, [{ id: 'IRQ', name: 'IRQ', count: 2 }]);
  });
  it('labels a sector code with its code, never with the name of one actor coded so', async () => {
    const { builtinActorNames } = await import('../lexicon/actor-names.js');
    const net = buildNetwork([row('---GOV', 'USAGOV', '2020', 2, 1), row('AU', '---GOV', '2020', 1, 1)], builtinActorNames().nameOf, 10);
    assert.deepEqual(net.nodes.map((n) => [n.id, n.name]), [['---GOV', '---GOV'], ['USAGOV', 'USAGOV'], ['AU', 'African Union']]);
  });
  it('gives an empty network for no rows', () => {
    assert.deepEqual(buildNetwork([], none, 10), { nodes: [], edges: [] });
  });
});
