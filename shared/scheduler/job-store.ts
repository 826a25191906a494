import type { CloudService, JobCollection } from './model-collections';
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
   * 'full'. `maxJobCount` is read from the collection inside the same atomic step.
   */
  create(ref: CollectionRef, job: Job): Promise<'created' | 'exists' | 'full' | 'no-collection'>;
  /** Replaces an existing job, unless it changed since it was read (`etag`): false when it did. */
  replace(ref: CollectionRef, job: Job, etag: string): Promise<boolean>;
  /** The job and the ETag that `replace` checks. */
  read(ref: CollectionRef, jobId: string): Promise<{ job: Job; etag: string } | undefined>;
  /** Removes a job, its slot and its history: false when it did not exist. */
  remove(ref: CollectionRef, jobId: string): Promise<boolean>;
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

export interface CloudServiceStore {
  get(subscriptionId: string, name: string): Promise<CloudService | undefined>;
  list(subscriptionId: string): Promise<CloudService[]>;
  create(subscriptionId: string, service: CloudService): Promise<boolean>;
  remove(subscriptionId: string, name: string): Promise<boolean>;
}

export interface CollectionStore {
  get(subscriptionId: string, cloudService: string, name: string): Promise<JobCollection | undefined>;
  listIn(subscriptionId: string, cloudService: string): Promise<JobCollection[]>;
  listAll(subscriptionId: string): Promise<JobCollection[]>;
  create(subscriptionId: string, collection: JobCollection): Promise<boolean>;
  /** Conditional on the collection's stored ETag (its `etag` field before the change). */
  update(subscriptionId: string, collection: JobCollection, previousEtag: string): Promise<boolean>;
  remove(subscriptionId: string, cloudService: string, name: string): Promise<boolean>;
}
