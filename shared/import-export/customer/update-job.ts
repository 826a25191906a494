import type { Conditions } from '../../kernel/conditions';
import { ImportExportError } from '../model/errors';
import { jobAt } from './get-job';
import type { JobAddress } from './new-job';
import type { JobPatch } from './job-patch';
import { applyPatch } from './job-patch';
import type { Job, Versioned } from '../model/model';
import type { JobDeps } from '../model/ports';
import { rewriteJob } from '../model/rewrite-job';

export interface UpdateJobCommand extends JobAddress {
  /** The body's `Name`, when given: it must be the job's (docs/contract/import-export.md#a7, as Put). */
  name?: string;
  patch: JobPatch;
  conditions: Conditions;
}

/**
 * Update Job Properties (docs/contract/import-export.md#a7). A read-modify-write that re-reads on a lost race, so
 * concurrent updates never undo one another (docs/contract/import-export.md#d4). The store refuses a tracking number
 * another active job of the subscription holds.
 */
export async function updateJob(deps: JobDeps, cmd: UpdateJobCommand): Promise<Versioned<Job>> {
  if (cmd.name !== undefined && cmd.name.toLowerCase() !== cmd.jobName.toLowerCase()) {
    throw new ImportExportError(
      'JobNameMismatch',
      'The Name in the body differs from the job name in the URI.',
      cmd.name,
    );
  }
  return rewriteJob(
    deps,
    () => jobAt(deps, cmd, cmd.conditions),
    (found) => applyPatch(found.value, cmd.patch, deps.now()),
  );
}
