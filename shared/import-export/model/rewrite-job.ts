import type { Job, Versioned } from './model';
import type { JobDeps, JobStore, JobWrite } from './ports';
import { retryOnConflict } from '../../kernel/retry';

/** Creates or updates a job and answers its new version. */
export async function writeJob(
  store: JobStore,
  w: Exclude<JobWrite, { kind: 'delete' }>,
): Promise<Versioned<Job>> {
  const written = await store.write(w);
  if (!written) throw new Error('the store returned no version for a written job');
  return written;
}

/**
 * The read-modify-write of every change to an existing job (docs/contract/import-export.md#d4): `read` the job (its 404
 * and 412 included), let `decide` answer its next version (or undefined when nothing changes,
 * which writes nothing), write it conditionally, and start again from a fresh read when another
 * change won the race.
 */
export function rewriteJob(
  deps: Pick<JobDeps, 'store' | 'activeJobLimit'>,
  read: () => Promise<Versioned<Job>>,
  decide: (current: Versioned<Job>) => Promise<Job | undefined> | Job | undefined,
): Promise<Versioned<Job>> {
  return retryOnConflict(async () => {
    const current = await read();
    const next = await decide(current);
    if (next === undefined) return current;
    return writeJob(deps.store, {
      kind: 'update',
      previous: current,
      job: next,
      activeJobLimit: deps.activeJobLimit,
    });
  });
}
