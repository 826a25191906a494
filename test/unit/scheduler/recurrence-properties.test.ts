import fc from 'fast-check';
import {
  addMonths,
  monthIndex,
  startOfDay,
  startOfWeek,
  weekdaysOfMonth,
  daysInMonth,
} from '../../../shared/scheduler/calendar';
import type { Recurrence, Schedule, WeekDay } from '../../../shared/scheduler/model';
import { WEEK_DAYS } from '../../../shared/scheduler/model';
import { nextExecutionTime, occurrenceAtOrAfter } from '../../../shared/scheduler/recurrence';

const MIN = 60_000;

/** An independent reading of docs/classic-scheduler.md#d2: is `t` an occurrence of `r` anchored at S? */
function matches(r: Recurrence, s: number, t: number): boolean {
  if (t < s) return false;
  const sd = new Date(s);
  const td = new Date(t);
  const sc: Schedule = r.schedule ?? {};
  const scheduled = Object.values(sc).some((v) => Array.isArray(v) && v.length > 0);
  if (!scheduled) {
    const unit = { minute: 1, hour: 60, day: 1440, week: 10080 }[r.frequency as 'minute'];
    if (unit !== undefined) return (t - s) % (unit * r.interval * MIN) === 0;
    const months = r.interval * (r.frequency === 'year' ? 12 : 1);
    const diff = monthIndex(t) - monthIndex(s);
    return diff % months === 0 && addMonths(s, diff) === t;
  }
  if (td.getUTCSeconds() !== sd.getUTCSeconds() || td.getUTCMilliseconds() !== sd.getUTCMilliseconds())
    return false;
  if (!(sc.minutes?.length ? sc.minutes : [sd.getUTCMinutes()]).includes(td.getUTCMinutes())) return false;
  if (
    r.frequency !== 'hour' &&
    !(sc.hours?.length ? sc.hours : [sd.getUTCHours()]).includes(td.getUTCHours())
  )
    return false;
  const bucket = {
    hour: () => Math.floor(t / 3_600_000) - Math.floor(s / 3_600_000),
    day: () => (startOfDay(t) - startOfDay(s)) / 86_400_000,
    week: () => (startOfWeek(t) - startOfWeek(s)) / (7 * 86_400_000),
    month: () => monthIndex(t) - monthIndex(s),
    year: () => td.getUTCFullYear() - sd.getUTCFullYear(),
    minute: () => NaN,
  }[r.frequency]();
  if (bucket % r.interval !== 0) return false;
  const dow = td.getUTCDay();
  const day = td.getUTCDate();
  switch (r.frequency) {
    case 'week':
      return sc.weekDays?.length ? sc.weekDays.includes(WEEK_DAYS[dow]!) : dow === sd.getUTCDay();
    case 'month': {
      if (sc.months?.length && !sc.months.includes(td.getUTCMonth() + 1)) return false;
      if (!sc.monthDays?.length && !sc.monthlyOccurrences?.length) return day === sd.getUTCDate();
      const last = daysInMonth(td.getUTCFullYear(), td.getUTCMonth());
      if (sc.monthDays?.some((d) => d === day || d === day - last - 1)) return true;
      const same = weekdaysOfMonth(td.getUTCFullYear(), td.getUTCMonth(), dow);
      const n = same.indexOf(startOfDay(t));
      return (sc.monthlyOccurrences ?? []).some(
        (o) =>
          o.day === WEEK_DAYS[dow] &&
          (o.occurrence === undefined || o.occurrence === n + 1 || o.occurrence === n - same.length),
      );
    }
    case 'year':
      return (
        day === sd.getUTCDate() &&
        (sc.months?.length ? sc.months : [sd.getUTCMonth() + 1]).includes(td.getUTCMonth() + 1)
      );
    default:
      return true;
  }
}

const sub = <T>(xs: readonly T[], max: number) => fc.uniqueArray(fc.constantFrom(...xs), { maxLength: max });
const range = (lo: number, hi: number) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);

const recurrenceArb: fc.Arbitrary<Recurrence> = fc
  .record({
    frequency: fc.constantFrom('minute', 'hour', 'day', 'week', 'month', 'year'),
    interval: fc.integer({ min: 1, max: 3 }),
    minutes: sub(range(0, 59), 3),
    hours: sub(range(0, 23), 3),
    weekDays: sub(WEEK_DAYS as readonly WeekDay[], 3),
    monthDays: sub([...range(1, 31), ...range(-31, -1)], 3),
    occ: fc.array(
      fc.record({
        day: fc.constantFrom(...WEEK_DAYS),
        occurrence: fc.option(fc.constantFrom(-5, -2, -1, 1, 2, 5), { nil: undefined }),
      }),
      { maxLength: 2 },
    ),
    months: sub(range(1, 12), 4),
    scheduled: fc.boolean(),
  })
  .map((g): Recurrence => {
    const f = g.frequency;
    if (!g.scheduled || f === 'minute') return { frequency: f, interval: g.interval };
    const schedule: Schedule = { minutes: g.minutes };
    if (f !== 'hour') schedule.hours = g.hours;
    if (f === 'week') schedule.weekDays = g.weekDays;
    if (f === 'month') {
      schedule.monthDays = g.monthDays;
      schedule.monthlyOccurrences = g.occ.map((o) => (o.occurrence === undefined ? { day: o.day } : o));
    }
    if (f === 'month' || f === 'year') schedule.months = g.months;
    return { frequency: f, interval: g.interval, schedule };
  });

const instant = fc
  .integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2016, 11, 31) })
  .map((t) => t - (t % 1000));

describe('nextExecutionTime: properties', () => {
  it('matches a brute-force minute-by-minute expansion over a bounded horizon', () => {
    const horizon = 20 * 1440;
    fc.assert(
      fc.property(recurrenceArb, instant, fc.integer({ min: 0, max: 90 * 1440 }), (r, s, lateBy) => {
        const from = s + lateBy * MIN + 7_000;
        const got = occurrenceAtOrAfter(r, new Date(s), new Date(from))?.getTime();
        // Candidates carry S's seconds: walk the minutes at that offset.
        let t = from + ((((s - from) % MIN) + MIN) % MIN);
        let expected: number | undefined;
        for (let i = 0; i <= horizon; i++, t += MIN)
          if (matches(r, s, t)) {
            expected = t;
            break;
          }
        if (expected === undefined) expect(got === undefined || got > t - MIN).toBe(true);
        else expect(got).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('is never before the start, strictly increases, and respects count and endTime', () => {
    fc.assert(
      fc.property(
        recurrenceArb,
        instant,
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 400 * 1440 }),
        (r, s, count, endAfter) => {
          const endTime = new Date(s + endAfter * MIN).toISOString();
          const rec: Recurrence = { ...r, count, endTime };
          const anchor = new Date(s).toISOString();
          let job = {
            anchor,
            recurrence: rec,
            occurrences: 0,
            state: 'enabled' as const,
            lastOccurrence: undefined as string | undefined,
          };
          let prev = -Infinity;
          let n = 0;
          for (let t = nextExecutionTime(job, new Date(s)); t; t = nextExecutionTime(job, t)) {
            expect(t.getTime()).toBeGreaterThanOrEqual(s);
            expect(t.getTime()).toBeGreaterThan(prev);
            expect(t.getTime()).toBeLessThanOrEqual(Date.parse(endTime));
            prev = t.getTime();
            n++;
            job = { ...job, occurrences: n, lastOccurrence: t.toISOString() };
          }
          expect(n).toBeLessThanOrEqual(count);
        },
      ),
      { numRuns: 100 },
    );
  });
});
