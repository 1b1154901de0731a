// UI tests without a browser: the corrections panel's form values → the request it posts, and a correction → its line in the log.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeCorrection } from '../../src/corrections/correction-record.js';
import { correctionLine, editSet } from '../../ui/src/correction-request.js';

const empty = { source: '', target: '', cameo: '', status: '', items: '' };

describe('corrections panel: the edit form', () => {
  it('sets only what is filled in; none clears a target, status or items', () => {
    assert.deepEqual(editSet({ ...empty, source: ' grc ' }), { source: { code: 'GRC' } });
    assert.deepEqual(editSet({ ...empty, target: 'None', status: 'none', items: 'none' }), { target: null, status: null, items: [] });
    assert.deepEqual(editSet({ ...empty, cameo: '072', status: 'pledged', items: '20,000 rifle; armed-drone:CH-5' }), {
      cameo: '072', status: 'pledged', items: [
        { text: '20,000 rifle', kind: 'rifle', model: null, quantity: 20000 },
        { text: 'armed-drone:CH-5', kind: 'armed-drone', model: 'CH-5', quantity: null },
      ],
    });
  });

  it('says which field is wrong, and that something must be filled in', () => {
    assert.throws(() => editSet(empty), /fill in what to change/);
    assert.throws(() => editSet({ ...empty, source: 'Turkey?' }), /^Error: source: "Turkey\?"/);
    assert.throws(() => editSet({ ...empty, cameo: '7.2' }), /CAMEO code/);
    assert.throws(() => editSet({ ...empty, items: 'many rifles' }), /items: "many rifles"/);
  });
});

describe('corrections panel: the log', () => {
  it('says who changed what, from what to what, and why', () => {
    const edit = makeCorrection({
      at: '2026-12-07T10:15:00.000Z', by: 'ana', reason: 'the source names Greece', kind: 'edit', event: 'c-x', reports: ['x'], reverts: null,
      before: { source: { code: 'TUR', country: 'TUR', name: 'Turkey', sector: null }, status: 'delivered' },
      after: { source: { code: 'GRC', country: 'GRC', name: 'Greece', sector: null }, status: null },
    });
    assert.equal(correctionLine(edit), '2026-12-07 10:15 · ana: edited source TUR → GRC, status delivered → none — “the source names Greece”');
    const undo = makeCorrection({ at: '2026-12-07T11:00:00.000Z', by: 'bo', reason: '', kind: 'revert', event: 'c-x', reports: [], before: null, after: null, reverts: edit.id });
    assert.equal(correctionLine(undo), `2026-12-07 11:00 · bo: undid ${edit.id}`);
  });
});
