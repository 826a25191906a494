import type { Job, JobState, JobSummary, JobType, Versioned } from './model';
import type { Locations } from './locations';

/**
 * A write to the job store. Every write but `create` is conditional on the version it read
 * (docs/contract/import-export.md#d4) and fails with ConcurrencyConflict when that version is no longer current; `create`
 * fails the same way when the name is taken meanwhile. The store keeps the subscription's
 * active-job count in the same atomic write (docs/contract/import-export.md#d3): a write that would raise it above
 * `activeJobLimit` fails with ActiveJobQuotaExceeded and changes nothing. Likewise, a write that
 * would give an active job a DeliveryPackage tracking number another active job of the
 * subscription holds fails with InvalidJobState (docs/contract/import-export.md#a7; see tracking-numbers.ts).
 */
export type JobWrite =
  | { kind: 'create'; job: Job; activeJobLimit: number }
  | { kind: 'update'; job: Job; previous: Versioned<Job>; activeJobLimit: number }
  | { kind: 'delete'; previous: Versioned<Job> };

export interface JobListQuery {
  subscriptionId: string;
  storageAccountName: string;
  type?: JobType;
  states?: readonly JobState[];
  /** Inclusive bounds on CreatedTime. */
  from?: Date;
  to?: Date;
  /** Jobs the service would already have deleted at this instant are left out (docs/contract/import-export.md#c2). */
  now: Date;
  /** Resume after this store position (from a previous page's `cursor`). */
  after?: string;
  limit: number;
}

export interface JobListPage {
  jobs: Versioned<JobSummary>[];
  /** The store position of the last job returned, present when more jobs remain. */
  cursor?: string;
}

export interface JobStore {
  /** Case-insensitive on the name. */
  get(subscriptionId: string, name: string): Promise<Versioned<Job> | undefined>;
  write(w: JobWrite): Promise<Versioned<Job> | undefined>;
  /** Ordered by CreatedTime, oldest first; filters run in the store's query. */
  list(q: JobListQuery): Promise<JobListPage>;
  /** The storage accounts that have at least one job in the subscription, sorted. */
  storageAccounts(subscriptionId: string): Promise<string[]>;
}

/** What the job use cases need from the outside world. */
export interface JobDeps {
  store: JobStore;
  now: () => Date;
  locations: Locations;
  activeJobLimit: number;
}

/**
 * An entry of the due-time index (docs/contract/import-export.md#c2): the job was due for a sweep at `dueAt` when the entry
 * was written. Entries may be stale; the sweeper re-reads the job before it acts.
 */
export interface DueEntry {
  subscriptionId: string;
  name: string;
  dueAt: Date;
  /** The entry's own version, so that removing a stale entry never removes a rewritten one. */
  etag: string;
}

export interface DueIndex {
  /** The entries due at or before `now`, earliest first, a page at a time; never a scan of jobs. */
  pages(now: Date): AsyncIterable<DueEntry[]>;
  /** Removes a stale entry; false when it was already gone or has been rewritten since it was read. */
  drop(entry: DueEntry): Promise<boolean>;
}
