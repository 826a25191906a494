import { Cron } from 'croner';

/**
 * The schedules the Functions timer trigger accepts (SWEEP_SCHEDULE,
 * docs/contract/import-export.md#c2, #d7), so that the local host runs a timer when a deployed app
 * would: six-field NCRONTAB (`{second} {minute} {hour} {day} {month} {day-of-week}`, in UTC, with
 * `*`, lists, ranges, steps and three-letter month and day names), or a TimeSpan `hh:mm:ss`
 * interval.
 *
 * The expressions are evaluated by croner. Two differences from its defaults are the Functions
 * host's (NCrontab's) semantics, set here: a day must match both the day-of-month and the
 * day-of-week fields (croner, like Unix cron, takes either), and only NCRONTAB's own syntax is
 * accepted (croner also reads Quartz's `L`, `W`, `#` and `?`, and 7 for Sunday, which the host
 * refuses).
 */
export type Schedule = { kind: 'cron'; cron: Cron } | { kind: 'interval'; ms: number };

const NAME = '(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|SUN|MON|TUE|WED|THU|FRI|SAT)';
const ATOM = `(?:\\d{1,2}|${NAME})`;
const FIELD = new RegExp(
  `^(?:\\*|${ATOM}(?:-${ATOM})?)(?:/\\d{1,2})?(?:,(?:\\*|${ATOM}(?:-${ATOM})?)(?:/\\d{1,2})?)*$`,
  'i',
);

/** NCRONTAB's `5/20` is `5-{max}/20`, which croner spells out. */
const MAX = [59, 59, 23, 31, 12, 6];
const openEnded = (field: string, i: number): string =>
  field
    .split(',')
    .map((part) => part.replace(/^([^*\-/]+)\/(\d+)$/, `$1-${MAX[i]}/$2`))
    .join(',');

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
  const odd = parts.find((p) => !FIELD.test(p));
  if (odd !== undefined) throw new Error(`"${odd}" is not an NCRONTAB field`);
  if (/(^|,)7($|[-,/])/.test(parts[5] ?? '')) throw new Error('day-of-week runs from 0 (SUN) to 6 (SAT)');
  if (parts.some((p) => /\/0+$|\/0+,/.test(p))) throw new Error('a step must be at least 1');
  const cron = new Cron(parts.map(openEnded).join(' '), {
    timezone: 'Etc/UTC',
    domAndDow: true,
    paused: true,
  });
  if (cron.nextRun(new Date()) === null) throw new Error('the schedule names no date that exists');
  return { kind: 'cron', cron };
}

/** The first instant strictly after `after` (whole seconds, UTC) that the schedule names. */
export function nextOccurrence(schedule: Schedule, after: Date): Date {
  if (schedule.kind === 'interval') return new Date(after.getTime() + schedule.ms);
  const next = schedule.cron.nextRun(after);
  if (!next) throw new Error('the schedule names no date that exists');
  return next;
}
