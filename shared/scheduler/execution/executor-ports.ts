import type { SchedulerJobStore } from '../job-store';
import type { CollectionRef, Job, JobHistoryEntry } from '../model';
import type { ActionPorts } from './attempt-runner';
import type { SchedulerDueIndex } from './due-index-port';

export interface Stored {
  job: Job;
  etag: string;
}

/** A history entry keyed by its attempt, so a re-made attempt writes the same row. */
export interface HistoryAppend {
  key: string;
  entry: JobHistoryEntry;
}

/** The job store as the executor uses it (docs/scheduler-execution.md#storage-cost). */
export interface ExecutionJobStore extends Pick<SchedulerJobStore, 'read' | 'remove'> {
  /** The last version this process wrote, else a read: possibly stale, a start for a conditional write only. */
  latest(ref: CollectionRef, jobId: string): Promise<Stored | undefined>;
  /** Makes these jobs known to `latest` in as few reads as it can. */
  prefetch(jobs: readonly { ref: CollectionRef; jobId: string }[]): Promise<void>;
  /**
   * Writes the job if it is still at `etag`, with the history entries, in one atomic step: the
   * new ETag, or undefined when the job changed or went.
   */
  write(
    ref: CollectionRef,
    job: Job,
    etag: string,
    history?: readonly HistoryAppend[],
  ): Promise<string | undefined>;
}

export interface ExecutorDeps {
  jobs: ExecutionJobStore;
  /** Told of each history entry written (history retention's trim on write). */
  appended: (ref: CollectionRef, jobId: string, entry: JobHistoryEntry) => Promise<void>;
  due: SchedulerDueIndex;
  actions: ActionPorts;
  /**
   * Whether the job's collection still stands: a removal that died after the collection's row
   * went leaves jobs that must never run (standing-collections.ts).
   */
  standing: (ref: CollectionRef) => Promise<boolean>;
  /** The cloud service's GeoRegion, for `x-ms-scheduler-execution-region`. */
  region: (ref: CollectionRef) => Promise<string>;
  now: () => Date;
  /** This executor instance: who holds a claim. */
  instanceId: string;
  /** `SCHEDULER_HTTP_TIMEOUT` + 30 s: a lapsed lease means a crash (docs/classic-scheduler.md#e6). */
  leaseMs: number;
  /** Due rows read per tick; the rest wait for the next one. */
  batch?: number;
  /** Jobs visited at once by this instance: beyond it, due rows wait for a later read. */
  concurrency?: number;
}

/** What a visit did, and when the job needs the executor next. */
export interface VisitEnd {
  made: number;
  due?: Date;
}

export interface Dispatch {
  started: Promise<VisitEnd>[];
  next: Date;
  saturated: boolean;
}
