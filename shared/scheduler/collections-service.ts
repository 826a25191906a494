import type { SchedulerDeps } from './deps';
import { SchedulerError, invalid, notFound } from './errors';
import { isFinal } from './job-build';
import { hasOutboundAuth } from './job-rules';
import { setJobState } from './jobs-service';
import type { CollectionRef } from './model';
import type { JobCollection, MaxRecurrence, Plan } from './model-collections';
import { isValidName } from './names';
import { MAX_COLLECTIONS_PER_SUBSCRIPTION, PLAN_LIMITS, effectiveQuota, recurrenceMinutes } from './plans';
import { shortestGapMinutes } from './recurrence';

/** What a collection PUT carries (docs/classic-scheduler.md#b3); absent fields are undefined. */
export interface CollectionInput {
  schemaVersion?: string;
  plan?: Plan;
  maxJobCount?: number;
  maxJobOccurrence?: number;
  maxRecurrence?: MaxRecurrence;
  label?: string;
  state?: 'Started' | 'Stopped';
}

const conflict = (message: string) => new SchedulerError('PlanConflict', message);

function quotaOf(plan: Plan, input: CollectionInput, previous?: JobCollection['quota']) {
  const limits = PLAN_LIMITS[plan];
  if (input.maxJobCount !== undefined && (input.maxJobCount < 1 || input.maxJobCount > limits.maxJobCount))
    throw invalid(`MaxJobCount must be 1..${limits.maxJobCount} on the ${plan} plan.`);
  if (input.maxRecurrence && recurrenceMinutes(input.maxRecurrence) < recurrenceMinutes(limits.minRecurrence))
    throw invalid(`MaxRecurrence is finer than the ${plan} plan allows.`);
  return effectiveQuota(
    plan,
    {
      ...(input.maxJobCount !== undefined && { maxJobCount: input.maxJobCount }),
      ...(input.maxJobOccurrence !== undefined && { maxJobOccurrence: input.maxJobOccurrence }),
      ...(input.maxRecurrence && { maxRecurrence: input.maxRecurrence }),
    },
    previous,
  );
}

/** The subscription's collections other than `except` leave room for one more on `plan` (#b4). */
async function checkPlanSlots(
  d: SchedulerDeps,
  sub: string,
  plan: Plan,
  except?: { cloudService: string; name: string },
): Promise<void> {
  const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();
  const all = (await d.collections.list(sub)).filter(
    (c) => !except || !(same(c.name, except.name) && same(c.cloudService, except.cloudService)),
  );
  if (all.length >= MAX_COLLECTIONS_PER_SUBSCRIPTION)
    throw conflict('The subscription holds its maximum of job collections.');
  const onPlan = all.filter((c) => c.plan === plan).length;
  if (onPlan >= PLAN_LIMITS[plan].collectionsPerSubscription)
    throw conflict(
      plan === 'Free'
        ? 'A subscription is allowed up to 1 free job collection.'
        : `A subscription is allowed up to ${PLAN_LIMITS[plan].collectionsPerSubscription} ${plan} job collections.`,
    );
}

export async function createCollection(
  d: SchedulerDeps,
  sub: string,
  cloudService: string,
  name: string,
  input: CollectionInput,
): Promise<JobCollection> {
  const noService = () => notFound(`The cloud service '${cloudService}' was not found.`);
  const service = await d.services.get(sub, cloudService);
  if (!service || !(await d.services.accepts(sub, cloudService, d.now()))) throw noService();
  if (!isValidName(name)) throw invalid(`'${name}' is not a valid job collection name.`);
  const plan = input.plan ?? 'Standard';
  const quota = quotaOf(plan, input);
  if (await d.collections.get(sub, cloudService, name))
    throw new SchedulerError('AlreadyExists', `The job collection '${name}' already exists.`);
  await checkPlanSlots(d, sub, plan);
  const collection: JobCollection = {
    name,
    cloudService: service.name,
    schemaVersion: input.schemaVersion ?? '1.0',
    plan,
    quota,
    label: input.label ?? name,
    state: 'Started',
    etag: d.newId(),
    lastOperation: 'Create',
    jobCount: 0,
  };
  if (!(await d.collections.create(sub, collection)))
    throw new SchedulerError('AlreadyExists', `The job collection '${name}' already exists.`);
  // A delete of the cloud service that began meanwhile may not have seen this collection, and a
  // create racing this one may have checked the plan's slots without it: either way it goes. (Two
  // creates that both find the other both go: refused, never over the limit.)
  try {
    if (!(await d.services.accepts(sub, cloudService, d.now()))) throw noService();
    await checkPlanSlots(d, sub, plan, { cloudService: service.name, name });
  } catch (err) {
    await d.collections.remove(sub, cloudService, name);
    throw err;
  }
  return collection;
}

export async function getCollection(
  d: SchedulerDeps,
  sub: string,
  cs: string,
  name: string,
): Promise<JobCollection> {
  const found = await d.collections.get(sub, cs, name);
  if (!found) throw notFound(`The job collection '${name}' was not found.`);
  return found;
}

/** Checks a plan or quota change against the jobs held (docs/classic-scheduler.md#b3). */
async function checkAgainstJobs(
  d: SchedulerDeps,
  ref: CollectionRef,
  next: JobCollection,
  prev: JobCollection,
) {
  const jobs = await d.jobs.list(ref);
  // Also Free's "at most 5 jobs": a Free quota never holds more (quotaOf).
  if (next.quota.maxJobCount < jobs.length)
    throw conflict('MaxJobCount would fall below the number of jobs.');
  if (next.plan === 'Free' && prev.plan !== 'Free') {
    await checkPlanSlots(d, ref.subscriptionId, 'Free', { cloudService: ref.cloudService, name: next.name });
    if (jobs.some(hasOutboundAuth))
      throw conflict('A job uses outbound authentication, which the Free plan lacks.');
  }
  const floor = recurrenceMinutes(next.quota.maxRecurrence);
  for (const job of jobs) {
    if (isFinal(job) || !job.recurrence) continue;
    if (shortestGapMinutes(job.recurrence, new Date(job.anchor)) < floor)
      throw conflict(`The job '${job.id}' recurs more often than the new MaxRecurrence.`);
  }
}

/** docs/classic-scheduler.md#b3: an If-Match other than the current ETag or `*` is 412; none is unconditional. */
function checkIfMatch(ifMatch: string | undefined, etag: string): void {
  if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== etag)
    throw new SchedulerError(
      'PreconditionFailed',
      'The specified If-Match ETag does not match the resource.',
    );
}

export async function updateCollection(
  d: SchedulerDeps,
  sub: string,
  cs: string,
  name: string,
  ifMatch: string | undefined,
  input: CollectionInput,
): Promise<JobCollection> {
  const ref = { subscriptionId: sub, cloudService: cs, jobCollection: name };
  const prev = await getCollection(d, sub, cs, name);
  checkIfMatch(ifMatch, prev.etag);
  const plan = input.plan ?? prev.plan;
  // docs/classic-scheduler.md#b3: values left out keep the collection's, clamped to the plan's limits.
  const quota = quotaOf(plan, input, prev.quota);
  const next: JobCollection = {
    ...prev,
    plan,
    quota,
    ...(input.label !== undefined && { label: input.label }),
    ...(input.schemaVersion !== undefined && { schemaVersion: input.schemaVersion }),
    ...(input.state && { state: input.state }),
    etag: d.newId(),
    lastOperation: 'Update',
  };
  await checkAgainstJobs(d, ref, next, prev);
  const written = await d.collections.modify(sub, cs, name, (current) => {
    checkIfMatch(ifMatch, current.etag);
    // The jobs counted above may have grown since; the counter read here is the one this write
    // is conditional on, so a job created meanwhile cannot leave more jobs than MaxJobCount.
    if (next.quota.maxJobCount < current.jobCount)
      throw conflict('MaxJobCount would fall below the number of jobs.');
    return { ...next, jobCount: current.jobCount };
  });
  if (!written) throw notFound(`The job collection '${name}' was not found.`);
  {
    // A collection created (or moved) onto the plan meanwhile may have checked its slots without
    // this one, and a job replaced meanwhile was checked against the quotas before: checked again
    // now that it is written, and undone when over (#b4, #c8). A job write checked against the
    // old quotas after this point finds the collection changed (jobs-service.ts).
    try {
      await checkAgainstJobs(d, ref, written, prev);
    } catch (err) {
      await d.collections.modify(sub, cs, name, (current) =>
        current.etag === written.etag ? { ...prev, jobCount: current.jobCount } : current,
      );
      throw err;
    }
  }
  if (input.state && input.state !== prev.state) await settleRunState(d, ref, input.state);
  return written;
}

/** Rounds of following a collection's state that other updates keep changing. */
const RUN_STATE_ROUNDS = 10;

/**
 * Applies `state` to the jobs, then again whatever state the collection has by then: a stop and
 * a start at once may pass over the jobs in either order, and the pass that ends last must leave
 * them as the collection's last state says.
 */
async function settleRunState(d: SchedulerDeps, ref: CollectionRef, state: 'Started' | 'Stopped') {
  let applied = state;
  for (let round = 0; round < RUN_STATE_ROUNDS; round++) {
    await applyRunState(d, ref, applied);
    const now = (await d.collections.get(ref.subscriptionId, ref.cloudService, ref.jobCollection))?.state;
    if (now === undefined || now === applied) return;
    applied = now;
  }
}

/** Stopping disables every enabled job and remembers which; starting re-enables exactly those. */
async function applyRunState(
  d: SchedulerDeps,
  ref: CollectionRef,
  state: 'Started' | 'Stopped',
): Promise<void> {
  for (const job of await d.jobs.list(ref)) {
    await setJobState(d, ref, job.id, (j) => {
      if (state === 'Stopped' && j.state === 'enabled')
        return { ...j, state: 'disabled', disabledByCollection: true };
      if (state === 'Started' && j.state === 'disabled' && j.disabledByCollection) {
        const { disabledByCollection: _, ...rest } = j;
        return { ...rest, state: 'enabled' };
      }
      return undefined;
    });
  }
}

export async function deleteCollection(
  d: SchedulerDeps,
  sub: string,
  cs: string,
  name: string,
): Promise<void> {
  if (!(await d.collections.remove(sub, cs, name)))
    throw notFound(`The job collection '${name}' was not found.`);
}

/** docs/classic-scheduler.md#b3: an invalid name is simply not available; the cloud service need not exist. */
export async function isNameAvailable(
  d: SchedulerDeps,
  sub: string,
  cs: string,
  name: string,
): Promise<boolean> {
  if (!isValidName(name)) return false;
  return (await d.collections.get(sub, cs, name)) === undefined;
}
