// Tests: what clustering compares — normalised codes, date windows by precision, item kinds — and date parsing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REL_A_VAGUER, REL_B_VAGUER, REL_CROSS, REL_NONE, REL_STRONG, mentionFeatures, normaliseCode, relateFeatures, sideKey, type Relation } from './mention-features.js';
import { fixtureMention as m, type MentionSpec } from './link-fixtures.js';
import { defaultKindTree } from './kind-tree.js';
import { isoOfDay, parseDaySpan } from '../types/day-number.js';

test('codes: demands read as appeals, "not specified" zeros dropped', () => {
  assert.deepEqual(['0232', '1032', '020', '100', '190', '195', '057', '11'].map(normaliseCode), ['0232', '0232', '02', '02', '19', '195', '057', '11']);
});

test('dates parse to day spans by precision; anything else is null', () => {
  const span = (d: string): [string, string, string] | null => {
    const s = parseDaySpan(d);
    return s === null ? null : [s.precision, isoOfDay(s.first), isoOfDay(s.last)];
  };
  assert.deepEqual(span('2020-02'), ['month', '2020-02-01', '2020-02-29']);
  assert.deepEqual(span('2019'), ['year', '2019-01-01', '2019-12-31']);
  assert.deepEqual(span('2021-12-31T23:00:00Z'), ['day', '2021-12-31', '2021-12-31']);
  assert.deepEqual(['2021-13', 'May 2021', '21-05-01', ''].map(span), [null, null, null, null]);
});

const base: MentionSpec = { id: 'a', doc: 'a', source: 'CHN', target: 'IRQ', cameo: '072', date: '2021-02-15', items: [{ kind: 'rifle' }] };
const cases: Array<[string, Partial<MentionSpec>, Partial<MentionSpec>, Relation]> = [
  ['alike', {}, {}, REL_STRONG],
  ['a shared kind among others is alike', { items: [{ kind: 'rifle' }, { kind: 'drone' }] }, {}, REL_STRONG],
  ['no items is vaguer', { items: [] }, {}, REL_A_VAGUER],
  ['a broader kind is vaguer', {}, { items: [{ kind: 'small-arms' }] }, REL_B_VAGUER],
  ['different kinds do not fit', {}, { items: [{ kind: 'tank' }] }, REL_NONE],
  ['different models of one kind do not fit', { items: [{ kind: 'tank', model: 'T-72' }] }, { items: [{ kind: 'tank', model: 'T-90' }] }, REL_NONE],
  ['a model variant fits its model', { items: [{ kind: 'tank', model: 'T-72' }] }, { items: [{ kind: 'tank', model: 'T-72B3' }] }, REL_STRONG],
  ['a generic code is vaguer', { cameo: '070' }, {}, REL_A_VAGUER],
  ['economic and military aid do not fit', { cameo: '071' }, {}, REL_NONE],
  ['near days are linked both ways', {}, { date: '2021-02-18' }, REL_CROSS],
  ['days beyond the window do not fit', {}, { date: '2021-02-19' }, REL_NONE],
  ['a month is vaguer than a day inside it', {}, { date: '2021-02' }, REL_B_VAGUER],
  ['a day outside the month does not fit it', { date: '2021-03-01' }, { date: '2021-02' }, REL_NONE],
  ['undated: the publication day, ±7', { date: null, published: '2021-02-22' }, {}, REL_CROSS],
  ['undated beyond a week does not fit', { date: null, published: '2021-02-23' }, {}, REL_NONE],
  ['a publication-based date is treated as undated', { date: '2021-02-22', basis: 'publication' }, {}, REL_CROSS],
  ['other dyad', {}, { target: 'SYR' }, REL_NONE],
  ['a denial relates to the assertion it disputes as any report does', { negated: true, modality: 'denied' }, {}, REL_STRONG],
];

for (const [name, a, b, expected] of cases) {
  test(`relation: ${name}`, () => {
    const tree = defaultKindTree();
    const fa = mentionFeatures(m({ ...base, ...a }));
    const fb = mentionFeatures(m({ ...base, id: 'b', doc: 'b', ...b }));
    assert.equal(relateFeatures(fa, fb, tree), expected);
    const mirror: Record<number, Relation> = { [REL_A_VAGUER]: REL_B_VAGUER, [REL_B_VAGUER]: REL_A_VAGUER };
    assert.equal(relateFeatures(fb, fa, tree), mirror[expected] ?? expected, 'symmetric');
  });
}

test('an armed group is a side of its own, never folded into its country', () => {
  assert.equal(sideKey({ code: 'IRQGOV', country: 'IRQ', sector: 'GOV' }), 'IRQ');
  assert.equal(sideKey({ code: 'IRQMIL', country: 'IRQ', sector: 'MIL' }), 'IRQ');
  assert.equal(sideKey({ code: 'IRQREB', country: 'IRQ', sector: 'REB' }), 'IRQREB');
  assert.equal(sideKey({ code: 'HEZBOLLAH', country: 'LBN', sector: 'REB' }), 'HEZBOLLAH');
  assert.equal(sideKey({ code: 'NATO', country: null, sector: 'IGO' }), 'NATO');
  assert.equal(sideKey(null), '-');
});
