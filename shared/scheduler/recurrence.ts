import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  WEEK_MS,
  addMonths,
  daysInMonth,
  monthIndex,
  monthStart,
  startOfDay,
  startOfHour,
  startOfWeek,
  weekdaysOfMonth,
} from './calendar';
import type { Frequency, Job, Recurrence, Schedule } from './model';
import { WEEK_DAYS } from './model';

/** The state of a job that decides its next occurrence. */
export type Schedulable = Pick<Job, 'anchor' | 'recurrence' | 'occurrences' | 'lastOccurrence' | 'state'>;

const FIXED: Partial<Record<Frequency, number>> = {
  minute: MINUTE_MS,
  hour: HOUR_MS,
  day: DAY_MS,
  week: WEEK_MS,
};

/** How far a search for a schedule's next day goes before it says there is none (e.g. Feb 30th). */
const MAX_BUCKETS = 4000;

const hasSchedule = (s: Schedule | undefined): s is Schedule =>
  s !== undefined && Object.values(s).some((v) => Array.isArray(v) && v.length > 0);

/** Grid occurrences t_k = S + k·interval·unit, first one ≥ from (docs/classic-scheduler.md#d2). */
function gridAtOrAfter(r: Recurrence, s: number, from: number): number {
  const unit = FIXED[r.frequency];
  if (unit !== undefined) {
    const step = unit * r.interval;
    return s + Math.max(0, Math.ceil((from - s) / step)) * step;
  }
  const months = r.interval * (r.frequency === 'year' ? 12 : 1);
  let k = Math.max(0, Math.floor((monthIndex(from) - monthIndex(s)) / months) - 1);
  while (addMonths(s, k * months) < from) k++;
  return addMonths(s, k * months);
}

interface Bucket {
  start: (i: number) => number;
  indexOf: (t: number) => number;
}

function bucketsOf(frequency: Frequency, s: number): Bucket {
  const fixed = (floor: (t: number) => number, unit: number): Bucket => {
    const origin = floor(s);
    return { start: (i) => origin + i * unit, indexOf: (t) => Math.floor((t - origin) / unit) };
  };
  switch (frequency) {
    case 'minute':
    case 'hour':
      return fixed(startOfHour, HOUR_MS);
    case 'day':
      return fixed(startOfDay, DAY_MS);
    case 'week':
      return fixed(startOfWeek, WEEK_MS);
    case 'month': {
      const origin = monthIndex(s);
      return { start: (i) => monthStart(origin + i), indexOf: (t) => monthIndex(t) - origin };
    }
    case 'year': {
      const origin = new Date(s).getUTCFullYear();
      return {
        start: (i) => Date.UTC(origin + i, 0, 1),
        indexOf: (t) => new Date(t).getUTCFullYear() - origin,
      };
    }
  }
}

const sorted = (xs: readonly number[]): number[] => [...new Set(xs)].sort((a, b) => a - b);

/** The days (00:00 UTC) of a counted bucket on which the schedule runs, in order. */
function daysOf(r: Recurrence, sc: Schedule, s: Date, bucketStart: number): number[] {
  const b = new Date(bucketStart);
  switch (r.frequency) {
    case 'minute':
    case 'hour':
    case 'day':
      return [startOfDay(bucketStart)];
    case 'week': {
      const dows = sc.weekDays?.length ? sc.weekDays.map((d) => WEEK_DAYS.indexOf(d)) : [s.getUTCDay()];
      return sorted(dows).map((dow) => bucketStart + dow * DAY_MS);
    }
    case 'month': {
      const [year, month0] = [b.getUTCFullYear(), b.getUTCMonth()];
      if (sc.months?.length && !sc.months.includes(month0 + 1)) return [];
      const last = daysInMonth(year, month0);
      const days: number[] = [];
      for (const d of sc.monthDays ?? []) {
        const day = d > 0 ? d : last + 1 + d;
        if (day >= 1 && day <= last) days.push(Date.UTC(year, month0, day));
      }
      for (const o of sc.monthlyOccurrences ?? []) {
        const all = weekdaysOfMonth(year, month0, WEEK_DAYS.indexOf(o.day));
        if (o.occurrence === undefined) days.push(...all);
        else {
          const pick = o.occurrence > 0 ? all[o.occurrence - 1] : all[all.length + o.occurrence];
          if (pick !== undefined) days.push(pick);
        }
      }
      if (!sc.monthDays?.length && !sc.monthlyOccurrences?.length && s.getUTCDate() <= last)
        days.push(Date.UTC(year, month0, s.getUTCDate()));
      return sorted(days);
    }
    case 'year': {
      const year = b.getUTCFullYear();
      const months = sc.months?.length ? sc.months : [s.getUTCMonth() + 1];
      return sorted(
        months
          .filter((m) => s.getUTCDate() <= daysInMonth(year, m - 1))
          .map((m) => Date.UTC(year, m - 1, s.getUTCDate())),
      );
    }
  }
}

/** Candidates of one counted bucket, in order (docs/classic-scheduler.md#d2 "Candidates"). */
function candidatesOf(r: Recurrence, sc: Schedule, s: Date, bucketStart: number): number[] {
  const sub = s.getTime() - startOfHour(s.getTime()) - s.getUTCMinutes() * MINUTE_MS;
  const minutes = sorted(sc.minutes?.length ? sc.minutes : [s.getUTCMinutes()]);
  if (r.frequency === 'hour') return minutes.map((m) => bucketStart + m * MINUTE_MS + sub);
  const hours = sorted(sc.hours?.length ? sc.hours : [s.getUTCHours()]);
  const out: number[] = [];
  for (const day of daysOf(r, sc, s, bucketStart))
    for (const h of hours) for (const m of minutes) out.push(day + h * HOUR_MS + m * MINUTE_MS + sub);
  return out;
}

function scheduleAtOrAfter(r: Recurrence, sc: Schedule, s: number, from: number): number | undefined {
  const buckets = bucketsOf(r.frequency, s);
  const sDate = new Date(s);
  const first = Math.max(0, Math.floor(buckets.indexOf(from) / r.interval) * r.interval);
  for (let i = first, n = 0; n < MAX_BUCKETS; i += r.interval, n++) {
    for (const c of candidatesOf(r, sc, sDate, buckets.start(i))) if (c >= from && c >= s) return c;
  }
  return undefined;
}

/** The first occurrence of a recurrence anchored at S that is at or after `from`, ignoring count and endTime. */
export function occurrenceAtOrAfter(r: Recurrence, anchor: Date, from: Date): Date | undefined {
  const s = anchor.getTime();
  const at = Math.max(s, from.getTime());
  const t = hasSchedule(r.schedule) ? scheduleAtOrAfter(r, r.schedule, s, at) : gridAtOrAfter(r, s, at);
  return t === undefined ? undefined : new Date(t);
}

/**
 * The job's next occurrence as of `now` (docs/classic-scheduler.md#d2, #d3): the smallest
 * candidate ≥ max(S, now) later than the last one that ran, within `count` and `endTime`; none
 * for a job that is not enabled.
 */
export function nextExecutionTime(job: Schedulable, now: Date): Date | undefined {
  if (job.state !== 'enabled') return undefined;
  const s = new Date(job.anchor);
  const r = job.recurrence;
  if (!r) {
    if (job.occurrences > 0) return undefined;
    return s >= now ? s : now;
  }
  if (r.count !== undefined && job.occurrences >= r.count) return undefined;
  let from = Math.max(s.getTime(), now.getTime());
  if (job.lastOccurrence !== undefined) from = Math.max(from, Date.parse(job.lastOccurrence) + 1);
  const t = occurrenceAtOrAfter(r, s, new Date(from));
  if (!t || (r.endTime !== undefined && t.getTime() > Date.parse(r.endTime))) return undefined;
  return t;
}

/**
 * The shortest gap, in minutes, between occurrences: interval × unit without a schedule, else
 * the smallest over the next 100 occurrences from S (docs/classic-scheduler.md#c8).
 */
export function shortestGapMinutes(r: Recurrence, anchor: Date): number {
  if (!hasSchedule(r.schedule)) return r.interval * UNIT_MINUTES[r.frequency];
  let prev = occurrenceAtOrAfter(r, anchor, anchor);
  let gap = Infinity;
  for (let i = 0; i < 100 && prev; i++) {
    const next = occurrenceAtOrAfter(r, anchor, new Date(prev.getTime() + 1));
    if (!next) break;
    gap = Math.min(gap, (next.getTime() - prev.getTime()) / MINUTE_MS);
    prev = next;
  }
  return gap;
}

export const UNIT_MINUTES: Record<Frequency, number> = {
  minute: 1,
  hour: 60,
  day: 1440,
  week: 10080,
  month: 43200,
  year: 525600,
};
