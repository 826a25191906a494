import { retainedHistory } from './execution/retention-rules';
import type { SchedulerDeps } from './deps';
import { SchedulerError, notFound } from './errors';
import { buildJob, isFinal, patchedJob, scheduled } from './job-build';
import { checkDefinition } from './job-rules';
import type { CollectionRef, HistoryStatus, Job, JobDefinition, JobHistoryEntry, JobState } from './model';
import type { JobCollection } from './model-collections';
import { checkJobQuota } from './quota-rules';

const ATTEMPTS = 20;
const jobNotFound = (id: string) => notFound(`The job '${id}' was not found.`);
const finalState = (job: Job) =>
  new SchedulerError(
    'FinalState',
    `The job '${job.id}' is ${job.state}: a final state that cannot be updated (though the job can still be deleted).`,
  );

/** A value with its objects' keys sorted: two jobs compare by their JSON. */
const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
        )
      : v;
/** The job as its writer set it: what the executor changes left out. */
const definitionOf = (job: Job): string => {
  const { status: _s, execution: _e, occurrences: _o, lastOccurrence: _l, state: _t, ...rest } = job;
  return JSON.stringify(canonical(rest));
};

/**
 * A replace was checked against `checked`; a collection update since (docs/classic-scheduler.md#b3)
 * may not have seen it, so it is checked again against the collection as it is now, and undone
 * (unless written over since) when that refuses it.
 */
async function checkAgain(
  d: SchedulerDeps,
  ref: CollectionRef,
  checked: JobCollection,
  def: JobDefinition,
  job: Job,
  previous: Job,
): Promise<void> {
  const current = await d.collections.get(ref.subscriptionId, ref.cloudService, ref.jobCollection);
  if (!current || current.etag === checked.etag) return;
  try {
    checkJobQuota(def, current, new Date(job.anchor));
  } catch (err) {
    const now = await d.jobs.read(ref, job.id);
    if (now && definitionOf(now.job) === definitionOf(job))
      await d.jobs.replace(
        ref,
        { ...previous, status: now.job.status, ...(now.job.execution && { execution: now.job.execution }) },
        now.etag,
      );
    throw err;
  }
}

/** The collection a job request addresses, or 404 (docs/classic-scheduler.md#c). */
export async function requireCollection(d: SchedulerDeps, ref: CollectionRef): Promise<JobCollection> {
  const found = await d.collections.get(ref.subscriptionId, ref.cloudService, ref.jobCollection);
  if (!found) throw notFound(`The job collection '${ref.jobCollection}' was not found.`);
  return found;
}

/**
 * Create (POST, or PUT of a new id: 201) or replace (PUT of an existing id: 200), in the order of
 * docs/classic-scheduler.md#a7: validation, state, quotas.
 */
export async function putJob(
  d: SchedulerDeps,
  ref: CollectionRef,
  checked: JobCollection,
  id: string,
  def: JobDefinition,
): Promise<{ job: Job; created: boolean }> {
  let collection = checked;
  const now = d.now();
  checkDefinition(def, { now, minRetryMs: d.minRetryMs, outbound: d.outbound });
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const existing = await d.jobs.read(ref, id);
    if (existing) {
      if (isFinal(existing.job)) throw finalState(existing.job);
      const job = buildJob(id, def, now, d.newId(), existing.job);
      checkJobQuota(def, collection, new Date(job.anchor));
      if (await d.jobs.replace(ref, job, existing.etag)) {
        await checkAgain(d, ref, collection, def, job, existing.job);
        return { job, created: false };
      }
      continue;
    }
    const job = buildJob(id, def, now, d.newId());
    checkJobQuota(def, collection, new Date(job.anchor));
    const result = await d.jobs.create(ref, job, collection.etag);
    if (result === 'created') return { job, created: true };
    // Updated since it was read (a plan or quota change): checked again against the new version.
    if (result === 'changed') collection = await requireCollection(d, ref);
    if (result === 'full')
      throw new SchedulerError(
        'QuotaExceeded',
        `The job collection '${ref.jobCollection}' already holds its maximum of ${collection.quota.maxJobCount} jobs.`,
      );
    if (result === 'no-collection')
      throw notFound(`The job collection '${ref.jobCollection}' was not found.`);
  }
  throw new Error(`the job ${id} changed too often to be written`);
}

export async function getJob(d: SchedulerDeps, ref: CollectionRef, id: string): Promise<Job> {
  const job = await d.jobs.get(ref, id);
  if (!job) throw jobNotFound(id);
  return job;
}

/**
 * PATCH of one job (docs/classic-scheduler.md#c6). `derive` merges the patch over the job and
 * validates the result; it runs again if the job changed meanwhile.
 */
export async function patchJob(
  d: SchedulerDeps,
  ref: CollectionRef,
  collection: JobCollection,
  id: string,
  derive: (current: Job) => { definition: JobDefinition; stateDetails?: string },
): Promise<Job> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const existing = await d.jobs.read(ref, id);
    if (!existing) throw jobNotFound(id);
    const now = d.now();
    const { definition, stateDetails } = derive(existing.job);
    const storedEndTime = existing.job.recurrence?.endTime;
    checkDefinition(definition, {
      now,
      minRetryMs: d.minRetryMs,
      outbound: d.outbound,
      ...(storedEndTime !== undefined && { storedEndTime }),
    });
    if (isFinal(existing.job)) throw finalState(existing.job);
    const job = patchedJob(existing.job, definition, now, stateDetails);
    checkJobQuota(definition, collection, new Date(job.anchor));
    if (await d.jobs.replace(ref, job, existing.etag)) {
      await checkAgain(d, ref, collection, definition, job, existing.job);
      return job;
    }
  }
  throw new Error(`the job ${id} changed too often to be patched`);
}

export async function deleteJob(d: SchedulerDeps, ref: CollectionRef, id: string): Promise<void> {
  if (!(await d.jobs.remove(ref, id))) throw jobNotFound(id);
}

export const listJobs = (d: SchedulerDeps, ref: CollectionRef, state?: JobState): Promise<Job[]> =>
  d.jobs.list(ref, state ? { state } : {});

/** Moves one job between enabled and disabled, recomputing its next time; final jobs are left alone. */
export async function setJobState(
  d: SchedulerDeps,
  ref: CollectionRef,
  id: string,
  change: (job: Job) => Job | undefined,
): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const existing = await d.jobs.read(ref, id);
    if (!existing) return;
    const next = change(existing.job);
    if (!next) return;
    if (await d.jobs.replace(ref, scheduled(next, d.now()), existing.etag)) return;
  }
  throw new Error(`the job ${id} changed too often to change its state`);
}

/** PATCH `/jobs` (docs/classic-scheduler.md#c6): only enabled and disabled jobs change. */
export async function setAllJobStates(
  d: SchedulerDeps,
  ref: CollectionRef,
  state: 'enabled' | 'disabled',
): Promise<Job[]> {
  for (const job of await d.jobs.list(ref)) {
    if (isFinal(job) || job.state === state) continue;
    await setJobState(d, ref, job.id, (j) =>
      isFinal(j) || j.state === state ? undefined : { ...j, state, disabledByCollection: false },
    );
  }
  return d.jobs.list(ref);
}

export async function jobHistory(
  d: SchedulerDeps,
  ref: CollectionRef,
  id: string,
  filter: { status?: HistoryStatus; state?: JobState },
): Promise<JobHistoryEntry[]> {
  await getJob(d, ref, id);
  // Read whole, then filtered: the cap of 1000 counts every entry, not just the matching ones.
  return retainedHistory(await d.history.list(ref, id), d.now()).filter(
    (e) => (!filter.status || e.status === filter.status) && (!filter.state || e.state === filter.state),
  );
}
