import { getJob } from '../../import-export/customer/get-job';
import { checkJobName, checkStorageAccountName } from '../../import-export/model/names';
import type { Job, Versioned } from '../../import-export/model/model';
import { putJob } from '../../import-export/customer/put-job';
import { classicPutCommand } from './classic-job-input';
import { jobEntitySchema } from './wire/job-wire.schema';
import { PutJobBodySchema } from './wire/put-job.schema';
import { jobBody, jobRef } from './job-presenter';
import type { CustomerRequest } from './pipeline';
import { customerOp } from './pipeline';
import { entity, JsonBytes, Renderings, renderingKey, serialize } from './odata';
import type { Reply } from '../../edge/reply';

/** ETag, Last-Modified and DataServiceId of a job (docs/contract/import-export.md#a5, #a6, #a7). */
export function versionHeaders(req: CustomerRequest<unknown>, job: Versioned<Job>): Record<string, string> {
  return {
    ETag: job.etag,
    'Last-Modified': job.lastModified.toUTCString(),
    DataServiceId: `${req.framing.base}/${jobRef(job.value.Name).editPath}`,
  };
}

/** The job address of a `/storageaccounts/{account}/jobs/{job}` request. */
export function jobAddress(req: CustomerRequest<unknown>): {
  subscriptionId: string;
  storageAccountName: string;
  jobName: string;
} {
  return {
    subscriptionId: req.subscriptionId,
    storageAccountName: checkStorageAccountName(req.params.account ?? ''),
    jobName: checkJobName(req.params.job ?? ''),
  };
}

/** Each job's rendered entity, by its parsed version and the request's version and framing. */
const rendered = new Renderings();

/** A job as Get Job answers it. */
function jobReply(req: CustomerRequest<unknown>, job: Versioned<Job>): Reply {
  const bytes = rendered.of(job.value, renderingKey(req.version, req.framing), () =>
    Buffer.from(
      serialize(entity(req.framing, 'Jobs', jobRef(job.value.Name), jobBody(job.value, req.version))),
      'utf8',
    ),
  );
  return {
    status: 200,
    json: new JsonBytes(bytes),
    headers: { ETag: job.etag, 'Last-Modified': job.lastModified.toUTCString() },
  };
}

export const putJobOperation = customerOp({
  summary: 'Put Job',
  description:
    'Creates a job (docs/contract/import-export.md#a5). Putting a name whose job is still Creating replaces it (its quota slot kept, its two-week clock restarted); any other state is 409 JobAlreadyExists. If-None-Match: * makes it create-only, If-Match replace-only.',
  success: { status: 201, headers: ['ETag', 'Last-Modified', 'DataServiceId'] },
  errors: [
    'JobNameMismatch',
    'StorageAccountNameMismatch',
    'InvalidLocation',
    'LocationClosed',
    'MissingStorageCredential',
    'ConflictingStorageCredential',
    'InvalidContainerSas',
    'PropertyNotSupportedInVersion',
    'InvalidDriveList',
    'InvalidExportBlobList',
    'JobAlreadyExists',
    'ActiveJobQuotaExceeded',
  ],
  body: PutJobBodySchema,
  conditional: true,
  async run(req) {
    const written = await putJob(
      req.rt.jobs,
      classicPutCommand({
        ...jobAddress(req),
        version: req.version,
        definition: req.body,
        conditions: req.conditions,
      }),
    );
    return { status: 201, headers: versionHeaders(req, written) };
  },
});

/** Get Job, under its storage account or through its edit link (`/jobs/{job}`, no account). */
export const getJobOperation = customerOp({
  summary: 'Get Job',
  description:
    'A job with its drives (docs/contract/import-export.md#a6): optional properties only when set, never a credential. An unmet condition is 412 (no 304).',
  success: { status: 200, body: jobEntitySchema, headers: ['ETag', 'Last-Modified'] },
  errors: ['ResourceNotFound'],
  conditional: true,
  async run(req) {
    const account = req.params.account;
    const job = await getJob(req.rt.jobs, {
      subscriptionId: req.subscriptionId,
      jobName: checkJobName(req.params.job ?? ''),
      ...(account !== undefined && { storageAccountName: checkStorageAccountName(account) }),
      conditions: req.conditions,
    });
    return jobReply(req, job);
  },
});
