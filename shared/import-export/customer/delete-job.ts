import type { Conditions } from '../../kernel/conditions';
import { invalidState } from '../model/errors';
import { jobAt } from './get-job';
import type { JobAddress } from './new-job';
import { mayDelete } from './allowed-actions';
import type { Job, Versioned } from '../model/model';
import type { JobDeps } from '../model/ports';
import { retryOnConflict } from '../../kernel/retry';

/**
 * Deletes the version read, if its state allows (docs/contract/import-export.md#a9): only Creating
 * and the finished states (Completed, Closed). The store frees the name, and the quota slot of an
 * active job, in the same write; a version replaced meanwhile is a ConcurrencyConflict.
 */
export async function deleteVersion(deps: Pick<JobDeps, 'store'>, found: Versioned<Job>): Promise<void> {
  const state = found.value.State;
  if (!mayDelete(state)) {
    throw invalidState(
      `A ${state} job cannot be deleted; only Creating, Completed and Closed jobs can.`,
      state,
    );
  }
  await deps.store.write({ kind: 'delete', previous: found });
}

/** Delete Job (docs/contract/import-export.md#a9), re-reading the job at its address on a lost race. */
export async function deleteJob(deps: JobDeps, cmd: JobAddress & { conditions: Conditions }): Promise<void> {
  await retryOnConflict(async () => deleteVersion(deps, await jobAt(deps, cmd, cmd.conditions)));
}
