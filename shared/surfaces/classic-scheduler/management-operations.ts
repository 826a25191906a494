import {
  createCloudService,
  deleteCloudService,
  getCloudService,
  getOperation,
  listCloudServices,
  recordOperation,
  setRegistration,
} from '../../scheduler/account-service';
import {
  createCollection,
  deleteCollection,
  getCollection,
  isNameAvailable,
  updateCollection,
} from '../../scheduler/collections-service';
import { notFound } from '../../scheduler/errors';
import { cloudServiceInput, collectionInput, rootOf } from './management-input';
import {
  cloudServiceXml,
  cloudServicesXml,
  collectionXml,
  nameAvailabilityXml,
  operationXml,
  providerPropertiesXml,
} from './management-presenter';
import { wire, type SchedOp, type SchedReply, type SchedRequest } from './pipeline';

const missingQuery = (what: string) =>
  wire(
    'MissingOrInvalidRequiredQueryParameter',
    `A required query parameter was not specified for this request or was specified incorrectly: ${what}.`,
  );

/** Every 202 is recorded as a Succeeded operation under its request id (docs/classic-scheduler.md#a6). */
async function accepted(req: SchedRequest, headers: Record<string, string> = {}): Promise<SchedReply> {
  await recordOperation(req.rt.scheduler, req.sub, req.requestId);
  return { status: 202, headers };
}

/** docs/classic-scheduler.md#b1. */
export const registrationOp: SchedOp = {
  async run(req) {
    if (req.query.get('service')?.toLowerCase() !== 'scheduler.jobcollections') throw missingQuery('service');
    const action = req.query.get('action')?.toLowerCase();
    if (action !== 'register' && action !== 'unregister') throw missingQuery('action');
    await setRegistration(req.rt.scheduler, req.sub, action === 'register');
    return { status: 200 };
  },
};

export const providerPropertiesOp: SchedOp = {
  run(req) {
    if (req.query.get('resourcetype')?.toLowerCase() !== 'jobcollections') throw missingQuery('resourceType');
    return Promise.resolve({ status: 200, xml: providerPropertiesXml(req.rt.scheduler.regions) });
  },
};

/** A no-op for the Scheduler (docs/classic-scheduler.md#b1): well-formed XML, content ignored. */
export const entitleResourceOp: SchedOp = {
  body: 'xml',
  async run(req) {
    if (req.body.length > 0) rootOf(req.body, 'EntitleResource');
    return accepted(req);
  },
};

export const listCloudServicesOp: SchedOp = {
  async run(req) {
    return { status: 200, xml: cloudServicesXml(await listCloudServices(req.rt.scheduler, req.sub)) };
  },
};

export const createCloudServiceOp: SchedOp = {
  body: 'xml',
  async run(req) {
    await createCloudService(req.rt.scheduler, req.sub, req.params.cs ?? '', cloudServiceInput(req.body));
    return accepted(req);
  },
};

export const getCloudServiceOp: SchedOp = {
  async run(req) {
    const { service, collections } = await getCloudService(req.rt.scheduler, req.sub, req.params.cs ?? '');
    return { status: 200, xml: cloudServiceXml(service, collections) };
  },
};

export const deleteCloudServiceOp: SchedOp = {
  async run(req) {
    await deleteCloudService(req.rt.scheduler, req.sub, req.params.cs ?? '');
    return accepted(req);
  },
};

/**
 * PUT creates, or updates when it carries If-Match or an `<ETag>` element, as the update client
 * always does (docs/classic-scheduler.md#b3); a create of a taken name is 409.
 */
export const putCollectionOp: SchedOp = {
  body: 'xml',
  async run(req) {
    const d = req.rt.scheduler;
    const [cs, jc] = [req.params.cs ?? '', req.params.jc ?? ''];
    const ifMatch = req.headers.get('if-match') ?? undefined;
    const input = collectionInput(req.body);
    if (ifMatch !== undefined || input.hasETag) {
      if (!(await d.services.get(req.sub, cs))) throw notFound(`The cloud service '${cs}' was not found.`);
      const updated = await updateCollection(d, req.sub, cs, jc, ifMatch, input);
      return accepted(req, { ETag: updated.etag });
    }
    const created = await createCollection(d, req.sub, cs, jc, input);
    return accepted(req, { ETag: created.etag });
  },
};

export const getCollectionOp: SchedOp = {
  async run(req) {
    const d = req.rt.scheduler;
    const cs = req.params.cs ?? '';
    const service = await d.services.get(req.sub, cs);
    if (!service) throw notFound(`The cloud service '${cs}' was not found.`);
    const c = await getCollection(d, req.sub, cs, req.params.jc ?? '');
    return { status: 200, xml: collectionXml(c, service.geoRegion), headers: { ETag: c.etag } };
  },
};

export const deleteCollectionOp: SchedOp = {
  async run(req) {
    await deleteCollection(req.rt.scheduler, req.sub, req.params.cs ?? '', req.params.jc ?? '');
    return accepted(req);
  },
};

/** `GET …/JobCollections/?op=checknameavailability&resourceName=` (docs/classic-scheduler.md#b3). */
export const checkNameOp: SchedOp = {
  async run(req) {
    if (req.query.get('op')?.toLowerCase() !== 'checknameavailability') throw missingQuery('op');
    const name = req.query.get('resourcename');
    if (name === undefined) throw missingQuery('resourceName');
    const available = await isNameAvailable(req.rt.scheduler, req.sub, req.params.cs ?? '', name);
    return { status: 200, xml: nameAvailabilityXml(available) };
  },
};

export const operationStatusOp: SchedOp = {
  async run(req) {
    return {
      status: 200,
      xml: operationXml(await getOperation(req.rt.scheduler, req.sub, req.params.id ?? '')),
    };
  },
};
