// API tests: query strings → typed parameters — lists repeated or comma-separated, numbers checked, unknown names refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from './api-error.js';
import { eventQueryParams } from './event-routes.js';
import { parseQuery, toEventFilter } from './query-params.js';

const parse = (query: string): ReturnType<typeof parseQuery<typeof eventQueryParams>> => parseQuery(`http://x/api/events?${query}`, eventQueryParams);

describe('parseQuery', () => {
  const good: [string, Record<string, unknown>][] = [
    ['', {}],
    ['source=CHN&source=IRQ', { source: ['CHN', 'IRQ'] }],
    ['source=CHN,%20IRQ,,', { source: ['CHN', 'IRQ'] }],
    ['quad=1,4', { quad: [1, 4] }],
    ['limit=25&sort=-date', { limit: 25, sort: '-date' }],
    ['since=2019-06&until=2020', { since: '2019-06', until: '2020' }],
    ['text=armed%20drones&item=Mi-35', { text: 'armed drones', item: 'Mi-35' }],
    ['status=delivered&modality=reported,negated', { status: ['delivered'], modality: ['reported', 'negated'] }],
    ['code=02*,0231', { code: ['02*', '0231'] }],
    ['source=', { source: [] }],
  ];
  for (const [query, expected] of good) {
    it(`reads "${query}"`, () => assert.deepEqual(parse(query), expected));
  }

  const bad: [string, RegExp][] = [
    ['limit=abc', /limit.*whole number/],
    ['limit=1.5', /limit/],
    ['quad=0', /quad/],
    ['since=2020-02-30', /since.*date/],
    ['sort=date&sort=-date', /more than once/],
    ['source=C%20N', /source/],
    ['source=Turkei', /source.*neither an actor code nor the name/],
    ['wat=1', /unknown parameter "wat"/],
    ['status=sold', /status/],
    ['text=' + 'a'.repeat(501), /text.*500/],
  ];
  for (const [query, message] of bad) {
    it(`refuses "${query.slice(0, 40)}"`, () => {
      assert.throws(() => parse(query), (err: unknown) => err instanceof ApiError && err.status === 400 && message.test(err.message));
    });
  }

  it('keeps only filter fields in the EventFilter', () => {
    const { limit: _limit, ...rest } = parse('source=CHN&limit=5&quad=2');
    assert.deepEqual(toEventFilter(rest), { source: ['CHN'], quad: [2] });
    assert.deepEqual(toEventFilter(parse('source=Turkey&target=IRQ&actor=African%20Union')), { source: ['TUR'], target: ['IRQ'], actor: ['AU'] }, 'names give their codes');
  });
});
