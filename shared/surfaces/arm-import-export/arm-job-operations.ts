import type { Author, Placement } from '../../import-export/customer/job-spec';
import type { Job, Versioned } from '../../import-export/model/model';
import { placeJob } from '../../import-export/customer/place-job';
import { bitLockerKeysOf, removePlacedJob, requirePlacedJob } from '../../import-export/customer/placed-jobs';
import { reviseJob } from '../../import-export/customer/revise-job';
import { jobResource } from './arm-job-presenter';
import { revisionOf, specOf } from './arm-job-input';
import type { Reply } from '../../edge/reply';
import type { ArmRequest } from './pipeline';
import { armOp } from './pipeline';
import * as d from './arm-doc-wire.schema';
import { PatchJobWire, PutJobWire } from './arm-wire.schema';

const placement = (req: ArmRequest<unknown>): Placement => ({
  subscriptionId: req.subscriptionId,
  resourceGroup: req.resourceGroup,
  jobName: req.jobName,
});

const authorOf = (req: ArmRequest<unknown>): Author => ({ name: req.caller.name, type: req.caller.type });

const classicGroup = (req: ArmRequest<unknown>) => req.rt.config.arm.classicResourceGroup;

/** One structured line in the invocation's log: an event name and its facts, as JSON. */
const audit = (
  req: ArmRequest<unknown>,
  event: string,
  facts: Record<string, string>,
  level: 'info' | 'warn' = 'info',
) => req.log[level](`${event} ${JSON.stringify({ event, ...facts })}`);

/**
 * docs/arm-import-export.md#c3: `x-ms-client-tenant-id` is stored and logged, with a warning when
 * it is not the token's tenant; it never authorises anything.
 */
function clientTenantOf(req: ArmRequest<unknown>): string | undefined {
  const raw = req.headers.get('x-ms-client-tenant-id');
  if (raw === null) return undefined;
  const tenant = raw.trim().slice(0, 64); // the log gets a bounded copy
  const facts = { clientTenantId: tenant, tokenTenantId: req.caller.tenantId, requestId: req.requestId };
  const agrees = tenant.toLowerCase() === req.caller.tenantId.toLowerCase();
  audit(req, agrees ? 'clientTenantId' : 'clientTenantIdMismatch', facts, agrees ? 'info' : 'warn');
  return raw;
}

/** A single job with its ETag, the same value classic answers (docs/arm-import-export.md#i). */
const jobReply = (req: ArmRequest<unknown>, job: Versioned<Job>, status = 200): Reply => ({
  status,
  json: jobResource(job.value, {
    subscriptionId: req.subscriptionId,
    classicGroup: classicGroup(req),
    apiVersion: req.apiVersion,
  }),
  headers: { ETag: job.etag },
});

export const getJobOperation = armOp({
  summary: 'Gets a job (Jobs_Get).',
  success: { status: 200, body: d.jobResponseSchema, headers: ['ETag'] },
  errors: ['AuthorizationFailed', 'ResourceNotFound'],
  permission: 'Microsoft.ImportExport/jobs/read',
  conditional: true,
  async run(req) {
    return jobReply(
      req,
      await requirePlacedJob(req.rt.jobs, placement(req), classicGroup(req), req.conditions),
    );
  },
});

/** docs/arm-import-export.md#c3: 201 new, 200 existing. */
export const putJobOperation = armOp({
  summary: 'Creates a job, or replaces or confirms an existing one (Jobs_Create).',
  success: { status: 201, body: d.jobResponseSchema, headers: ['ETag'], also: [200] },
  errors: [
    'AuthorizationFailed',
    'InvalidStorageAccountId',
    'InvalidJobType',
    'InvalidLocation',
    'LocationClosed',
    'InvalidDiagnosticsPath',
    'InvalidLogLevel',
    'InvalidDriveList',
    'InvalidExportBlobList',
    'ShippingInformationIncomplete',
    'JobAlreadyExists',
    'ActiveJobQuotaExceeded',
  ],
  permission: 'Microsoft.ImportExport/jobs/write',
  body: PutJobWire,
  conditional: true,
  async run(req) {
    const tenant = clientTenantOf(req);
    const { job, created } = await placeJob(req.rt.jobs, {
      at: placement(req),
      spec: specOf(req.body),
      author: authorOf(req),
      classicGroup: classicGroup(req),
      conditions: req.conditions,
      ...(tenant && { clientTenantId: tenant }),
    });
    return jobReply(req, job, created ? 201 : 200);
  },
});

export const patchJobOperation = armOp({
  summary: 'Updates a job: ship, cancel, or change what its state allows (Jobs_Update).',
  success: { status: 200, body: d.jobResponseSchema, headers: ['ETag'] },
  errors: [
    'AuthorizationFailed',
    'ResourceNotFound',
    'InvalidStateValue',
    'InvalidCancelRequestedValue',
    'InvalidJobState',
    'InvalidLogLevel',
    'InvalidDriveList',
    'ShippingInformationIncomplete',
  ],
  permission: 'Microsoft.ImportExport/jobs/write',
  body: PatchJobWire,
  conditional: true,
  async run(req) {
    const job = await reviseJob(req.rt.jobs, {
      at: placement(req),
      revision: revisionOf(req.body),
      author: authorOf(req),
      classicGroup: classicGroup(req),
      conditions: req.conditions,
    });
    return jobReply(req, job);
  },
});

/** docs/arm-import-export.md#c6: 200 with no body, also when there is no such job. */
export const deleteJobOperation = armOp({
  summary: 'Deletes a job; an absent one is 200 too (Jobs_Delete).',
  success: { status: 200 },
  errors: ['AuthorizationFailed', 'InvalidJobState'],
  permission: 'Microsoft.ImportExport/jobs/delete',
  conditional: true,
  async run(req) {
    await removePlacedJob(req.rt.jobs, placement(req), classicGroup(req), req.conditions);
    return { status: 200 };
  },
});

/** docs/arm-import-export.md#c8: audit-logged, never the keys. */
export const listBitLockerKeysOperation = armOp({
  summary: "Lists the BitLocker keys of a job's drives (BitLockerKeys_List).",
  success: { status: 200, body: d.bitLockerKeysSchema },
  errors: ['AuthorizationFailed', 'ResourceNotFound'],
  permission: 'Microsoft.ImportExport/jobs/listBitLockerKeys/action',
  async run(req) {
    const job = await requirePlacedJob(req.rt.jobs, placement(req), classicGroup(req), { kind: 'none' });
    audit(req, 'listBitLockerKeys', {
      subscriptionId: req.subscriptionId,
      resourceGroup: req.resourceGroup,
      job: job.value.Name,
      principal: req.caller.objectId,
      requestId: req.requestId,
    });
    return {
      status: 200,
      json: { value: bitLockerKeysOf(job.value).map((k) => ({ driveId: k.driveId, bitLockerKey: k.key })) },
    };
  },
});
