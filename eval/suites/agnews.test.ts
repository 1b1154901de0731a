// The agnews-dev scorer on made-up stories: matching actors, roots, precision over emitted dyadic events, statuses, items.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventRecord } from '../../src/types/index.js';
import { fakeEvent } from '../fake-event.js';
import { actorMatches, scoreAgnews, statusMatches, type AgnewsStory } from './agnews.js';

test('a country code matches the country or a code that begins with it; a /regex/ the name, text and code', () => {
  assert.ok(actorMatches({ code: 'IRQMIL', country: 'IRQ', name: 'Iraqi army', text: 'Iraqi army' }, 'IRQ'));
  assert.ok(!actorMatches({ code: 'SYR', country: 'SYR', name: 'Syria', text: 'Syria' }, 'IRQ'));
  assert.ok(actorMatches({ code: 'HAMAS', country: null, name: 'Hamas', text: 'Hamas' }, '/Hamas|Palestin/'));
});

test('statuses: offered counts as pledged, a cut (suspended) as the gold refused', () => {
  assert.ok(statusMatches('pledged', 'offered'));
  assert.ok(statusMatches('suspended', 'refused'));
  assert.ok(!statusMatches('delivered', 'requested'));
});

test('precision counts emitted dyadic events, recall must events; items and status on matched assistance events', () => {
  const story: AgnewsStory = {
    id: 's1', text: 't', date: '2004-09-01', kind: 'assist',
    must: [{ src: 'CHN', tgt: 'IRQ', roots: ['07'], status: 'delivered', items: [{ re: 'rifle', quantity: 20000 }] }, { src: 'IRQ', tgt: 'CHN', roots: ['02'] }],
    allowed: [{ src: 'USA', tgt: 'CHN', roots: ['01'] }],
  };
  const right = fakeEvent({ cameo: '072', overrides: { status: 'delivered' } });
  right.source = { ...right.source, code: 'CHN', country: 'CHN' };
  right.target = { ...right.source, code: 'IRQ', country: 'IRQ' };
  right.items = [{ text: 'assault rifles', kind: 'rifle', model: null, quantity: 20000, unit: null, start: 0, end: 1 }];
  const wrong: EventRecord = { ...right, id: 'w', cameo: '190', root: '19', items: [], status: null };
  const oneSided: EventRecord = { ...right, id: 'o', target: null };
  const coder = { codeArticle: () => [right, wrong, oneSided] };
  const { figures } = scoreAgnews(coder, [story]);
  assert.equal(figures.p, 0.5);
  assert.equal(figures.r, 0.5);
  assert.equal(figures.status, 1);
  assert.equal(figures.items, 1);
  assert.deepEqual(figures.assist, { p: 1, r: 1, f1: 1 });
});
