import type { OperationStore, SchedulerJobStore } from '../job-store';
import type { DueItem, SchedulerDueIndex } from './due-index-port';
import type { HistoryRetention } from './history-retention';
import { jobExpiry } from './retention-rules';

/** Due items read per rule and pass; the rest wait for the next pass. */
const BATCH = 1000;

export interface RetentionDeps {
  jobs: Pick<SchedulerJobStore, 'read' | 'remove'>;
  /** The executor's due-time index: a finished job's row sits at the end of its retention. */
  due: SchedulerDueIndex;
  history: HistoryRetention;
  operations: Pick<OperationStore, 'removeExpired'>;
}

export interface RetentionReport {
  jobsDeleted: number;
  historyEntriesDeleted: number;
  operationsDeleted: number;
}

/**
 * The Scheduler's retention (docs/classic-scheduler.md#e8) as of `now`, for the sweep timer and
 * POST /operator/sweep: finished jobs past their 60 days, history past 1000 entries or 60 days,
 * operation records past 7 days. Each rule reads only what its index says is due; it never
 * executes a job, and a race lost to the executor or another pass is skipped.
 */
export async function runRetention(
  d: RetentionDeps,
  now: Date,
  log: { log(...args: unknown[]): void } = console,
): Promise<RetentionReport> {
  const report = {
    jobsDeleted: await expireJobs(d, now),
    historyEntriesDeleted: await d.history.visitDue(now, BATCH),
    operationsDeleted: await d.operations.removeExpired(now, BATCH),
  };
  if (Object.values(report).some((n) => n > 0)) log.log(`scheduler retention: ${JSON.stringify(report)}`);
  return report;
}

async function expireJobs(d: RetentionDeps, now: Date): Promise<number> {
  let deleted = 0;
  const gone: DueItem[] = [];
  for (const item of await d.due.due(now, BATCH)) {
    const current = await d.jobs.read(item.ref, item.jobId);
    const expiry = current && jobExpiry(current.job);
    // Anything else due is the executor's: a job to run, a retry, a lapsed claim.
    if (!expiry || expiry > now) continue;
    // Only the version read: a job deleted and created again under the id meanwhile stays.
    if (await d.jobs.remove(item.ref, item.jobId, current.etag)) deleted++;
    gone.push(item);
  }
  if (gone.length > 0) await d.due.drop(gone);
  return deleted;
}
