import type { BlobItem, DatacenterDeps } from './ports';
import { invalidState } from '../model/errors';
import { findJob } from '../customer/get-job';
import type { OperatorJobAddress } from './operator-job';
import { driveOf } from './operator-job';

/**
 * The blobs export planning put on a drive: what the datacenter copies onto it (docs/contract/import-export.md#b, Receive).
 * 409 for an import job, or an export not planned yet (drives not received) or whose selection
 * could not be read.
 */
export async function plannedBlobs(
  deps: Pick<DatacenterDeps, 'store' | 'now' | 'plans'>,
  at: OperatorJobAddress,
  driveId: string,
): Promise<BlobItem[]> {
  const { value: job } = await findJob(deps, at.subscriptionId, at.jobName);
  const drive = driveOf(job, driveId);
  const ref = job.ExportPlan?.Blob;
  if (job.Type !== 'Export' || ref === undefined) {
    throw invalidState(`Job ${job.Name} has no export plan.`, job.ExportPlan?.Failure ?? job.Type);
  }
  const plan = await deps.plans.load(ref);
  return plan.drives[drive.DriveId] ?? [];
}
