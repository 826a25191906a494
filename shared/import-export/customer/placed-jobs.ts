import type { Conditions } from '../../kernel/conditions';
import { deleteVersion } from './delete-job';
import { retryOnConflict } from '../../kernel/retry';
import { ImportExportError, requireConditions } from '../model/errors';
import type { Placement } from './job-spec';
import type { Job, JobSummary, Versioned } from '../model/model';
import type { JobDeps } from '../model/ports';
import { isExpired } from '../model/timers';

/**
 * Jobs addressed Resource Manager's way: by subscription, resource group and name
 * (docs/arm-import-export.md#d3). A job no ARM request placed sits in the classic group.
 */
export const groupOf = (job: Pick<Job, 'ResourceGroup'>, classicGroup: string): string =>
  job.ResourceGroup ?? classicGroup;

const sameGroup = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The live job of that name in that group, or undefined. */
async function placedJob(
  deps: Pick<JobDeps, 'store' | 'now'>,
  at: Placement,
  classicGroup: string,
): Promise<Versioned<Job> | undefined> {
  const found = await deps.store.get(at.subscriptionId, at.jobName);
  if (!found || isExpired(found.value, deps.now())) return undefined;
  return sameGroup(groupOf(found.value, classicGroup), at.resourceGroup) ? found : undefined;
}

/** The job, or 404 naming it and its group; the conditions checked (412). */
export async function requirePlacedJob(
  deps: Pick<JobDeps, 'store' | 'now'>,
  at: Placement,
  classicGroup: string,
  conditions: Conditions,
): Promise<Versioned<Job>> {
  const found = await placedJob(deps, at, classicGroup);
  requireConditions(conditions, found);
  if (!found) {
    throw new ImportExportError(
      'ResourceNotFound',
      `The job '${at.jobName}' was not found in resource group '${at.resourceGroup}'.`,
    );
  }
  return found;
}

/**
 * Deletes the job (docs/arm-import-export.md#c6): Creating, Completed and Closed jobs; a job that
 * is not there is no error, since both Microsoft clients refuse any status but 200. A lost race
 * reads the job again at its placement, group included: one deleted meanwhile is done (200), and
 * one of that name placed in another group meanwhile is not this request's to delete.
 */
export async function removePlacedJob(
  deps: JobDeps,
  at: Placement,
  classicGroup: string,
  conditions: Conditions,
): Promise<void> {
  await retryOnConflict(async () => {
    const found = await placedJob(deps, at, classicGroup);
    requireConditions(conditions, found);
    if (found) await deleteVersion(deps, found);
  });
}

/** The BitLocker keys a customer may read (docs/arm-import-export.md#c8). */
export function bitLockerKeysOf(job: Job): { driveId: string; key: string }[] {
  return job.DriveList.filter((d) => d.BitLockerKey !== undefined)
    .filter((d) => job.Type === 'Import' || d.State === 'ShippedBack')
    .map((d) => ({ driveId: d.DriveId, key: d.BitLockerKey ?? '' }));
}

/** A job's position in Resource Manager's lists: creation time, then name. */
export const listPosition = (j: Pick<JobSummary, 'CreatedTime' | 'Name'>): string =>
  `${j.CreatedTime}_${j.Name.toLowerCase()}`;

/** The subscription's live jobs (of one group, when given), oldest first (docs/arm-import-export.md#c7). */
export async function placedJobs(
  deps: Pick<JobDeps, 'store' | 'now'>,
  subscriptionId: string,
  group: string | undefined,
  classicGroup: string,
): Promise<Versioned<JobSummary>[]> {
  const all = await deps.store.summaries(subscriptionId, deps.now());
  return all
    .filter((j) => group === undefined || sameGroup(groupOf(j.value, classicGroup), group))
    .sort((a, b) => (listPosition(a.value) < listPosition(b.value) ? -1 : 1));
}
