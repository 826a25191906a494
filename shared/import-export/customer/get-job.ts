import type { Conditions } from '../../kernel/conditions';
import { notFound, requireConditions } from '../model/errors';
import type { JobAddress } from './new-job';
import type { Job, Versioned } from '../model/model';
import type { JobDeps } from '../model/ports';
import { isExpired } from '../model/timers';

/** Reads a job; a job a sweep would already have deleted is not there (docs/contract/import-export.md#c2). */
export async function findJob(
  deps: Pick<JobDeps, 'store' | 'now'>,
  subscriptionId: string,
  name: string,
): Promise<Versioned<Job>> {
  const found = await deps.store.get(subscriptionId, name);
  if (!found || isExpired(found.value, deps.now())) throw notFound(`job ${name}`);
  return found;
}

/**
 * Get Job (docs/contract/import-export.md#a6). When the URI names a storage account, the job must belong to it. An unmet
 * condition is 412 on GET too: the classic service never answered 304.
 */
export async function getJob(
  deps: Pick<JobDeps, 'store' | 'now'>,
  q: { subscriptionId: string; jobName: string; storageAccountName?: string; conditions: Conditions },
): Promise<Versioned<Job>> {
  const found = await findJob(deps, q.subscriptionId, q.jobName);
  if (q.storageAccountName !== undefined && found.value.StorageAccountName !== q.storageAccountName) {
    throw notFound(`job ${q.jobName} of storage account ${q.storageAccountName}`);
  }
  requireConditions(q.conditions, found);
  return found;
}

/** Reads the job at its `/storageaccounts/{account}/jobs/{job}` address, conditions checked (404, 412). */
export const jobAt = (deps: Pick<JobDeps, 'store' | 'now'>, at: JobAddress, conditions: Conditions) =>
  getJob(deps, {
    subscriptionId: at.subscriptionId,
    jobName: at.jobName,
    storageAccountName: at.storageAccountName,
    conditions,
  });
