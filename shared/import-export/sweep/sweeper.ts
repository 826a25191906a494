import { ConcurrencyConflict, KernelError } from '../../kernel/errors';
import type { DueEntry, DueIndex, JobStore } from '../model/ports';
import type { TimerRule } from '../model/timers';
import { applyTimers, dueTime, TIMER_RULES } from '../model/timers';

export interface SweepDeps {
  store: JobStore;
  due: DueIndex;
  /** Told of a job the sweep could not handle (a bug, not a race); the sweep goes on without it. */
  onError?: (entry: DueEntry, err: unknown) => void;
}

/** What a sweep did (docs/contract/import-export.md#b, POST /operator/sweep: counts per rule). */
export interface SweepReport {
  rules: Record<TimerRule, number>;
  /** Index entries that no longer matched their job, removed. */
  staleEntries: number;
  /** Due jobs another writer (a concurrent sweep, a customer) changed first: left to it. */
  skipped: number;
  failed: number;
}

/** Due jobs handled at once: enough to overlap storage round trips, few enough to stay gentle. */
const PARALLEL = 8;

export const emptyReport = (): SweepReport => ({
  rules: Object.fromEntries(TIMER_RULES.map((r) => [r, 0])) as Record<TimerRule, number>,
  staleEntries: 0,
  skipped: 0,
  failed: 0,
});

/**
 * Applies the timers of docs/contract/import-export.md#c2 to every job the due-time index names up to `now`.
 *
 * - Its cost follows the due entries, never the number of jobs: one index query, then per entry a
 *   read of its job and at most one conditional write.
 * - Idempotent: each write moves the job's due time past `now` (or deletes the job), so a second
 *   sweep at the same instant finds nothing left to do.
 * - Concurrent sweeps are safe: every write is conditional on the version read, and the loser of
 *   a race skips the job (the winner did the work).
 * - Resumable: each job changes in one atomic write, and its index entry is written before it, so
 *   a sweep that stops half-way leaves only jobs still due (with their entries) or stale entries,
 *   which the next sweep handles.
 */
export async function sweep(deps: SweepDeps, now: Date): Promise<SweepReport> {
  const report = emptyReport();
  for await (const page of deps.due.pages(now)) {
    for (let i = 0; i < page.length; i += PARALLEL) {
      await Promise.all(page.slice(i, i + PARALLEL).map((entry) => settle(deps, entry, now, report)));
    }
  }
  return report;
}

async function settle(deps: SweepDeps, entry: DueEntry, now: Date, report: SweepReport): Promise<void> {
  try {
    await sweepEntry(deps, entry, now, report);
  } catch (err) {
    if (err instanceof ConcurrencyConflict) {
      report.skipped++;
      return;
    }
    // The store is down: every other job would fail the same way. Stop; the next sweep resumes.
    if (err instanceof KernelError && err.code === 'ServiceUnavailable') throw err;
    report.failed++;
    deps.onError?.(entry, err);
  }
}

async function sweepEntry(deps: SweepDeps, entry: DueEntry, now: Date, report: SweepReport): Promise<void> {
  const found = await deps.store.get(entry.subscriptionId, entry.name);
  const due = found && dueTime(found.value);
  if (due?.getTime() !== entry.dueAt.getTime()) {
    // A write that failed after its entry, a deleted job, or a race another sweep already settled.
    if (await deps.due.drop(entry)) report.staleEntries++;
    else report.skipped++;
  }
  if (!found) return;
  const outcome = applyTimers(found.value, now);
  switch (outcome.kind) {
    case 'none':
      return;
    case 'delete':
      await deps.store.write({ kind: 'delete', previous: found });
      report.rules[outcome.rule]++;
      return;
    case 'update':
      // The timers only ever free quota slots (Shipping → Closed), so no limit applies.
      await deps.store.write({ kind: 'update', previous: found, job: outcome.job, activeJobLimit: Infinity });
      for (const rule of outcome.rules) report.rules[rule]++;
      return;
  }
}
