import type { JobHistoryWriter, SchedulerJobStore } from '../job-store';
import type { CollectionRef, Job, PendingAttempt } from '../model';
import type { ActionPorts } from './attempt-runner';
import { runAttempt } from './attempt-runner';
import { claimNext, dueAt } from './claim-rules';
import type { DueItem, SchedulerDueIndex } from './due-index-port';
import { attemptIds } from './outbound-headers';
import type { AttemptResult } from './outcome-rules';
import { recordOutcome } from './outcome-rules';

export interface ExecutorDeps {
  jobs: Pick<SchedulerJobStore, 'read' | 'replace' | 'remove'>;
  history: JobHistoryWriter;
  due: SchedulerDueIndex;
  actions: ActionPorts;
  /** The cloud service's GeoRegion, for `x-ms-scheduler-execution-region`. */
  region: (ref: CollectionRef) => Promise<string>;
  now: () => Date;
  /** This executor instance: who holds a claim. */
  instanceId: string;
  /** `SCHEDULER_HTTP_TIMEOUT` + 30 s: a lapsed lease means a crash (docs/classic-scheduler.md#e6). */
  leaseMs: number;
  /** Due rows read per tick; the rest wait for the next one. */
  batch?: number;
}

/** Work items a job may need in one visit (an occurrence, then its error action, ...). */
const MAX_STEPS = 8;
/** Rounds of re-reading a job whose outcome write met another write. */
const RECORD_ATTEMPTS = 20;

const sameTime = (a: Date | undefined, b: Date) => a !== undefined && a.getTime() === b.getTime();

/**
 * The executor (docs/scheduler-execution.md): each tick reads what the due-time index says is
 * due, and for each job claims the next attempt with an ETag-conditional write, makes it, and
 * records its outcome conditionally on still holding the claim. Two executors never both make an
 * attempt: one of the two claims fails on the ETag. A crash leaves a claim that lapses, and the
 * attempt is made again later with the same execution tag.
 */
export class Executor {
  constructor(private readonly deps: ExecutorDeps) {}

  /** Jobs being visited by this instance: a due row met again meanwhile is left to that visit. */
  private readonly visiting = new Map<string, Promise<number>>();

  /** One pass over what is due now, waiting for it; resolves with the number of attempts made. */
  async tick(): Promise<number> {
    const made = await Promise.all(await this.dispatch());
    return made.reduce((a, b) => a + b, 0);
  }

  /**
   * Starts a visit for every job due now that this instance is not visiting already, without
   * waiting for them: a slow target must not hold up the next job's start (docs/scheduler-execution.md).
   */
  async dispatch(): Promise<Promise<number>[]> {
    const items = await this.deps.due.due(this.deps.now(), this.deps.batch ?? 100);
    const started: Promise<number>[] = [];
    for (const item of items) {
      const key = JSON.stringify(
        [item.ref.subscriptionId, item.ref.cloudService, item.ref.jobCollection, item.jobId].map((s) =>
          s.toLowerCase(),
        ),
      );
      if (this.visiting.has(key)) continue;
      const visit = this.visit(item).finally(() => this.visiting.delete(key));
      this.visiting.set(key, visit);
      started.push(visit);
    }
    return started;
  }

  private async visit(item: DueItem): Promise<number> {
    const { jobs, due, now, instanceId, leaseMs } = this.deps;
    let made = 0;
    for (let step = 0; step < MAX_STEPS; step++) {
      const read = await jobs.read(item.ref, item.jobId);
      const at = read && dueAt(read.job);
      if (!read || !at || at > now()) break;
      const claim = claimNext(read.job, now(), instanceId, leaseMs);
      if (claim.kind === 'idle') break;
      if (claim.kind === 'expire') {
        await jobs.remove(item.ref, item.jobId);
        break;
      }
      const next = dueAt(claim.job);
      if (next) await due.put(item.ref, item.jobId, next);
      if (!(await jobs.replace(item.ref, claim.job, read.etag))) continue;
      if (claim.kind === 'cancel') continue;
      if (claim.postponed)
        await this.deps.history.append(item.ref, item.jobId, claim.postponed.key, claim.postponed.entry);
      const region = await this.deps.region(item.ref);
      const result = await runAttempt(
        this.deps.actions,
        { ref: item.ref, region },
        claim.job,
        claim.attempt,
        now,
      );
      await this.record(item.ref, claim.job, claim.attempt, result);
      made++;
    }
    const after = await jobs.read(item.ref, item.jobId);
    if (!sameTime(after && dueAt(after.job), item.at)) await due.drop(item);
    return made;
  }

  /**
   * Writes the outcome: the history entry first (keyed by the attempt's tag, so a re-run writes
   * the same row), then the job, conditional on its ETag and on still holding the claim.
   */
  private async record(
    ref: CollectionRef,
    claimed: Job,
    attempt: PendingAttempt,
    result: AttemptResult,
  ): Promise<void> {
    const { jobs, due, instanceId } = this.deps;
    const key = attemptIds({
      incarnation: claimed.incarnation,
      scheduled: new Date(attempt.scheduled),
      actionName: attempt.actionName,
      retryCount: attempt.retryCount,
    }).executionTag;
    for (let round = 0; round < RECORD_ATTEMPTS; round++) {
      const read = await jobs.read(ref, claimed.id);
      if (!read || read.job.incarnation !== claimed.incarnation) return;
      const recorded = recordOutcome(read.job, attempt, instanceId, result);
      if (!recorded) return;
      if (round === 0) await this.deps.history.append(ref, claimed.id, key, recorded.entry);
      const next = dueAt(recorded.job);
      if (next) await due.put(ref, claimed.id, next);
      if (await jobs.replace(ref, recorded.job, read.etag)) return;
    }
  }
}
