import type { Job, JobHistoryEntry, JobState, PendingAttempt } from '../model';
import { sameAttempt } from './claim-rules';
import { effectiveRetry } from './retry-rules';
import { utcTime } from './utc-time';

export interface AttemptResult {
  success: boolean;
  message: string;
  startedAt: Date;
  endedAt: Date;
}

export interface Recorded {
  job: Job;
  entry: JobHistoryEntry;
}

/**
 * Applies an attempt's result to its job (docs/classic-scheduler.md#d1, #d6, #d7): counters,
 * state, the next retry or the error action, and the history entry, all in one value so the
 * caller writes them together. Undefined when `by` no longer holds the attempt's claim (a lapsed
 * lease re-claimed elsewhere, a disable, a delete): a stale result is dropped (#e6).
 */
export function recordOutcome(
  job: Job,
  attempt: PendingAttempt,
  by: string,
  result: AttemptResult,
): Recorded | undefined {
  const pending = job.execution?.pending ?? [];
  const held = pending.find((p) => sameAttempt(p, attempt) && p.claim?.by === by);
  if (!held) return undefined;
  const rest = pending.filter((p) => p !== held);
  const retry = effectiveRetry(job.action.retryPolicy);
  const main = held.actionName === 'MainAction';
  const status = { ...job.status };
  let state: JobState = job.state;
  const follow: PendingAttempt[] = [];
  const ended = result.endedAt.getTime();
  const base = { scheduled: held.scheduled, repeatCount: held.repeatCount, final: held.final };
  if (main && !result.success) status.failureCount += 1;
  if (!result.success && held.retryCount < retry.count) {
    // A retry starts retryInterval after the previous attempt ended (#d6).
    const dueAt = new Date(ended + retry.intervalMs).toISOString();
    follow.push({ ...base, actionName: held.actionName, retryCount: held.retryCount + 1, dueAt });
  } else if (main && !result.success) {
    status.faultedCount += 1;
    if (job.action.errorAction) {
      follow.push({
        ...base,
        actionName: 'ErrorAction',
        retryCount: 0,
        dueAt: new Date(ended).toISOString(),
      });
    }
  }
  const resolved = main && (result.success || held.retryCount >= retry.count);
  // The error action's outcome never changes the state (#d1); a disable meanwhile stays. The
  // attempt was its definition's last, but a PUT or PATCH since may have given the job more.
  const last = held.final && !job.status.nextExecutionTime;
  if (resolved && last && job.state === 'enabled') state = result.success ? 'completed' : 'faulted';
  if (state !== 'enabled') delete status.nextExecutionTime;
  const finishedAt = state !== job.state ? result.endedAt.toISOString() : job.execution?.finishedAt;
  const entry: JobHistoryEntry = {
    jobId: job.id,
    timestamp: utcTime(result.endedAt),
    startTime: utcTime(result.startedAt),
    endTime: utcTime(result.endedAt),
    state,
    status: result.success ? 'completed' : 'failed',
    message: result.message,
    actionName: held.actionName,
    retryCount: held.retryCount,
    repeatCount: held.repeatCount,
    expectedExecutionTime: utcTime(new Date(held.scheduled)),
  };
  const execution = { pending: [...rest, ...follow], ...(finishedAt && { finishedAt }) };
  return { job: { ...job, state, status, execution }, entry };
}
