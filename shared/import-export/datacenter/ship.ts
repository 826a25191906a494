import { invalidState } from '../model/errors';
import { isFinished, moveDrive, moveJob } from '../model/job-states';
import type { Drive, Job, Package, Versioned } from '../model/model';
import type { OperatorJobAddress } from './operator-job';
import { changeJob, requireJobState } from './operator-job';
import type { JobDeps } from '../model/ports';
import { isCopied } from '../model/progress';

const GOOD: readonly (Drive['CopyStatus'] | undefined)[] = ['Completed', 'CompletedWithWarnings'];

/** A drive that ended with errors, failed, was never received, or was never copied though it should have been. */
const troubled = (job: Job, d: Drive): boolean =>
  d.State === 'NeverReceived' ||
  (isCopied(d) && !GOOD.includes(d.CopyStatus)) ||
  (d.State === 'Received' && !job.CancelRequested);

const samePackage = (a: Package, b: Package): boolean =>
  a.CarrierName === b.CarrierName &&
  a.TrackingNumber === b.TrackingNumber &&
  a.DriveCount === b.DriveCount &&
  a.ShipDate === b.ShipDate;

/**
 * Ship (docs/contract/import-export.md#b): from Packaging, every drive that arrived goes back (ShippedBack, which also shows
 * an export drive's BitLocker key), ReturnPackage is set, and the job ends Completed, or Closed if
 * a drive ended with errors, failed or never arrived; a cancelled job ends Completed (docs/contract/import-export.md#a8).
 * A NeverReceived drive stays NeverReceived: it is not in the return package, since it never came.
 * Shipping the same package again changes nothing.
 */
export function shipJob(job: Job, returnPackage: Package, now: Date): Job | undefined {
  if (isFinished(job.State) && job.ReturnPackage && samePackage(job.ReturnPackage, returnPackage))
    return undefined;
  requireJobState(job, ['Packaging'], 'ship its drives back');
  const faulted = job.DriveList.find((d) => d.State === 'Faulted');
  if (faulted)
    throw invalidState(`Drive ${faulted.DriveId} is Faulted; resolve it before shipping.`, faulted.DriveId);
  const drives = job.DriveList.map((d) =>
    isCopied(d) || d.State === 'Received' ? moveDrive(d, 'ShippedBack') : d,
  );
  const closed = !job.CancelRequested && job.DriveList.some((d) => troubled(job, d));
  return {
    ...moveJob(job, closed ? 'Closed' : 'Completed', now),
    DriveList: drives,
    ReturnPackage: returnPackage,
  };
}

export function shipDrives(
  deps: JobDeps,
  at: OperatorJobAddress,
  returnPackage: Package,
): Promise<Versioned<Job>> {
  const now = deps.now();
  return changeJob(deps, at, ({ value }) => shipJob(value, returnPackage, now));
}
