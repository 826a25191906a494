import type { Job } from '../model';

const DAY_MS = 86_400_000;

/**
 * docs/classic-scheduler.md#e8: a job keeps "the last 1000 executions or 2 months, whichever is
 * smaller" of history, and a completed or faulted job is kept 60 days after its final state.
 */
const HISTORY_LIMIT = 1000;
const HISTORY_MAX_AGE_MS = 60 * DAY_MS;
const FINISHED_JOB_RETENTION_MS = 60 * DAY_MS;
/** docs/classic-scheduler.md#a6: Get Operation Status answers for 7 days (clients rely on 24 h). */
const OPERATION_RETENTION_MS = 7 * DAY_MS;

/** When a finished job (and its history) is deleted; undefined while it can still run. */
export function jobExpiry(job: Job): Date | undefined {
  if (job.state !== 'completed' && job.state !== 'faulted') return undefined;
  const finished = job.execution?.finishedAt;
  return finished ? new Date(Date.parse(finished) + FINISHED_JOB_RETENTION_MS) : undefined;
}

/** When a history entry that ended at `endTime` expires. */
export const historyExpiry = (endTime: Date): Date => new Date(endTime.getTime() + HISTORY_MAX_AGE_MS);

/** Which of a job's entries, oldest first, retention drops at `now`: over the cap or too old. */
export function entriesToDrop<T extends { endTime: string }>(oldestFirst: readonly T[], now: Date): T[] {
  const over = Math.max(0, oldestFirst.length - HISTORY_LIMIT);
  return oldestFirst.filter((e, i) => i < over || historyExpiry(new Date(e.endTime)) <= now);
}

/**
 * What a history read shows at `now`, newest first: the entries retention keeps, even where the
 * store has not trimmed yet (trimming is amortised, docs/scheduler-execution.md#retention).
 */
export function retainedHistory<T extends { endTime: string }>(newestFirst: readonly T[], now: Date): T[] {
  return newestFirst.slice(0, HISTORY_LIMIT).filter((e) => historyExpiry(new Date(e.endTime)) > now);
}

/** When the record of an operation created at `createdAt` is removed. */
export const operationExpiry = (createdAt: Date): Date =>
  new Date(createdAt.getTime() + OPERATION_RETENTION_MS);
