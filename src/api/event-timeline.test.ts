// API tests: events → counts per period by quad class, with reports, undated and coarser dates apart; ISO weeks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cluster } from '../types/link.js';
import { eventTimeline, isoWeek } from './event-timeline.js';

const event = (date: string | null, cameo: string, reports: number): Cluster => ({ date, cameo, mentionCount: reports } as Cluster);

describe('eventTimeline', () => {
  it('counts events per month by quad class with their reports', async () => {
    const t = await eventTimeline([event('2020-05-14', '0232', 2), event('2020-05', '190', 1), event('2020-06-02', '072', 3), event('2020', '040', 1), event(null, '111', 4)], 'month');
    assert.deepEqual(t.periods, [
      { period: '2020-05', quads: [1, 0, 0, 1], events: 2, reports: 3 },
      { period: '2020-06', quads: [0, 1, 0, 0], events: 1, reports: 3 },
    ]);
    assert.deepEqual(t.coarser, { events: 1, reports: 1 });
    assert.deepEqual(t.undated, { events: 1, reports: 4 });
  });
  it('takes year-only dates by year, and days by ISO week', async () => {
    assert.deepEqual((await eventTimeline([event('2020', '040', 1), event('2020-05-14', '040', 1)], 'year')).periods.map((p) => [p.period, p.events]), [['2020', 2]]);
    assert.deepEqual((await eventTimeline([event('2020-05-14', '040', 1)], 'week')).periods.map((p) => p.period), ['2020-W20']);
  });
});

describe('isoWeek', () => {
  it('gives the week of the year of its Thursday', () => {
    for (const [day, week] of [['2020-01-01', '2020-W01'], ['2021-01-03', '2020-W53'], ['2021-01-04', '2021-W01'], ['2019-12-30', '2020-W01'], ['2024-12-31', '2025-W01']]) {
      assert.equal(isoWeek(day as string), week, day);
    }
  });
});
