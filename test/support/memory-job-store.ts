import { ConcurrencyConflict } from '../../shared/kernel/errors';
import { ImportExportError } from '../../shared/import-export/model/errors';
import { isActive } from '../../shared/import-export/model/job-states';
import type { Job, Versioned } from '../../shared/import-export/model/model';
import type { JobListPage, JobListQuery, JobStore, JobWrite } from '../../shared/import-export/model/ports';
import { deletionTime } from '../../shared/import-export/model/timers';

/** A deep copy (jobs are plain JSON); the Date is rebuilt in this realm. */
const copy = (v: Versioned<Job>): Versioned<Job> => ({
  value: JSON.parse(JSON.stringify(v.value)) as Job,
  etag: v.etag,
  lastModified: new Date(v.lastModified),
});

/**
 * An in-memory JobStore for pure unit tests of the use cases. The contract suite
 * (job-store-contract.ts) runs against it and against the Table adapter alike.
 */
export class MemoryJobStore implements JobStore {
  private readonly jobs = new Map<string, Versioned<Job>>();
  private tick = 0;

  private key = (sub: string, name: string) => `${sub}/${name.toLowerCase()}`;

  private version(job: Job): Versioned<Job> {
    const at = new Date(Date.now() + this.tick++);
    return {
      value: JSON.parse(JSON.stringify(job)) as Job,
      etag: `W/"datetime'${encodeURIComponent(at.toISOString())}'"`,
      lastModified: at,
    };
  }

  get(sub: string, name: string): Promise<Versioned<Job> | undefined> {
    const found = this.jobs.get(this.key(sub, name));
    return Promise.resolve(found && copy(found));
  }

  write(w: JobWrite): Promise<Versioned<Job> | undefined> {
    const job = w.kind === 'delete' ? w.previous.value : w.job;
    const key = this.key(job.SubscriptionId, job.Name);
    const current = this.jobs.get(key);
    if (w.kind === 'create' ? current !== undefined : current?.etag !== w.previous.etag) {
      return Promise.reject(new ConcurrencyConflict(job.Name));
    }
    if (w.kind === 'delete') {
      this.jobs.delete(key);
      return Promise.resolve(undefined);
    }
    const before = w.kind === 'update' && isActive(w.previous.value.State) ? 1 : 0;
    if (isActive(w.job.State) && before === 0 && this.active(job.SubscriptionId) + 1 > w.activeJobLimit) {
      return Promise.reject(new ImportExportError('ActiveJobQuotaExceeded', 'quota'));
    }
    const written = this.version(w.job);
    this.jobs.set(key, written);
    return Promise.resolve(copy(written));
  }

  list(q: JobListQuery): Promise<JobListPage> {
    const rows = [...this.jobs.values()]
      .map((v) => v.value)
      .filter(
        (j) =>
          j.SubscriptionId === q.subscriptionId &&
          j.StorageAccountName === q.storageAccountName &&
          (deletionTime(j)?.getTime() ?? Infinity) > q.now.getTime() &&
          (!q.type || j.Type === q.type) &&
          (!q.states?.length || q.states.includes(j.State)) &&
          (!q.from || Date.parse(j.CreatedTime) >= q.from.getTime()) &&
          (!q.to || Date.parse(j.CreatedTime) <= q.to.getTime()),
      )
      .map((j) => ({ at: `${j.CreatedTime}_${j.Name.toLowerCase()}`, j }))
      .sort((a, b) => (a.at < b.at ? -1 : 1))
      .filter((r) => q.after === undefined || r.at > q.after);
    const page = rows.slice(0, q.limit);
    const jobs = page.map(({ j }) => {
      const { DriveList: _d, Export: _e, Credential: _c, ...summary } = j;
      return { ...this.version(j), value: summary };
    });
    const last = page[page.length - 1];
    return Promise.resolve({ jobs, ...(rows.length > q.limit && last && { cursor: last.at }) });
  }

  storageAccounts(sub: string): Promise<string[]> {
    const names = [...this.jobs.values()]
      .filter((v) => v.value.SubscriptionId === sub)
      .map((v) => v.value.StorageAccountName);
    return Promise.resolve([...new Set(names)].sort());
  }

  private active(sub: string): number {
    return [...this.jobs.values()].filter((v) => v.value.SubscriptionId === sub && isActive(v.value.State))
      .length;
  }
}
