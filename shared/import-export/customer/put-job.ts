import type { Conditions } from '../../kernel/conditions';
import { ConcurrencyConflict } from '../../kernel/errors';
import { ImportExportError, requireConditions } from '../model/errors';
import type { JobAddress, NewJob } from './new-job';
import { defineJob } from './new-job';
import type { Job, Versioned } from '../model/model';
import type { JobDeps } from '../model/ports';
import { retryOnConflict } from '../../kernel/retry';
import { writeJob } from '../model/rewrite-job';
import { isExpired } from '../model/timers';

export interface PutJobCommand extends JobAddress {
  input: NewJob;
  conditions: Conditions;
}

/** Conditions a job that does not exist yet meets: a create may be tried before any read. */
const createMayMeet = (c: Conditions): boolean =>
  c.kind === 'none' || (c.kind === 'ifNoneMatch' && c.etags === '*');

/**
 * Most Puts create a new job, so one is tried first, without reading: the store refuses it if the
 * name is taken, and the full path below then reads the job and decides. A full quota is no answer
 * yet either: replacing a Creating job keeps its slot.
 */
async function createIfNew(
  deps: JobDeps,
  conditions: Conditions,
  job: Job,
): Promise<Versioned<Job> | undefined> {
  if (!createMayMeet(conditions)) return undefined;
  try {
    return await writeJob(deps.store, { kind: 'create', job, activeJobLimit: deps.activeJobLimit });
  } catch (err) {
    if (err instanceof ConcurrencyConflict) return undefined;
    if (err instanceof ImportExportError && err.code === 'ActiveJobQuotaExceeded') return undefined;
    throw err;
  }
}

/**
 * Put Job (docs/contract/import-export.md#a5). A new name takes a quota slot; a name whose job is still Creating is
 * replaced, keeping its slot, its creation time and its first spelling, with its clock restarted;
 * any other state is 409 whatever the conditional headers.
 */
export async function putJob(deps: JobDeps, cmd: PutJobCommand): Promise<Versioned<Job>> {
  const now = deps.now();
  const fresh = defineJob(cmd.input, cmd, deps.locations, now);
  const created = await createIfNew(deps, cmd.conditions, fresh);
  if (created) return created;
  return retryOnConflict(async () => {
    const found = await deps.store.get(cmd.subscriptionId, cmd.jobName);
    // A job past its deletion time is gone (docs/contract/import-export.md#c2), swept or not: its
    // name takes a new job, as it would once the sweep has run. Its row is overwritten.
    const current = found && !isExpired(found.value, now) ? found : undefined;
    if (current && current.value.State !== 'Creating') {
      throw new ImportExportError(
        'JobAlreadyExists',
        `A job named ${current.value.Name} already exists and is ${current.value.State}.`,
        current.value.Name,
      );
    }
    if (current && current.value.StorageAccountName !== cmd.storageAccountName) {
      throw new ImportExportError(
        'JobAlreadyExists',
        `A job named ${current.value.Name} already exists for storage account ${current.value.StorageAccountName}.`,
        current.value.Name,
      );
    }
    requireConditions(cmd.conditions, current);
    const job = current
      ? { ...fresh, Name: current.value.Name, CreatedTime: current.value.CreatedTime }
      : fresh;
    return writeJob(
      deps.store,
      found
        ? { kind: 'update', previous: found, job, activeJobLimit: deps.activeJobLimit }
        : { kind: 'create', job, activeJobLimit: deps.activeJobLimit },
    );
  });
}
