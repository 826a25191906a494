import type { Author, Placement } from '../../import-export/customer/job-spec';
import type { Job, Versioned } from '../../import-export/model/model';
import { placeJob } from '../../import-export/customer/place-job';
import { bitLockerKeysOf, removePlacedJob, requirePlacedJob } from '../../import-export/customer/placed-jobs';
import { reviseJob } from '../../import-export/customer/revise-job';
import { jobResource } from './arm-job-presenter';
import { revisionOf, specOf } from './arm-job-input';
import type { ArmReply, ArmRequest } from './arm-pipeline';
import { armOp } from './arm-pipeline';
import { PatchJobWire, PutJobWire } from './arm-wire.schema';

const placement = (req: ArmRequest<unknown>): Placement => ({
  subscriptionId: req.subscriptionId,
  resourceGroup: req.resourceGroup,
  jobName: req.jobName,
});

const authorOf = (req: ArmRequest<unknown>): Author => ({ name: req.caller.name, type: req.caller.type });

const classicGroup = (req: ArmRequest<unknown>) => req.rt.config.arm.classicResourceGroup;

/** A single job with its ETag, the same value classic answers (docs/arm-import-export.md#i). */
const jobReply = (req: ArmRequest<unknown>, job: Versioned<Job>, status = 200): ArmReply => ({
  status,
  json: jobResource(job.value, {
    subscriptionId: req.subscriptionId,
    classicGroup: classicGroup(req),
    apiVersion: req.apiVersion,
  }),
  headers: { ETag: job.etag },
});

export const getJobOperation = armOp({
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
  permission: 'Microsoft.ImportExport/jobs/write',
  body: PutJobWire,
  conditional: true,
  async run(req) {
    const tenant = req.headers.get('x-ms-client-tenant-id') ?? undefined;
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
  permission: 'Microsoft.ImportExport/jobs/delete',
  conditional: true,
  async run(req) {
    await removePlacedJob(req.rt.jobs, placement(req), classicGroup(req), req.conditions);
    return { status: 200 };
  },
});

/** docs/arm-import-export.md#c8: audit-logged, never the keys. */
export const listBitLockerKeysOperation = armOp({
  permission: 'Microsoft.ImportExport/jobs/listBitLockerKeys/action',
  async run(req) {
    const job = await requirePlacedJob(req.rt.jobs, placement(req), classicGroup(req), { kind: 'none' });
    console.info(
      `listBitLockerKeys job=${req.subscriptionId}/${job.value.Name} principal=${req.caller.objectId} request=${req.requestId}`,
    );
    return {
      status: 200,
      json: { value: bitLockerKeysOf(job.value).map((k) => ({ driveId: k.driveId, bitLockerKey: k.key })) },
    };
  },
});
