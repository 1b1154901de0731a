import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventId, hash64, statusOf } from './build-event.js';

test('eventId is 16 hex digits and the same for the same event', () => {
  const id = eventId('wire-1', 3, 120, 'IRQGOV', 'CHN', '0232');
  assert.match(id, /^[0-9a-f]{16}$/);
  assert.equal(eventId('wire-1', 3, 120, 'IRQGOV', 'CHN', '0232'), id);
  // stored ids must not change between versions or machines: this is the id stores hold for this event
  assert.equal(id, '3c746224c290882b');
  assert.equal(hash64(''), 'ab3e7c0b89495488');
});

test('eventId tells apart events that differ in any one field', () => {
  const base = ['wire-1', 3, 120, 'IRQGOV', 'CHN', '0232'] as const;
  const ids = new Set([
    eventId(...base),
    eventId('wire-2', 3, 120, 'IRQGOV', 'CHN', '0232'),
    eventId('wire-1', 4, 120, 'IRQGOV', 'CHN', '0232'),
    eventId('wire-1', 3, 121, 'IRQGOV', 'CHN', '0232'),
    eventId('wire-1', 3, 120, 'IRQ', 'CHN', '0232'),
    eventId('wire-1', 3, 120, 'IRQGOV', 'CHNGOV', '0232'),
    eventId('wire-1', 3, 120, 'IRQGOV', 'CHN', '023'),
    // the separator keeps field boundaries: "ab"+"c" is not "a"+"bc"
    eventId('wire-1', 3, 120, 'IRQGO', 'VCHN', '0232'),
  ]);
  assert.equal(ids.size, 8);
});

test('hash64 gives no collision over 200,000 similar ids', () => {
  const seen = new Set<string>();
  for (let doc = 0; doc < 2000; doc++) for (let s = 0; s < 100; s++) seen.add(eventId(`bench-${doc}`, s, s * 7, 'USA', 'RUS', '190'));
  assert.equal(seen.size, 200_000);
});

test('statusOf: a negated or denied event never has a status, whatever its frame or code says', () => {
  assert.equal(statusOf('072', { status: null, modality: 'asserted', negated: false }), 'delivered');
  assert.equal(statusOf('0332', { status: 'pledged', modality: 'intended', negated: false }), 'pledged');
  for (const [code, status] of [['072', null], ['0332', 'pledged'], ['033', null], ['1222', 'refused'], ['072', 'delivered']] as const) {
    assert.equal(statusOf(code, { status, modality: 'negated', negated: true }), null, `${code} ${status} negated`);
    assert.equal(statusOf(code, { status, modality: 'denied', negated: true }), null, `${code} ${status} denied`);
    assert.equal(statusOf(code, { status, modality: 'conditional', negated: true }), null, `${code} ${status} conditional, negated`);
  }
});
