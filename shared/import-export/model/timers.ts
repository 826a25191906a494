import { moveDrive, moveJob } from './job-states';
import type { Alert, Job } from './model';

const DAY_MS = 24 * 60 * 60 * 1000;

/** docs/contract/import-export.md#c2: the periods of the timer rules, in days from the job's ClockStart. */
const TIMER_DAYS = {
  creatingDeleted: 14,
  shippingOverdue: 14,
  shippingClosed: 44,
  finishedDeleted: 90,
} as const;

/** The rules of docs/contract/import-export.md#c2, named after what they do. */
export type TimerRule = keyof typeof TIMER_DAYS;
export const TIMER_RULES = Object.keys(TIMER_DAYS) as readonly TimerRule[];

/** The kind of the alert the Shipping rule records for operators (listed by GET /operator/jobs). */
export const SHIPPING_OVERDUE = 'ShippingOverdue';

export const addDays = (iso: string, days: number): Date => new Date(Date.parse(iso) + days * DAY_MS);

type Timed = Pick<Job, 'State' | 'ClockStart' | 'Alerts'>;

/**
 * Whether the overdue alert was raised in the job's current Shipping period. ClockStart restarts
 * on every state change, so an alert from an earlier period (Shipping → Faulted → Shipping) does
 * not count.
 */
const isOverdueAlerted = (job: Timed): boolean =>
  (job.Alerts ?? []).some(
    (a) => a.Kind === SHIPPING_OVERDUE && Date.parse(a.Time) >= Date.parse(job.ClockStart),
  );

/** The next timer rule the job is subject to, and when it applies; undefined in untimed states. */
export function nextTimer(job: Timed): { rule: TimerRule; at: Date } | undefined {
  const at = (rule: TimerRule) => ({ rule, at: addDays(job.ClockStart, TIMER_DAYS[rule]) });
  switch (job.State) {
    case 'Creating':
      return at('creatingDeleted');
    case 'Shipping':
      return at(isOverdueAlerted(job) ? 'shippingClosed' : 'shippingOverdue');
    case 'Completed':
    case 'Closed':
      return at('finishedDeleted');
    default:
      return undefined;
  }
}

/** When the job is next due for a sweep: the instant its due-time index entry names. */
export const dueTime = (job: Timed): Date | undefined => nextTimer(job)?.at;

/** When the service deletes the job on its own (docs/contract/import-export.md#c2), or undefined if it never will in its state. */
export function deletionTime(job: Pick<Job, 'State' | 'ClockStart'>): Date | undefined {
  const timer = nextTimer(job);
  return timer?.rule === 'creatingDeleted' || timer?.rule === 'finishedDeleted' ? timer.at : undefined;
}

/** Reads never show a job that a sweep at `now` would delete (docs/contract/import-export.md#c2, last sentence). */
export function isExpired(job: Pick<Job, 'State' | 'ClockStart'>, now: Date): boolean {
  const at = deletionTime(job);
  return at !== undefined && at.getTime() <= now.getTime();
}

/**
 * docs/contract/import-export.md#c2, Shipping for 14 days: every drive still Specified is NeverReceived and an alert is
 * recorded. The job stays Shipping and its clock runs on: the 44-day rule counts from the same start.
 */
function markOverdue(job: Job, now: Date): Job {
  const closes = addDays(job.ClockStart, TIMER_DAYS.shippingClosed).toISOString();
  const alert: Alert = {
    Kind: SHIPPING_OVERDUE,
    Time: now.toISOString(),
    Message: `The package of job ${job.Name} has not arrived ${TIMER_DAYS.shippingOverdue} days after the job started shipping; its drives are marked NeverReceived, and the job closes at ${closes} unless the package arrives.`,
  };
  return {
    ...job,
    DriveList: job.DriveList.map((d) => (d.State === 'Specified' ? moveDrive(d, 'NeverReceived') : d)),
    Alerts: [...(job.Alerts ?? []), alert],
  };
}

/** What the timers do to a job at `now`: nothing, delete it, or write it changed by these rules. */
export type TimerOutcome =
  | { kind: 'none' }
  | { kind: 'delete'; rule: 'creatingDeleted' | 'finishedDeleted' }
  | { kind: 'update'; job: Job; rules: ('shippingOverdue' | 'shippingClosed')[] };

/**
 * Applies every rule that is due at `now`, in order: a Shipping job found 44 days late is marked
 * overdue and closed in the same write. Pure; applying it again to its own result does nothing.
 */
export function applyTimers(job: Job, now: Date): TimerOutcome {
  let current = job;
  const rules: ('shippingOverdue' | 'shippingClosed')[] = [];
  for (;;) {
    const timer = nextTimer(current);
    if (!timer || timer.at.getTime() > now.getTime()) break;
    if (timer.rule === 'creatingDeleted' || timer.rule === 'finishedDeleted') {
      return { kind: 'delete', rule: timer.rule };
    }
    current = timer.rule === 'shippingOverdue' ? markOverdue(current, now) : moveJob(current, 'Closed', now);
    rules.push(timer.rule);
  }
  return rules.length === 0 ? { kind: 'none' } : { kind: 'update', job: current, rules };
}
