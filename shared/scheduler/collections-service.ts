import type { SchedulerDeps } from './deps';
import { SchedulerError, invalid, notFound } from './errors';
import { settleRunState } from './collection-run-state';
import type { CollectionInput, JobCollection } from './model-collections';
import { isValidName } from './names';
import { checkAgainstJobs, checkPlanSlots, conflict, quotaOf } from './quota-rules';

export async function createCollection(
  d: SchedulerDeps,
  sub: string,
  cloudService: string,
  name: string,
  input: CollectionInput,
): Promise<JobCollection> {
  const noService = () => notFound(`The cloud service '${cloudService}' was not found.`);
  const service = await d.services.accepting(sub, cloudService, d.now());
  if (!service) throw noService();
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
    if (!(await d.services.accepting(sub, cloudService, d.now()))) throw noService();
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
  // Even when the collection already has that state: a stop or start that died between its jobs
  // is finished by the same request again (jobs already there cost nothing but the list).
  if (input.state) await settleRunState(d, ref, input.state);
  return written;
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
