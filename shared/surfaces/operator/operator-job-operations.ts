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
import type { OperatorOperation, OperatorRequest } from './pipeline';
import { operatorOp } from './pipeline';

/** The job of an `/operator/subscriptions/{sub}/jobs/{job}/...` request. */
const jobAt = (req: OperatorRequest<unknown>): OperatorJobAddress => ({
  subscriptionId: checkSubscriptionId(req.params.sub ?? ''),
  jobName: checkJobName(req.params.job ?? ''),
});

const driveAt = (req: OperatorRequest<unknown>): string => req.params.driveId ?? '';

/** An operation on one job that answers the job as it now is: its documentation and its act. */
type JobAction<B> = Omit<OperatorOperation<B>, 'success' | 'run'> & {
  act: (req: OperatorRequest<B>, at: OperatorJobAddress) => Promise<Versioned<Job>>;
};

/**
 * An operator action on a job: its answer is the job in the Get Job shape (plain JSON), with its
 * version in ETag and Last-Modified.
 */
export const jobActionOp = <B = undefined>({ act, ...doc }: JobAction<B>): OperatorOperation<B> => ({
  ...doc,
  success: { status: 200, body: operatorJobSchema, headers: ['ETag', 'Last-Modified'] },
  async run(req) {
    const job = await act(req, jobAt(req));
    return {
      status: 200,
      json: operatorJobView(job.value),
      headers: { ETag: job.etag, 'Last-Modified': job.lastModified.toUTCString() },
    };
  },
});

/** The errors of an action that reads or writes the customer's storage as well as the job. */
export const STORAGE_ACTION_ERRORS = [
  'ResourceNotFound',
  'InvalidJobState',
  'StorageReadFailed',
  'StorageWriteFailed',
  'StorageAccessNotConfigured',
] as const;

/** GET /operator/subscriptions/{sub}/jobs/{job}. */
export const getOperatorJobOperation = jobActionOp({
  summary: 'A job as the datacenter sees it',
  errors: ['ResourceNotFound'],
  act: (req, at) => findJob(req.rt.jobs, at.subscriptionId, at.jobName),
});

/** POST .../receive (docs/contract/import-export.md#b, Receive). */
export const receiveOperation = jobActionOp({
  summary: 'Receive the package',
  description:
    "Import: listed drives become Received, the job's others NeverReceived, extra drives are recorded; only from Shipping (or Received, for a late drive). Export: the blank drives arrive with generated BitLocker keys, and the export is planned against the customer's storage (docs/contract/import-export.md#b, #b2).",
  errors: STORAGE_ACTION_ERRORS,
  body: ReceiveBodySchema,
  act: (req, at) => receivePackage(req.rt.datacenter, at, req.body),
});

/** POST .../drives/{driveId}/start. */
export const startOperation = jobActionOp({
  summary: "Start a drive's copy",
  description:
    'Drive Received to Transferring, the job Transferring; refused for a cancelled job (docs/contract/import-export.md#b).',
  errors: ['ResourceNotFound', 'InvalidJobState'],
  act: (req, at) => startCopy(req.rt.jobs, at, driveAt(req)),
});

/** POST .../drives/{driveId}/progress. */
export const progressOperation = jobActionOp({
  summary: "Report a drive's progress",
  errors: ['ResourceNotFound', 'InvalidJobState'],
  body: ProgressBodySchema,
  act: (req, at) => progressCopy(req.rt.jobs, at, driveAt(req), req.body),
});

/** POST .../drives/{driveId}/complete. */
export const completeOperation = jobActionOp({
  summary: "Finish a drive's copy",
  description:
    "Checks the manifest, writes the error log (and the verbose log and manifest backup when enabled) into the customer's storage, and sets the drive Completed or CompletedMoreInfo; the job becomes Packaging when every drive is done (docs/contract/import-export.md#b, #b3).",
  errors: ['ResourceNotFound', 'InvalidJobState', 'StorageWriteFailed', 'StorageAccessNotConfigured'],
  body: CompleteBodySchema,
  act: (req, at) => completeCopy(req.rt.datacenter, at, driveAt(req), req.body),
});

/** POST .../ship. */
export const shipOperation = jobActionOp({
  summary: 'Ship the drives back',
  description:
    'From Packaging: every drive ShippedBack, ReturnPackage set; the job ends Completed, or Closed when a drive failed or never came (docs/contract/import-export.md#b).',
  errors: ['ResourceNotFound', 'InvalidJobState'],
  body: ShipBodySchema,
  act: (req, at) => shipDrives(req.rt.jobs, at, req.body.ReturnPackage),
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
