import type { CollectionRef, PendingAttempt } from '../model';
import { runAttempt } from './attempt-runner';
import { claimNext, dueAt } from './claim-rules';
import type { DueItem } from './due-index-port';
import type { Dispatch, ExecutorDeps, Stored, VisitEnd } from './executor-ports';
import { attemptIds } from './outbound-headers';
import type { AttemptResult } from './outcome-rules';
import { recordOutcome } from './outcome-rules';
import { VisitTimers } from './visit-timers';

/** A job's visit by this instance: due at `at`; `release` while it still waits for that time. */
interface Held {
  at: number;
  release?: () => void;
}

/** Work items a job may need in one visit (an occurrence, then its error action, ...). */
const MAX_STEPS = 8;
/** Rounds of re-reading a job whose outcome write met another write. */
const RECORD_ATTEMPTS = 20;

/**
 * The executor (docs/scheduler-execution.md): each tick reads what the due-time index says is
 * due, and for each job claims the next attempt with an ETag-conditional write, makes it, and
 * records its outcome conditionally on still holding the claim. Two executors never both make an
 * attempt: one of the two claims fails on the ETag. A crash leaves a claim that lapses, and the
 * attempt is made again later with the same execution tag.
 */
export class Executor {
  constructor(private readonly deps: ExecutorDeps) {}

  /**
   * Jobs being visited by this instance, or waiting for their time (`at`, with `release` while it
   * waits): a row met again meanwhile is left to that visit, unless it is due sooner than one waiting.
   */
  private readonly visiting = new Map<string, Held>();
  /** Visits under way (not those waiting for their time): at most `concurrency`. */
  private active = 0;
  private readonly timers = new VisitTimers();

  /** One pass over what is due now, waiting for it; resolves with the number of attempts made. */
  async tick(): Promise<number> {
    const ends = await Promise.all((await this.dispatch()).started);
    return ends.reduce((a, b) => a + b.made, 0);
  }

  /**
   * Starts a visit for every job due now that this instance is not visiting already, without
   * waiting for them: a slow target must not hold up the next job's start. With `lookaheadMs`,
   * rows due within that much later are read in the same request and their visits timed in this
   * process, so one index read serves a window of executions (docs/scheduler-execution.md#the-loop).
   * `next`: when the index must be read again; `saturated`: the concurrency bound left rows unvisited.
   */
  async dispatch(lookaheadMs = 0): Promise<Dispatch> {
    const now = this.deps.now();
    const upTo = new Date(now.getTime() + lookaheadMs);
    const batch = this.deps.batch ?? 1000;
    const items = await this.deps.due.due(upTo, batch);
    // The window's jobs this process does not know, a few queries per collection instead of a read
    // per visit. Best effort: a visit reads what is still unknown (and reports what fails).
    await this.deps.jobs.prefetch(items).catch(() => undefined);
    // Timed from when the window is in hand: the reads above took time of their own.
    const ready = this.deps.now().getTime();
    const started: Promise<VisitEnd>[] = [];
    let saturated = false;
    for (const item of items) {
      const key = JSON.stringify(
        [item.ref.subscriptionId, item.ref.cloudService, item.ref.jobCollection, item.jobId].map((s) =>
          s.toLowerCase(),
        ),
      );
      const held = this.visiting.get(key);
      // A job made due sooner (by this process's write) than its visit waits for: the sooner row goes.
      if (held && (!held.release || held.at <= item.at.getTime())) continue;
      const wait = item.at.getTime() - ready;
      if (wait <= 0 && this.full()) {
        saturated = true;
        continue;
      }
      held?.release?.();
      const entry: Held = { at: item.at.getTime() };
      // One due now starts here, so that it counts against the bound at once. A timed visit that
      // finds every slot taken leaves its row to the next read, which it asks for.
      let visit: Promise<VisitEnd>;
      if (wait <= 0) visit = this.visit(item);
      else {
        const timed = this.timers.after(wait);
        entry.release = timed.release;
        visit = timed.go.then((yes) => {
          delete entry.release;
          return yes && !this.full() ? this.visit(item) : { made: 0, ...(yes && { due: item.at }) };
        });
      }
      visit = visit.finally(() => {
        if (this.visiting.get(key) === entry) this.visiting.delete(key);
      });
      this.visiting.set(key, entry);
      started.push(visit);
    }
    const last = items[items.length - 1];
    // A full page may hide rows due before the window's end: read again from its last row's time.
    const next = items.length >= batch && last ? last.at : upTo;
    return { started, next, saturated };
  }

  /** Releases the visits still waiting for their time, unvisited: their rows stay for the next read. */
  cancelTimed(): void {
    this.timers.cancelAll();
  }

  /** Every visit slot taken (`concurrency`). */
  private full(): boolean {
    return this.active >= (this.deps.concurrency ?? 64);
  }

  /**
   * Claims, makes and records what the job has due, starting from the version this process last
   * wrote (a stale one fails its claim and is re-read). A decision that writes nothing (not due,
   * expired) is only taken on a fresh read. The visited row moves once, at the end, to where the
   * job is due then: every time the visit gives the job is later than the row.
   */
  private async visit(item: DueItem): Promise<VisitEnd> {
    this.active++;
    try {
      return await this.visitJob(item);
    } finally {
      this.active--;
    }
  }

  private async visitJob(item: DueItem): Promise<VisitEnd> {
    const { jobs, now, instanceId, leaseMs } = this.deps;
    let made = 0;
    let current = await jobs.latest(item.ref, item.jobId);
    let fresh = false;
    let checked = false;
    for (let step = 0; step < MAX_STEPS && current; step++) {
      const at = dueAt(current.job);
      const claim = at && at <= now() ? claimNext(current.job, now(), instanceId, leaseMs) : undefined;
      if (!claim || claim.kind === 'idle' || claim.kind === 'expire') {
        if (!fresh) {
          current = await jobs.read(item.ref, item.jobId);
          fresh = true;
          continue;
        }
        if (claim?.kind === 'expire') {
          // Only the version read: a job deleted and created again under the id meanwhile stays.
          await jobs.remove(item.ref, item.jobId, current.etag);
          current = undefined;
        }
        break;
      }
      // Before the first write: a job its collection's removal left behind is never claimed again,
      // and its row goes (the rows themselves go with the next removal or create under the name).
      if (!checked && !(await this.deps.standing(item.ref))) {
        current = undefined;
        break;
      }
      checked = true;
      const postponed = claim.kind === 'run' ? claim.postponed : undefined;
      const etag = await jobs.write(item.ref, claim.job, current.etag, postponed ? [postponed] : []);
      if (!etag) {
        current = await jobs.read(item.ref, item.jobId);
        fresh = true;
        continue;
      }
      current = { job: claim.job, etag };
      fresh = true;
      if (claim.kind === 'cancel') continue;
      if (postponed) await this.deps.appended(item.ref, item.jobId, postponed.entry);
      const region = await this.deps.region(item.ref);
      const result = await runAttempt(
        this.deps.actions,
        { ref: item.ref, region },
        claim.job,
        claim.attempt,
        now,
      );
      current = await this.record(item.ref, current, claim.attempt, result);
      made++;
    }
    const due = current && dueAt(current.job);
    await this.deps.due.move(item, due);
    return { made, ...(due && { due }) };
  }

  /**
   * Writes the outcome: the job, conditional on its ETag and on still holding the claim, with the
   * history entry (keyed by the attempt's tag, so a re-run writes the same row) in the same
   * transaction. Resolves with the job as it now stands.
   */
  private async record(
    ref: CollectionRef,
    held: Stored,
    attempt: PendingAttempt,
    result: AttemptResult,
  ): Promise<Stored | undefined> {
    const { jobs, instanceId } = this.deps;
    const key = attemptIds({
      incarnation: held.job.incarnation,
      scheduled: new Date(attempt.scheduled),
      actionName: attempt.actionName,
      retryCount: attempt.retryCount,
    }).executionTag;
    let current: Stored | undefined = held;
    for (let round = 0; round < RECORD_ATTEMPTS && current; round++) {
      if (current.job.incarnation !== held.job.incarnation) return current;
      const recorded = recordOutcome(current.job, attempt, instanceId, result);
      if (!recorded) return current;
      const etag = await jobs.write(ref, recorded.job, current.etag, [{ key, entry: recorded.entry }]);
      if (etag) {
        await this.deps.appended(ref, held.job.id, recorded.entry);
        return { job: recorded.job, etag };
      }
      current = await jobs.read(ref, held.job.id);
    }
    return current;
  }
}
