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
import * as d from './doc-wire.schema';
import type { Reply } from '../../edge/reply';
import { wire, type SchedOp, type SchedRequest } from './pipeline';

const missingQuery = (what: string) =>
  wire(
    'MissingOrInvalidRequiredQueryParameter',
    `A required query parameter was not specified for this request or was specified incorrectly: ${what}.`,
  );

/** Every 202 is recorded as a Succeeded operation under its request id (docs/classic-scheduler.md#a6). */
async function accepted(req: SchedRequest, headers: Record<string, string> = {}): Promise<Reply> {
  await recordOperation(req.rt.scheduler, req.sub, req.requestId);
  return { status: 202, headers };
}

/** docs/classic-scheduler.md#b1. */
export const registrationOp: SchedOp = {
  summary: 'Register or unregister the Scheduler resource provider',
  success: { status: 200 },
  query: d.registrationQuery,
  errors: ['MissingOrInvalidRequiredQueryParameter', 'ConflictError'],
  async run(req) {
    if (req.query.get('service')?.toLowerCase() !== 'scheduler.jobcollections') throw missingQuery('service');
    const action = req.query.get('action')?.toLowerCase();
    if (action !== 'register' && action !== 'unregister') throw missingQuery('action');
    await setRegistration(req.rt.scheduler, req.sub, action === 'register');
    return { status: 200 };
  },
};

export const providerPropertiesOp: SchedOp = {
  summary: "The resource provider's properties",
  success: { status: 200, body: d.providerPropertiesSchema },
  representation: 'xml',
  query: d.propertiesQuery,
  errors: ['MissingOrInvalidRequiredQueryParameter'],
  run(req) {
    if (req.query.get('resourcetype')?.toLowerCase() !== 'jobcollections') throw missingQuery('resourceType');
    return Promise.resolve({ status: 200, xml: providerPropertiesXml(req.rt.scheduler.regions) });
  },
};

/** A no-op for the Scheduler (docs/classic-scheduler.md#b1): well-formed XML, content ignored. */
export const entitleResourceOp: SchedOp = {
  summary: 'Entitle a resource (a no-op)',
  success: { status: 202 },
  accepts: 'xml',
  documentedBody: { schema: d.entitleInputSchema, representation: 'xml', optional: true },
  errors: ['InvalidXmlRequest'],
  async run(req) {
    if (req.body.length > 0) rootOf(req.body, 'EntitleResource');
    return accepted(req);
  },
};

export const listCloudServicesOp: SchedOp = {
  summary: 'List cloud services',
  success: { status: 200, body: d.cloudServicesSchema },
  representation: 'xml',
  async run(req) {
    return { status: 200, xml: cloudServicesXml(await listCloudServices(req.rt.scheduler, req.sub)) };
  },
};

export const createCloudServiceOp: SchedOp = {
  summary: 'Create a cloud service',
  success: { status: 202 },
  accepts: 'xml',
  documentedBody: { schema: d.cloudServiceInputSchema, representation: 'xml' },
  errors: ['InvalidXmlRequest', 'ConflictError'],
  async run(req) {
    await createCloudService(req.rt.scheduler, req.sub, req.params.cs ?? '', cloudServiceInput(req.body));
    return accepted(req);
  },
};

export const getCloudServiceOp: SchedOp = {
  summary: 'Get a cloud service and its job collections',
  success: { status: 200, body: d.cloudServiceSchema },
  representation: 'xml',
  async run(req) {
    const { service, collections } = await getCloudService(req.rt.scheduler, req.sub, req.params.cs ?? '');
    return { status: 200, xml: cloudServiceXml(service, collections) };
  },
};

export const deleteCloudServiceOp: SchedOp = {
  summary: 'Delete a cloud service',
  success: { status: 202 },
  errors: ['ConflictError'],
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
  summary: 'Create or update a job collection',
  success: { status: 202, headers: ['ETag'] },
  accepts: 'xml',
  documentedBody: { schema: d.collectionInputSchema, representation: 'xml' },
  errors: ['InvalidXmlRequest', 'ConflictError', 'PreconditionFailed'],
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
  summary: 'Get a job collection',
  success: { status: 200, body: d.collectionSchema, headers: ['ETag'] },
  representation: 'xml',
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
  summary: 'Delete a job collection',
  success: { status: 202 },
  async run(req) {
    await deleteCollection(req.rt.scheduler, req.sub, req.params.cs ?? '', req.params.jc ?? '');
    return accepted(req);
  },
};

/** `GET …/JobCollections/?op=checknameavailability&resourceName=` (docs/classic-scheduler.md#b3). */
export const checkNameOp: SchedOp = {
  summary: "Check a job collection name's availability",
  success: { status: 200, body: d.nameAvailabilitySchema },
  representation: 'xml',
  query: d.checkNameQuery,
  errors: ['MissingOrInvalidRequiredQueryParameter'],
  async run(req) {
    if (req.query.get('op')?.toLowerCase() !== 'checknameavailability') throw missingQuery('op');
    const name = req.query.get('resourcename');
    if (name === undefined) throw missingQuery('resourceName');
    const available = await isNameAvailable(req.rt.scheduler, req.sub, req.params.cs ?? '', name);
    return { status: 200, xml: nameAvailabilityXml(available) };
  },
};

export const operationStatusOp: SchedOp = {
  summary: "Get an asynchronous operation's status",
  success: { status: 200, body: d.operationSchema },
  representation: 'xml',
  async run(req) {
    return {
      status: 200,
      xml: operationXml(await getOperation(req.rt.scheduler, req.sub, req.params.id ?? '')),
    };
  },
};
