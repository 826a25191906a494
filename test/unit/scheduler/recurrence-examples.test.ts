import type { Recurrence } from '../../../shared/scheduler/model';
import {
  nextExecutionTime,
  occurrenceAtOrAfter,
  shortestGapMinutes,
} from '../../../shared/scheduler/recurrence';

const S = '2015-07-13T00:00:00.000Z';
const HOURS = [5, 10, 15, 20];
const MINUTES = [0, 10, 20, 30, 40, 50];

const next = (recurrence: Recurrence | undefined, now: string, anchor = S, extra = {}) =>
  nextExecutionTime(
    { anchor, recurrence, occurrences: 0, state: 'enabled', ...extra },
    new Date(now),
  )?.toISOString();

describe('nextExecutionTime: the contract worked examples (docs/classic-scheduler.md#d2)', () => {
  it.each([
    [
      'week + weekDays',
      { frequency: 'week', interval: 1, schedule: { hours: HOURS, minutes: MINUTES, weekDays: ['monday'] } },
      '2015-08-04T23:11:25Z',
      '2015-08-10T05:00:00.000Z',
    ],
    [
      'month + monthlyOccurrences',
      {
        frequency: 'month',
        interval: 1,
        schedule: {
          hours: HOURS,
          minutes: MINUTES,
          monthlyOccurrences: [
            { day: 'monday', occurrence: 1 },
            { day: 'friday', occurrence: 1 },
          ],
        },
      },
      '2015-08-04T23:14:05Z',
      '2015-08-07T05:00:00.000Z',
    ],
    [
      'month + monthDays',
      { frequency: 'month', interval: 1, schedule: { hours: HOURS, minutes: MINUTES, monthDays: [15, 30] } },
      '2015-08-04T23:08:41Z',
      '2015-08-15T05:00:00.000Z',
    ],
    [
      'day',
      { frequency: 'day', interval: 1, schedule: { hours: HOURS, minutes: MINUTES } },
      '2015-08-04T23:08:14Z',
      '2015-08-05T05:00:00.000Z',
    ],
    [
      'week, no schedule',
      { frequency: 'week', interval: 1 },
      '2015-08-04T23:09:05Z',
      '2015-08-10T00:00:00.000Z',
    ],
  ] as [string, Recurrence, string, string][])('%s', (_name, recurrence, now, expected) => {
    expect(next(recurrence, now)).toBe(expected);
  });

  it('row 6: S 2015-04-07 14:00, day/2, created 04-08 13:00 runs 04-09, 04-11, 04-13 at 14:00', () => {
    const r: Recurrence = { frequency: 'day', interval: 2 };
    const anchor = '2015-04-07T14:00:00Z';
    const first = next(r, '2015-04-08T13:00:00Z', anchor);
    expect(first).toBe('2015-04-09T14:00:00.000Z');
    const second = next(r, first!, anchor, { lastOccurrence: first, occurrences: 1 });
    expect(second).toBe('2015-04-11T14:00:00.000Z');
    expect(next(r, second!, anchor, { lastOccurrence: second, occurrences: 2 })).toBe(
      '2015-04-13T14:00:00.000Z',
    );
  });
});

describe('nextExecutionTime: the documented schedules', () => {
  const at = (r: Recurrence, from: string, anchor = '2015-01-01T08:07:00Z') => {
    const out: string[] = [];
    let t = occurrenceAtOrAfter(r, new Date(anchor), new Date(from));
    for (let i = 0; i < 4 && t; i++) {
      out.push(t.toISOString());
      t = occurrenceAtOrAfter(r, new Date(anchor), new Date(t.getTime() + 1));
    }
    return out;
  };

  it('{"hours":[5]} runs at 5 AM daily, at the minute of S', () => {
    expect(at({ frequency: 'day', interval: 1, schedule: { hours: [5] } }, '2015-01-01T08:07:00Z')).toEqual([
      '2015-01-02T05:07:00.000Z',
      '2015-01-03T05:07:00.000Z',
      '2015-01-04T05:07:00.000Z',
      '2015-01-05T05:07:00.000Z',
    ]);
  });

  it('{"minutes":[0,15,30,45]} with hour runs every 15 minutes', () => {
    expect(
      at({ frequency: 'hour', interval: 1, schedule: { minutes: [0, 15, 30, 45] } }, '2015-01-01T08:07:00Z'),
    ).toEqual([
      '2015-01-01T08:15:00.000Z',
      '2015-01-01T08:30:00.000Z',
      '2015-01-01T08:45:00.000Z',
      '2015-01-01T09:00:00.000Z',
    ]);
  });

  it('6 AM on the last day of each month', () => {
    expect(
      at(
        { frequency: 'month', interval: 1, schedule: { minutes: [0], hours: [6], monthDays: [-1] } },
        '2015-01-01T08:07:00Z',
      ),
    ).toEqual([
      '2015-01-31T06:00:00.000Z',
      '2015-02-28T06:00:00.000Z',
      '2015-03-31T06:00:00.000Z',
      '2015-04-30T06:00:00.000Z',
    ]);
  });

  it('the third Friday from the end', () => {
    expect(
      at(
        {
          frequency: 'month',
          interval: 1,
          schedule: { monthlyOccurrences: [{ day: 'friday', occurrence: -3 }] },
        },
        '2015-01-01T08:07:00Z',
      ).slice(0, 2),
    ).toEqual(['2015-01-16T08:07:00.000Z', '2015-02-13T08:07:00.000Z']);
  });

  it('occurrence 5 runs only in months that have a 5th Friday; day 31 only in months that have one', () => {
    expect(
      at(
        {
          frequency: 'month',
          interval: 1,
          schedule: { monthlyOccurrences: [{ day: 'friday', occurrence: 5 }] },
        },
        '2015-01-01T00:00:00Z',
      ).slice(0, 3),
    ).toEqual(['2015-01-30T08:07:00.000Z', '2015-05-29T08:07:00.000Z', '2015-07-31T08:07:00.000Z']);
    expect(
      at({ frequency: 'month', interval: 1, schedule: { monthDays: [31] } }, '2015-01-01T00:00:00Z').slice(
        0,
        3,
      ),
    ).toEqual(['2015-01-31T08:07:00.000Z', '2015-03-31T08:07:00.000Z', '2015-05-31T08:07:00.000Z']);
  });

  it('months and years without a schedule follow .NET AddMonths from S, clamping the day', () => {
    expect(at({ frequency: 'month', interval: 1 }, '2015-01-31T00:00:00Z', '2015-01-31T10:00:00Z')).toEqual([
      '2015-01-31T10:00:00.000Z',
      '2015-02-28T10:00:00.000Z',
      '2015-03-31T10:00:00.000Z',
      '2015-04-30T10:00:00.000Z',
    ]);
    expect(at({ frequency: 'year', interval: 1 }, '2016-03-01T00:00:00Z', '2016-02-29T00:00:00Z')[0]).toBe(
      '2017-02-28T00:00:00.000Z',
    );
  });

  it('a weekly interval of 2 counts weeks from the Sunday of the week holding S', () => {
    // S is Monday 2015-07-13; counted weeks start 07-12, 07-26, 08-09.
    expect(
      at(
        { frequency: 'week', interval: 2, schedule: { weekDays: ['sunday', 'tuesday'] } },
        '2015-07-13T00:00:00Z',
        S,
      ),
    ).toEqual([
      '2015-07-14T00:00:00.000Z',
      '2015-07-26T00:00:00.000Z',
      '2015-07-28T00:00:00.000Z',
      '2015-08-09T00:00:00.000Z',
    ]);
  });
});

describe('nextExecutionTime: start, count and endTime', () => {
  it('a one-time job runs at S when S is ahead, otherwise at once, and only once', () => {
    expect(next(undefined, '2015-07-12T00:00:00Z')).toBe(S);
    expect(next(undefined, '2015-07-14T01:02:03.456Z')).toBe('2015-07-14T01:02:03.456Z');
    expect(next(undefined, '2015-07-12T00:00:00Z', S, { occurrences: 1, lastOccurrence: S })).toBeUndefined();
  });

  it('without startTime the first run is the creation instant (S = now)', () => {
    const created = '2014-10-29T21:52:35.210Z';
    expect(next({ frequency: 'minute', interval: 1 }, created, created)).toBe(created);
  });

  it('stops after count occurrences and never schedules past endTime, but runs at exactly endTime', () => {
    const r: Recurrence = { frequency: 'day', interval: 1, count: 2 };
    expect(next(r, S, S, { occurrences: 2, lastOccurrence: '2015-07-14T00:00:00Z' })).toBeUndefined();
    const e: Recurrence = { frequency: 'day', interval: 1, endTime: '2015-07-14T00:00:00Z' };
    expect(next(e, S, S, { occurrences: 1, lastOccurrence: S })).toBe('2015-07-14T00:00:00.000Z');
    expect(next(e, S, S, { occurrences: 2, lastOccurrence: '2015-07-14T00:00:00Z' })).toBeUndefined();
  });

  it('a job that is not enabled has no next time', () => {
    expect(next({ frequency: 'day', interval: 1 }, S, S, { state: 'disabled' })).toBeUndefined();
  });

  it('an impossible schedule (February 30th) has no next time instead of looping', () => {
    expect(
      next({ frequency: 'month', interval: 1, schedule: { months: [2], monthDays: [30] } }, S),
    ).toBeUndefined();
  });
});

describe('shortestGapMinutes (docs/classic-scheduler.md#c8)', () => {
  it('is interval × unit without a schedule, and the smallest gap over the next occurrences with one', () => {
    expect(shortestGapMinutes({ frequency: 'hour', interval: 3 }, new Date(S))).toBe(180);
    expect(
      shortestGapMinutes(
        { frequency: 'day', interval: 1, schedule: { hours: [5, 6], minutes: [0, 45] } },
        new Date(S),
      ),
    ).toBe(15);
  });
});
