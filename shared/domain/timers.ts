import type { Job } from './model';

const DAY_MS = 24 * 60 * 60 * 1000;

/** SPEC C.2: the periods of the timer rules, in days. */
export const TIMER_DAYS = {
  creatingDeleted: 14,
  shippingOverdue: 14,
  shippingClosed: 44,
  finishedDeleted: 90,
} as const;

export const addDays = (iso: string, days: number): Date => new Date(Date.parse(iso) + days * DAY_MS);

/** When the service deletes the job on its own (SPEC C.2), or undefined if it never will in its state. */
export function deletionTime(job: Pick<Job, 'State' | 'ClockStart'>): Date | undefined {
  switch (job.State) {
    case 'Creating':
      return addDays(job.ClockStart, TIMER_DAYS.creatingDeleted);
    case 'Completed':
    case 'Closed':
      return addDays(job.ClockStart, TIMER_DAYS.finishedDeleted);
    default:
      return undefined;
  }
}

/** Reads never show a job that a sweep at `now` would delete (SPEC C.2, last sentence). */
export function isExpired(job: Pick<Job, 'State' | 'ClockStart'>, now: Date): boolean {
  const at = deletionTime(job);
  return at !== undefined && at.getTime() <= now.getTime();
}
