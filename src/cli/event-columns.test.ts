// CLI tests: the evidence a table shows — the clause holding the event, not the dateline at the head of its sentence.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventRecord } from '../types/index.js';
import { triggerClause } from './event-columns.js';

/** An event of a sentence starting at offset 100, with its source, trigger and target found by their words. */
function event(text: string, source: string, trigger: string, target: string | null): EventRecord {
  const at = (word: string): number => 100 + text.indexOf(word);
  return {
    sentence: { index: 0, text, start: 100, end: 100 + text.length },
    source: { start: at(source), end: at(source) + source.length },
    trigger: { text: trigger, start: at(trigger), end: at(trigger) + trigger.length },
    target: target === null ? null : { start: at(target), end: at(target) + target.length },
  } as EventRecord;
}

describe('triggerClause', () => {
  it('leaves out the dateline and what follows the event\'s clause', () => {
    const text = 'BAGHDAD, May 14, 2020 (Reuters) - Iraq asked China for armed drones, officials said on Thursday.';
    assert.equal(triggerClause(event(text, 'Iraq', 'asked', 'China')), '…Iraq asked China for armed drones…');
  });
  it('gives a sentence of one clause whole', () => {
    const text = 'Turkey handed two patrol boats to the Iraqi navy in Basra.';
    assert.equal(triggerClause(event(text, 'Turkey', 'handed', 'Iraqi navy')), text);
  });
  it('keeps source and target when they sit in clauses apart', () => {
    const text = 'China, a long-time partner, delivered rifles to Iraq.';
    assert.equal(triggerClause(event(text, 'China', 'delivered', 'Iraq')), text);
  });
});
