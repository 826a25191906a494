import { defineClassicJob } from './classic-jobs';
import type { Job, JobState, Versioned } from '../../shared/import-export/model/model';
import type { Runtime } from '../../shared/app/runtime';
import { seedRows } from '../../bench/seed';
import { exportJob, samplePutJob } from './samples';

/** A job as Put Job would create it, built without HTTP (for seeding the store). */
export function makeJob(
  rt: Runtime,
  sub: string,
  name: string,
  opts: { account?: string; type?: 'Import' | 'Export'; now?: Date } = {},
): Job {
  const account = opts.account ?? 'xttest';
  const body = (opts.type === 'Export' ? exportJob(name) : samplePutJob(name, account)) as any;
  return defineClassicJob(
    body,
    { subscriptionId: sub, storageAccountName: account, jobName: name },
    '2014-11-01',
    rt.jobs.locations,
    opts.now ?? rt.now(),
  );
}

/** Writes jobs through the store, `parallel` at a time (each create also moves the subscription's meta row). */
export async function seedJobs(rt: Runtime, jobs: readonly Job[], parallel = 1): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      await rt.jobs.store.write({ kind: 'create', job, activeJobLimit: Number.MAX_SAFE_INTEGER });
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/**
 * Writes many jobs fast, as the store's own rows with consistent counters (see bench/seed.ts);
 * each subscription must be new.
 */
export const seedJobRows = seedRows;

/**
 * TEST ONLY: puts a job in `state` by writing the store directly, standing in for the operator
 * API (built separately) that moves jobs through the datacenter side. `change` may set anything
 * else the state implies (drive states, ReturnPackage...).
 */
export async function forceJobStateForTest(
  rt: Runtime,
  sub: string,
  name: string,
  state: JobState,
  change: Partial<Job> = {},
): Promise<Versioned<Job>> {
  const found = await rt.jobs.store.get(sub, name);
  if (!found) throw new Error(`no job ${name}`);
  const written = await rt.jobs.store.write({
    kind: 'update',
    previous: found,
    job: { ...found.value, ...change, State: state },
    activeJobLimit: Number.MAX_SAFE_INTEGER,
  });
  return written!;
}
