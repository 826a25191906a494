import type { CollectionRef } from '../model';

/** One row of the Scheduler's due-time index: this job needs the executor at `at`. */
export interface DueItem {
  ref: CollectionRef;
  jobId: string;
  at: Date;
  /** The row's version: a drop only removes the row as it was read. */
  etag: string;
}

/**
 * The Scheduler's due-time index (docs/scheduler-execution.md#the-due-time-index). Invariant:
 * whenever a job is stored with a due time, a row for that time *or an earlier one* exists. The
 * jobs API puts the row before its write; the executor, which only ever moves a job's due time
 * later than the row it visits by, moves that row once at the end of its visit. Rows that are
 * stale (their job moved on) are dropped as they are met. Reads cost what is due, never what is
 * merely stored.
 */
export interface SchedulerDueIndex {
  /** Resolves with the row as written, so its writer can drop it later without reading it. */
  put(ref: CollectionRef, jobId: string, at: Date): Promise<DueItem>;
  /** Rows due by `upTo`, earliest first, at most `limit`. */
  due(upTo: Date, limit: number): Promise<DueItem[]>;
  /** Removes rows as they were read or written; one rewritten since is kept. */
  drop(items: readonly DueItem[]): Promise<void>;
  /** Replaces a row by one at `to` (none when undefined) in one step. */
  move(item: DueItem, to: Date | undefined): Promise<void>;
}
