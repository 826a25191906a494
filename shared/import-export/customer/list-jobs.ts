import type { JobState, JobSummary, JobType } from '../model/model';
import type { JobDeps } from '../model/ports';

/** docs/contract/import-export.md#a10: a page holds at most 1000 jobs. */
export const MAX_PAGE_SIZE = 1000;

export interface JobFilter {
  type?: JobType;
  states?: readonly JobState[];
  /** Inclusive bounds on CreatedTime. */
  from?: Date;
  to?: Date;
}

/** Where a listing stands between pages: the store position of the last job and the jobs returned so far. */
export interface ListPosition {
  after: string;
  returned: number;
}

export interface ListJobsQuery {
  subscriptionId: string;
  storageAccountName: string;
  filter: JobFilter;
  /** Caps the whole result across pages, not only one page (docs/contract/import-export.md#a10). */
  top?: number;
  resume?: ListPosition;
}

export interface JobsPage {
  jobs: JobSummary[];
  /** Present when more jobs remain within `top`. */
  next?: ListPosition;
}

/** List Jobs (docs/contract/import-export.md#a10): one page, oldest first; the filters run in the store's query. */
export async function listJobs(deps: Pick<JobDeps, 'store' | 'now'>, q: ListJobsQuery): Promise<JobsPage> {
  const returned = q.resume?.returned ?? 0;
  const limit = Math.min(MAX_PAGE_SIZE, (q.top ?? Infinity) - returned);
  if (limit <= 0) return { jobs: [] };
  const page = await deps.store.list({
    subscriptionId: q.subscriptionId,
    storageAccountName: q.storageAccountName,
    ...q.filter,
    now: deps.now(),
    ...(q.resume && { after: q.resume.after }),
    limit,
  });
  const total = returned + page.jobs.length;
  const more = page.cursor !== undefined && (q.top === undefined || total < q.top);
  return {
    jobs: page.jobs.map((j) => j.value),
    ...(more && page.cursor !== undefined && { next: { after: page.cursor, returned: total } }),
  };
}
