// Troops and observers are what a deployment or a cut sends or takes back; the actor doing it is never its item.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCoderSync } from './create-coder.js';

const coder = createCoderSync();
const code = (text: string) => coder.codeArticle({ id: 'doc-items', text, date: '2021-03-01' });

test('troops withdrawn are the items of the cut, with their number', () => {
  const events = code('Poland will withdraw 2,500 troops from Iraq next year.').filter((e) => e.target?.country === 'IRQ');
  assert.ok(events.length > 0, 'an event toward Iraq');
  assert.ok(events.some((e) => e.items.some((i) => i.kind === 'troops' && i.quantity === 2500)), JSON.stringify(events.map((e) => e.items)));
});

test('observers asked for are the items of the appeal', () => {
  const [event] = code('Seven activist groups from Kenya asked the United Nations to provide international observers.').filter((e) => e.root === '02');
  assert.ok(event?.items.some((i) => i.kind === 'observers'), JSON.stringify(event?.items));
});

test('the troops that act are no item of what they do', () => {
  for (const e of code('Polish troops withdrew from Iraq on Monday.')) assert.ok(!e.items.some((i) => i.start < e.source.end && e.source.start < i.end), JSON.stringify(e.items));
});
