/**
 * The schedules the Functions timer trigger accepts (SWEEP_SCHEDULE, SPEC C.2, D.7), so that the
 * local host sweeps when a deployed app would: six-field NCRONTAB
 * (`{second} {minute} {hour} {day} {month} {day-of-week}`, in UTC, with `*`, lists, ranges, steps
 * and three-letter month and day names), or a TimeSpan `hh:mm:ss` interval.
 */
export type Schedule = { kind: 'cron'; fields: readonly Set<number>[] } | { kind: 'interval'; ms: number };

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** Bounds and names of each field, in order. */
const FIELDS: readonly { min: number; max: number; names?: readonly string[]; base?: number }[] = [
  { min: 0, max: 59 },
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS, base: 1 },
  { min: 0, max: 6, names: DAYS, base: 0 },
];

function valueOf(token: string, field: (typeof FIELDS)[number]): number {
  const named = field.names?.indexOf(token.toUpperCase()) ?? -1;
  const n = named >= 0 ? named + (field.base ?? 0) : /^\d+$/.test(token) ? Number(token) : NaN;
  if (!Number.isInteger(n) || n < field.min || n > field.max) throw new Error(`"${token}" is out of range`);
  return n;
}

function parseField(text: string, field: (typeof FIELDS)[number]): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`"${part}" has a bad step`);
    let [from, to] = [field.min, field.max];
    if (range !== '*') {
      const [a = '', b] = range.split('-');
      from = valueOf(a, field);
      to = b === undefined ? (stepText === undefined ? from : field.max) : valueOf(b, field);
    }
    if (from > to) throw new Error(`"${part}" is an empty range`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/** Parses a schedule; throws with a reason when the Functions host would refuse it too. */
export function parseSchedule(text: string): Schedule {
  const span = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (span) {
    const ms = ((Number(span[1]) * 60 + Number(span[2])) * 60 + Number(span[3])) * 1000;
    if (ms <= 0) throw new Error('an interval must be longer than zero');
    return { kind: 'interval', ms };
  }
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 6) throw new Error('an NCRONTAB expression has six fields');
  return { kind: 'cron', fields: parts.map((p, i) => parseField(p, FIELDS[i]!)) };
}

/** The first instant strictly after `after` (whole seconds, UTC) that the schedule names. */
export function nextOccurrence(schedule: Schedule, after: Date): Date {
  if (schedule.kind === 'interval') return new Date(after.getTime() + schedule.ms);
  const [sec, min, hour, day, month, dow] = schedule.fields as [Set<number>, ...Set<number>[]];
  const t = new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);
  // Each step skips to the start of the next candidate unit; a few years of steps find any real date.
  for (let steps = 0; steps < 200_000; steps++) {
    if (!month!.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!day!.has(t.getUTCDate()) || !dow!.has(t.getUTCDay())) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!hour!.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
    } else if (!min!.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
    } else if (!sec.has(t.getUTCSeconds())) {
      t.setUTCSeconds(t.getUTCSeconds() + 1, 0);
    } else {
      return t;
    }
  }
  throw new Error('the schedule names no date that exists');
}
