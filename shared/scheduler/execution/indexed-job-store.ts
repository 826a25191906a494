import type { SchedulerJobStore } from '../job-store';
import type { CollectionRef, Job } from '../model';
import { dueAt } from './claim-rules';
import type { DueItem, SchedulerDueIndex } from './due-index-port';

/**
 * The jobs API's store with the due-time index kept up: a write that gives a job a due time puts
 * the index row first, so the index never misses a job, and again after it (a visit in between
 * finds no job, or the version before, and takes the row away). A refused write takes its row
 * back, so a rejected request changes nothing (#a7), unless the job as now stored is due at that
 * very time: a row is keyed by job and time only, so a writer that won with the same due time
 * relies on it. A failed write leaves its row, stale, for the executor to drop. `onDue` tells a
 * local executor to wake up (docs/classic-scheduler.md#e7).
 */
export class IndexedJobStore implements SchedulerJobStore {
  constructor(
    private readonly inner: SchedulerJobStore,
    private readonly due: SchedulerDueIndex,
    private readonly onDue: (at: Date) => void = () => undefined,
  ) {}

  get(ref: CollectionRef, jobId: string): Promise<Job | undefined> {
    return this.inner.get(ref, jobId);
  }

  list(...args: Parameters<SchedulerJobStore['list']>): Promise<Job[]> {
    return this.inner.list(...args);
  }

  read(ref: CollectionRef, jobId: string): Promise<{ job: Job; etag: string } | undefined> {
    return this.inner.read(ref, jobId);
  }

  remove(ref: CollectionRef, jobId: string, etag?: string): Promise<boolean> {
    return this.inner.remove(ref, jobId, etag);
  }

  async create(
    ref: CollectionRef,
    job: Job,
    checkedAgainst?: string,
  ): ReturnType<SchedulerJobStore['create']> {
    const row = await this.index(ref, job);
    const created = await this.inner.create(ref, job, checkedAgainst);
    await this.settle(ref, row, created === 'created');
    return created;
  }

  async replace(ref: CollectionRef, job: Job, etag: string): Promise<boolean> {
    const row = await this.index(ref, job);
    const replaced = await this.inner.replace(ref, job, etag);
    await this.settle(ref, row, replaced);
    return replaced;
  }

  private async settle(ref: CollectionRef, row: DueItem | undefined, written: boolean): Promise<void> {
    if (!row) return;
    if (written) {
      // A visit that met the row before the job was written found no job, or the version before,
      // and took the row away: put it again now that the job is there to find.
      await this.due.put(ref, row.jobId, row.at);
      return this.onDue(row.at);
    }
    const stored = await this.inner.get(ref, row.jobId);
    const relied = stored && dueAt(stored)?.getTime() === row.at.getTime();
    // Conditional on the row as this write put it: one put again since is another writer's.
    if (!relied) await this.due.drop([row]);
  }

  private async index(ref: CollectionRef, job: Job): Promise<DueItem | undefined> {
    const at = dueAt(job);
    return at && this.due.put(ref, job.id, at);
  }
}
