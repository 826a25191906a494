import { completeCopy } from '../../import-export/datacenter/complete-drive';
import { progressCopy, startCopy } from '../../import-export/datacenter/drive-copy';
import { findJob } from '../../import-export/customer/get-job';
import type { Job, Versioned } from '../../import-export/model/model';
import { checkJobName, checkSubscriptionId } from '../../import-export/model/names';
import type { OperatorJobAddress } from '../../import-export/datacenter/operator-job';
import { plannedBlobs } from '../../import-export/datacenter/planned-blobs';
import { receivePackage } from '../../import-export/datacenter/receive';
import { shipDrives } from '../../import-export/datacenter/ship';
import {
  CompleteBodySchema,
  ProgressBodySchema,
  ReceiveBodySchema,
  ShipBodySchema,
} from './wire/operator.schema';
import { operatorJobSchema, plannedBlobsSchema } from './wire/operator-wire.schema';
import { operatorJobView } from './operator-presenter';
import type { OperationDoc } from '../../edge/operation';
import type { OperatorRequest } from './pipeline';
import { operatorOp } from './pipeline';
import type { Reply } from '../../edge/reply';

/** The job of an `/operator/subscriptions/{sub}/jobs/{job}/...` request. */
export const jobAt = (req: OperatorRequest<unknown>): OperatorJobAddress => ({
  subscriptionId: checkSubscriptionId(req.params.sub ?? ''),
  jobName: checkJobName(req.params.job ?? ''),
});

const driveAt = (req: OperatorRequest<unknown>): string => req.params.driveId ?? '';

/** Operator answers: the job in the Get Job shape (plain JSON), with its version. */
export const operatorJobReply = (job: Versioned<Job>): Reply => ({
  status: 200,
  json: operatorJobView(job.value),
  headers: { ETag: job.etag, 'Last-Modified': job.lastModified.toUTCString() },
});

/** What every operator action on a job answers: the job as it now is, with its version. */
export const OPERATOR_JOB_ANSWER: OperationDoc['success'] = {
  status: 200,
  body: operatorJobSchema,
  headers: ['ETag', 'Last-Modified'],
};

/** GET /operator/subscriptions/{sub}/jobs/{job}. */
export const getOperatorJobOperation = operatorOp({
  summary: 'A job as the datacenter sees it',
  success: OPERATOR_JOB_ANSWER,
  errors: ['ResourceNotFound'],
  async run(req) {
    const at = jobAt(req);
    return operatorJobReply(await findJob(req.rt.jobs, at.subscriptionId, at.jobName));
  },
});

/** POST .../receive (docs/contract/import-export.md#b, Receive). */
export const receiveOperation = operatorOp({
  summary: 'Receive the package',
  description:
    "Import: listed drives become Received, the job's others NeverReceived, extra drives are recorded; only from Shipping (or Received, for a late drive). Export: the blank drives arrive with generated BitLocker keys, and the export is planned against the customer's storage (docs/contract/import-export.md#b, #b2).",
  success: OPERATOR_JOB_ANSWER,
  errors: ['ResourceNotFound', 'InvalidJobState', 'StorageReadFailed', 'StorageWriteFailed'],
  body: ReceiveBodySchema,
  async run(req) {
    return operatorJobReply(await receivePackage(req.rt.datacenter, jobAt(req), req.body));
  },
});

/** POST .../drives/{driveId}/start. */
export const startOperation = operatorOp({
  summary: "Start a drive's copy",
  description:
    'Drive Received to Transferring, the job Transferring; refused for a cancelled job (docs/contract/import-export.md#b).',
  success: OPERATOR_JOB_ANSWER,
  errors: ['ResourceNotFound', 'InvalidJobState'],
  async run(req) {
    return operatorJobReply(await startCopy(req.rt.jobs, jobAt(req), driveAt(req)));
  },
});

/** POST .../drives/{driveId}/progress. */
export const progressOperation = operatorOp({
  summary: "Report a drive's progress",
  success: OPERATOR_JOB_ANSWER,
  errors: ['ResourceNotFound', 'InvalidJobState'],
  body: ProgressBodySchema,
  async run(req) {
    return operatorJobReply(await progressCopy(req.rt.jobs, jobAt(req), driveAt(req), req.body));
  },
});

/** POST .../drives/{driveId}/complete. */
export const completeOperation = operatorOp({
  summary: "Finish a drive's copy",
  description:
    "Checks the manifest, writes the error log (and the verbose log and manifest backup when enabled) into the customer's storage, and sets the drive Completed or CompletedMoreInfo; the job becomes Packaging when every drive is done (docs/contract/import-export.md#b, #b3).",
  success: OPERATOR_JOB_ANSWER,
  errors: ['ResourceNotFound', 'InvalidJobState', 'StorageWriteFailed'],
  body: CompleteBodySchema,
  async run(req) {
    return operatorJobReply(await completeCopy(req.rt.datacenter, jobAt(req), driveAt(req), req.body));
  },
});

/** POST .../ship. */
export const shipOperation = operatorOp({
  summary: 'Ship the drives back',
  description:
    'From Packaging: every drive ShippedBack, ReturnPackage set; the job ends Completed, or Closed when a drive failed or never came (docs/contract/import-export.md#b).',
  success: OPERATOR_JOB_ANSWER,
  errors: ['ResourceNotFound', 'InvalidJobState'],
  body: ShipBodySchema,
  async run(req) {
    return operatorJobReply(await shipDrives(req.rt.jobs, jobAt(req), req.body.ReturnPackage));
  },
});

/** GET .../drives/{driveId}/blobs: what export planning put on the drive. */
export const plannedBlobsOperation = operatorOp({
  summary: 'What export planning put on a drive',
  success: { status: 200, body: plannedBlobsSchema },
  errors: ['ResourceNotFound', 'InvalidJobState'],
  async run(req) {
    return { status: 200, json: { value: await plannedBlobs(req.rt.datacenter, jobAt(req), driveAt(req)) } };
  },
});
