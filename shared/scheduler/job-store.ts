import type { CloudService, JobCollection, OperationRecord } from './model-collections';
import type { CollectionRef, HistoryStatus, Job, JobHistoryEntry, JobState } from './model';

/**
 * The jobs' persistence port. Writes that change how many jobs a collection holds go through the
 * collection's own counter, so a quota check and the write are one atomic step
 * (docs/classic-scheduler.md#c8).
 */
export interface SchedulerJobStore {
  get(ref: CollectionRef, jobId: string): Promise<Job | undefined>;
  /** Sorted by upper-cased id, ordinally (docs/classic-scheduler.md#c7). */
  list(ref: CollectionRef, filter?: { state?: JobState }): Promise<Job[]>;
  /**
   * Creates a job if the collection has a free slot and no job has the id: 'created', 'exists' or
   * 'full'. `maxJobCount` is read from the collection inside the same atomic step. With
   * `checkedAgainst` (the collection's ETag its other quotas were checked against), 'changed' when
   * the collection was updated since: the create commits only against that version.
   */
  create(
    ref: CollectionRef,
    job: Job,
    checkedAgainst?: string,
  ): Promise<'created' | 'exists' | 'full' | 'no-collection' | 'changed'>;
  /** Replaces an existing job, unless it changed since it was read (`etag`): false when it did. */
  replace(ref: CollectionRef, job: Job, etag: string): Promise<boolean>;
  /** The job and the ETag that `replace` checks. */
  read(ref: CollectionRef, jobId: string): Promise<{ job: Job; etag: string } | undefined>;
  /**
   * Removes a job, its slot and its history: false when it did not exist, or (with `etag`) when it
   * is no longer that version.
   */
  remove(ref: CollectionRef, jobId: string, etag?: string): Promise<boolean>;
}

/** History read side; the executor writes entries (docs/classic-scheduler.md#d8). */
export interface JobHistoryReader {
  /** Newest first. */
  list(
    ref: CollectionRef,
    jobId: string,
    filter?: { status?: HistoryStatus; state?: JobState },
  ): Promise<JobHistoryEntry[]>;
}

export interface JobHistoryWriter {
  /** Idempotent: an entry is keyed by its attempt (`key`). */
  append(ref: CollectionRef, jobId: string, key: string, entry: JobHistoryEntry): Promise<void>;
}

/** The store side of history retention (docs/classic-scheduler.md#e8); the rules decide what goes. */
export interface JobHistoryTrimmer {
  /** The job's entries' end times, newest first, with the keys `removeEntries` takes. */
  endTimes(ref: CollectionRef, jobId: string): Promise<{ key: string; endTime: string }[]>;
  removeEntries(ref: CollectionRef, jobId: string, keys: readonly string[]): Promise<void>;
}

export interface CloudServiceStore {
  get(subscriptionId: string, name: string): Promise<CloudService | undefined>;
  list(subscriptionId: string): Promise<CloudService[]>;
  create(subscriptionId: string, service: CloudService): Promise<boolean>;
  remove(subscriptionId: string, name: string): Promise<boolean>;
  /**
   * Marks the service as being removed until `until`, so that a collection created in it meanwhile
   * backs out (docs/classic-scheduler.md#b2): false when it does not exist.
   */
  markRemoving(subscriptionId: string, name: string, until: Date): Promise<boolean>;
  /** Clears that mark: the removal was refused. */
  unmarkRemoving(subscriptionId: string, name: string): Promise<void>;
  /** The service, when it exists and is not being removed at `now`: a collection may be created in it. */
  accepting(subscriptionId: string, name: string, now: Date): Promise<CloudService | undefined>;
}

export interface CollectionStore {
  get(subscriptionId: string, cloudService: string, name: string): Promise<JobCollection | undefined>;
  /** Every collection of a subscription, or of one of its cloud services. */
  list(subscriptionId: string, cloudService?: string): Promise<JobCollection[]>;
  create(subscriptionId: string, collection: JobCollection): Promise<boolean>;
  /**
   * Applies `change` to the current collection atomically (re-read and re-applied when a job write
   * raced it); `change` may throw. Undefined when the collection does not exist.
   */
  modify(
    subscriptionId: string,
    cloudService: string,
    name: string,
    change: (current: JobCollection) => JobCollection,
  ): Promise<JobCollection | undefined>;
  /** Removes the collection with its jobs and their history. */
  remove(subscriptionId: string, cloudService: string, name: string): Promise<boolean>;
}

export interface RegistrationStore {
  isRegistered(subscriptionId: string): Promise<boolean>;
  /** False when it already was (register) or was not (unregister). */
  setRegistered(subscriptionId: string, registered: boolean): Promise<boolean>;
}

export interface OperationStore {
  /** Stores the record, to be removed by `removeExpired` from `expiresAt` on. */
  put(op: OperationRecord, expiresAt: Date): Promise<void>;
  getOperation(subscriptionId: string, id: string): Promise<OperationRecord | undefined>;
  /** Removes up to `limit` records expired by `upTo`, reading only those: how many went. */
  removeExpired(upTo: Date, limit: number): Promise<number>;
}
