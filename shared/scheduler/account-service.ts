import { operationExpiry } from './execution/retention-rules';
import type { SchedulerDeps } from './deps';
import { SchedulerError, invalid, notFound } from './errors';
import type { CloudService, JobCollection, OperationRecord } from './model-collections';
import { isValidName } from './names';

/** docs/classic-scheduler.md#b1: registration is per subscription and optional. */
export async function setRegistration(d: SchedulerDeps, sub: string, register: boolean): Promise<void> {
  if (!register && (await d.collections.list(sub)).length > 0)
    throw new SchedulerError('RegistrationConflict', 'The subscription still holds job collections.');
  if (!(await d.registrations.setRegistered(sub, register)))
    throw new SchedulerError(
      'RegistrationConflict',
      register ? 'The resource provider is already registered.' : 'The resource provider is not registered.',
    );
}

export interface CloudServiceInput {
  label: string;
  description: string;
  geoRegion: string;
  email?: string;
}

export async function createCloudService(
  d: SchedulerDeps,
  sub: string,
  name: string,
  input: CloudServiceInput,
): Promise<void> {
  if (!isValidName(name)) throw invalid(`'${name}' is not a valid cloud service name.`);
  if (input.label.length > 100) throw invalid('Label holds at most 100 characters.');
  if (input.description.length > 1024) throw invalid('Description holds at most 1024 characters.');
  const region = d.regions.find((r) => r.toLowerCase() === input.geoRegion.toLowerCase());
  if (!region) throw invalid(`GeoRegion '${input.geoRegion}' is not one of ${d.regions.join(', ')}.`);
  const service: CloudService = {
    name,
    label: input.label,
    description: input.description,
    geoRegion: region,
    ...(input.email !== undefined && { email: input.email }),
  };
  if (!(await d.services.create(sub, service)))
    throw new SchedulerError('AlreadyExists', `The cloud service '${name}' already exists.`);
}

export async function getCloudService(
  d: SchedulerDeps,
  sub: string,
  name: string,
): Promise<{ service: CloudService; collections: JobCollection[] }> {
  const service = await d.services.get(sub, name);
  if (!service) throw notFound(`The cloud service '${name}' was not found.`);
  return { service, collections: await d.collections.list(sub, service.name) };
}

export async function listCloudServices(
  d: SchedulerDeps,
  sub: string,
): Promise<{ service: CloudService; collections: JobCollection[] }[]> {
  const all = await d.collections.list(sub);
  return (await d.services.list(sub)).map((service) => ({
    service,
    collections: all.filter((c) => c.cloudService.toUpperCase() === service.name.toUpperCase()),
  }));
}

/** How long a cloud service's removal mark holds: far longer than a removal takes. */
const REMOVAL_MARK_MS = 60_000;

/**
 * Collections live apart from their cloud service, so no one write can check that the service is
 * empty and remove it. The service is marked first: a collection create that finds the mark (or
 * the service gone) after writing its collection takes it back (createCollection), and one
 * written before the mark is in the list read after it (docs/classic-scheduler.md#b2).
 */
export async function deleteCloudService(d: SchedulerDeps, sub: string, name: string): Promise<void> {
  const gone = () => notFound(`The cloud service '${name}' was not found.`);
  const { service } = await getCloudService(d, sub, name);
  const holdsCollections = async () => (await d.collections.list(sub, service.name)).length > 0;
  const notEmpty = () =>
    new SchedulerError('NotEmpty', `The cloud service '${name}' still holds job collections.`);
  // Refused before the mark, so that a refused request writes nothing; checked again after it.
  if (await holdsCollections()) throw notEmpty();
  if (!(await d.services.markRemoving(sub, name, new Date(d.now().getTime() + REMOVAL_MARK_MS))))
    throw gone();
  if (await holdsCollections()) {
    await d.services.unmarkRemoving(sub, name);
    throw notEmpty();
  }
  if (!(await d.services.remove(sub, name))) throw gone();
}

/** Every 202 is already done: its operation reports Succeeded at once (docs/classic-scheduler.md#a6). */
export async function recordOperation(d: SchedulerDeps, sub: string, id: string): Promise<void> {
  const now = d.now();
  await d.operations.put(
    { id, subscriptionId: sub, status: 'Succeeded', httpStatusCode: 200, createdAt: now.toISOString() },
    operationExpiry(now),
  );
}

export async function getOperation(d: SchedulerDeps, sub: string, id: string): Promise<OperationRecord> {
  const op = /^[0-9a-f]{32}$/i.test(id) ? await d.operations.getOperation(sub, id) : undefined;
  if (!op) throw notFound(`The operation '${id}' was not found.`);
  return op;
}
