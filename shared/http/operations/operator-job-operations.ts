import { completeCopy } from '../../domain/complete-drive';
import { progressCopy, startCopy } from '../../domain/drive-copy';
import { findJob } from '../../domain/get-job';
import type { Job, Versioned } from '../../domain/model';
import { checkJobName, checkSubscriptionId } from '../../domain/names';
import type { OperatorJobAddress } from '../../domain/operator-job';
import { plannedBlobs } from '../../domain/planned-blobs';
import { receivePackage } from '../../domain/receive';
import { shipDrives } from '../../domain/ship';
import {
  CompleteBodySchema,
  ProgressBodySchema,
  ReceiveBodySchema,
  ShipBodySchema,
} from '../../schemas/operator.schema';
import { operatorJobView } from '../operator-presenter';
import type { OperatorRequest } from '../pipeline';
import { operatorOp } from '../pipeline';
import type { Reply } from '../reply';

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

/** GET /operator/subscriptions/{sub}/jobs/{job}. */
export const getOperatorJobOperation = operatorOp({
  async run(req) {
    const at = jobAt(req);
    return operatorJobReply(await findJob(req.rt.jobs, at.subscriptionId, at.jobName));
  },
});

/** POST .../receive (SPEC B, Receive). */
export const receiveOperation = operatorOp({
  body: ReceiveBodySchema,
  async run(req) {
    return operatorJobReply(await receivePackage(req.rt.datacenter, jobAt(req), req.body));
  },
});

/** POST .../drives/{driveId}/start. */
export const startOperation = operatorOp({
  async run(req) {
    return operatorJobReply(await startCopy(req.rt.jobs, jobAt(req), driveAt(req)));
  },
});

/** POST .../drives/{driveId}/progress. */
export const progressOperation = operatorOp({
  body: ProgressBodySchema,
  async run(req) {
    return operatorJobReply(await progressCopy(req.rt.jobs, jobAt(req), driveAt(req), req.body));
  },
});

/** POST .../drives/{driveId}/complete. */
export const completeOperation = operatorOp({
  body: CompleteBodySchema,
  async run(req) {
    return operatorJobReply(await completeCopy(req.rt.datacenter, jobAt(req), driveAt(req), req.body));
  },
});

/** POST .../ship. */
export const shipOperation = operatorOp({
  body: ShipBodySchema,
  async run(req) {
    return operatorJobReply(await shipDrives(req.rt.jobs, jobAt(req), req.body.ReturnPackage));
  },
});

/** GET .../drives/{driveId}/blobs: what export planning put on the drive. */
export const plannedBlobsOperation = operatorOp({
  async run(req) {
    return { status: 200, json: { value: await plannedBlobs(req.rt.datacenter, jobAt(req), driveAt(req)) } };
  },
});
