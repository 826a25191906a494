import type { Job, JobDefinition } from './model';
import { nextExecutionTime } from './recurrence';

/** The status with the next time recomputed as of `now`; an enabled job with none left is completed. */
export function scheduled(job: Job, now: Date): Job {
  const next = nextExecutionTime(job, now);
  const status = { ...job.status };
  delete status.nextExecutionTime;
  if (next) status.nextExecutionTime = next.toISOString();
  const state = job.state === 'enabled' && !next ? 'completed' : job.state;
  return { ...job, state, status };
}

/**
 * A job from its definition (docs/classic-scheduler.md#c6): a new one, or a replace that keeps the
 * counters, history, id spelling, incarnation and pending attempts, restarts the count tally and anchors S at the PUT.
 */
export function buildJob(
  id: string,
  def: JobDefinition,
  now: Date,
  incarnation: string,
  previous?: Job,
): Job {
  const job: Job = {
    ...def,
    id: previous?.id ?? id,
    anchor: def.startTime ?? now.toISOString(),
    incarnation: previous?.incarnation ?? incarnation,
    occurrences: 0,
    ...(previous?.lastOccurrence !== undefined && { lastOccurrence: previous.lastOccurrence }),
    // Attempts in flight or pending finish under the new definition (docs/classic-scheduler.md#d1):
    // without them the executor's outcome would find its claim gone and be dropped.
    ...(previous?.execution !== undefined && { execution: previous.execution }),
    status: {
      executionCount: previous?.status.executionCount ?? 0,
      failureCount: previous?.status.failureCount ?? 0,
      faultedCount: previous?.status.faultedCount ?? 0,
      ...(previous?.status.lastExecutionTime !== undefined && {
        lastExecutionTime: previous.status.lastExecutionTime,
      }),
    },
  };
  return scheduled(job, now);
}

/**
 * A PATCH (docs/classic-scheduler.md#c6): the merged definition over the job's run state; the
 * tally survives, and the next time is recomputed from now.
 */
export function patchedJob(
  current: Job,
  def: JobDefinition,
  now: Date,
  stateDetails: string | undefined,
): Job {
  const job: Job = {
    ...def,
    id: current.id,
    anchor: def.startTime ?? (current.startTime === undefined ? current.anchor : now.toISOString()),
    incarnation: current.incarnation,
    occurrences: current.occurrences,
    ...(current.lastOccurrence !== undefined && { lastOccurrence: current.lastOccurrence }),
    ...((stateDetails ?? current.stateDetails) !== undefined && {
      stateDetails: stateDetails ?? current.stateDetails,
    }),
    status: current.status,
    ...(current.execution !== undefined && { execution: current.execution }),
  };
  return scheduled(job, now);
}

export const isFinal = (job: Pick<Job, 'state'>): boolean =>
  job.state === 'completed' || job.state === 'faulted';
