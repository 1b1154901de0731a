import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterProblem, firstDay, isPartialDate, lastDay, normalizeEventFilter, searchWords, sinceBound, untilExclusions } from './event-filter.js';

test('partial dates: valid forms, first and last days', () => {
  const cases: Array<[string, boolean, string?, string?]> = [
    ['2019', true, '2019-01-01', '2019-12-31'],
    ['2020-02', true, '2020-02-01', '2020-02-29'],
    ['2019-02', true, '2019-02-01', '2019-02-28'],
    ['2019-06-15', true, '2019-06-15', '2019-06-15'],
    ['2019-13', false], ['2019-02-29', false], ['19', false], ['2019/06', false], ['2019-6', false],
  ];
  for (const [value, valid, first, last] of cases) {
    assert.equal(isPartialDate(value), valid, value);
    if (valid) assert.deepEqual([firstDay(value), lastDay(value)], [first, last], value);
  }
});

test('date bounds keep coarser dates only when they lie wholly inside', () => {
  const since: Array<[string, string]> = [['2019', '2019'], ['2019-01', '2019'], ['2019-01-01', '2019'], ['2019-06', '2019-06'], ['2019-06-01', '2019-06'], ['2019-06-02', '2019-06-02']];
  for (const [bound, lowest] of since) assert.equal(sinceBound(bound), lowest, bound);
  const until: Array<[string, string[]]> = [['2019', []], ['2019-12', []], ['2019-12-31', []], ['2019-06', ['2019']], ['2019-06-30', ['2019']], ['2019-06-15', ['2019-06', '2019']]];
  for (const [bound, excluded] of until) assert.deepEqual(untilExclusions(bound), excluded, bound);
});

test('filter problems name the field; normalising upper-cases codes and splits code patterns', () => {
  assert.deepEqual(filterProblem({ since: '2019-13' }), { field: 'since', message: '"2019-13" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)' });
  assert.deepEqual(filterProblem({ item: '--' }), { field: 'item', message: '"--" has no words to search for' });
  assert.equal(filterProblem({ source: ['chn'], code: ['02*', '0231'], quad: [1, 4], status: ['delivered'] }), null);
  const normal = normalizeEventFilter({ source: ['chn', 'CHN'], code: ['02*', '0231'], text: 'Mi-35 helicopters' });
  assert.deepEqual([normal.source, normal.codes, normal.codePrefixes, normal.words], [['CHN'], ['0231'], ['02'], ['Mi', '35', 'helicopters']]);
  assert.deepEqual(searchWords('«Côte d’Ivoire», 2019!'), ['Côte', 'd', 'Ivoire', '2019']);
  assert.throws(() => normalizeEventFilter({ quad: [0] }), /E602 filter: quad "0" is not 1, 2, 3 or 4/);
});
