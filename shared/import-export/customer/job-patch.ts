import { ImportExportError, invalidState } from '../model/errors';
import { moveJob } from '../model/job-states';
import { JOB_STATES } from '../model/model';
import type { Drive, Job, JobState, Package, ReturnAddress, ReturnShipping } from '../model/model';
import { isCopied, settle } from '../model/progress';

/** The Properties of an Update Job Properties body (docs/contract/import-export.md#a7), as the wire schema delivers them. */
export interface JobPatch {
  FriendlyName?: string;
  Description?: string;
  Metadata?: string;
  State?: 'Shipping';
  CancelRequested?: true;
  ReturnAddress?: ReturnAddress;
  ReturnShipping?: ReturnShipping;
  DeliveryPackage?: Package;
  EnableVerboseLog?: boolean;
  BackupDriveManifest?: boolean;
}
export type PatchProperty = keyof JobPatch;

const UNTIL_PACKAGING: readonly JobState[] = ['Creating', 'Shipping', 'Received', 'Transferring'];

/** docs/contract/import-export.md#a7's table: the states in which each property may change. Faulted allows the "any state" ones only. */
export const PROPERTY_WINDOWS: Readonly<Record<PatchProperty, readonly JobState[]>> = {
  FriendlyName: JOB_STATES,
  Description: JOB_STATES,
  Metadata: JOB_STATES,
  State: ['Creating'],
  CancelRequested: UNTIL_PACKAGING,
  ReturnAddress: UNTIL_PACKAGING,
  ReturnShipping: UNTIL_PACKAGING,
  EnableVerboseLog: UNTIL_PACKAGING,
  BackupDriveManifest: UNTIL_PACKAGING,
  DeliveryPackage: ['Creating', 'Shipping'],
};

/** A drive has arrived once it is past Specified (NeverReceived: not arrived yet, maybe later). */
const arrived = (d: Drive): boolean => {
  const stage = d.State === 'Faulted' ? (d.FaultedFrom ?? d.State) : d.State;
  return stage !== 'Specified' && stage !== 'NeverReceived';
};

/** Whether `property` may change on `job` now: its state window, and for DeliveryPackage, no drive arrived. */
export function mayChange(job: Pick<Job, 'State' | 'DriveList'>, property: PatchProperty): boolean {
  if (!PROPERTY_WINDOWS[property].includes(job.State)) return false;
  return property !== 'DeliveryPackage' || !job.DriveList.some(arrived);
}

const present = (patch: JobPatch): PatchProperty[] =>
  (Object.keys(patch) as PatchProperty[]).filter((k) => patch[k] !== undefined);

/**
 * The job after an update (docs/contract/import-export.md#a7, #a8), all or nothing: every property is checked against its
 * window before anything changes. `State: Shipping` moves the job through the state machine and
 * needs ReturnAddress and DeliveryPackage, from this request or an earlier one. Any update while
 * Creating restarts the job's two-week clock (docs/contract/import-export.md#c2).
 */
export function applyPatch(job: Job, patch: JobPatch, now: Date): Job {
  for (const property of present(patch)) {
    if (!mayChange(job, property)) {
      const why =
        property === 'DeliveryPackage' && PROPERTY_WINDOWS.DeliveryPackage.includes(job.State)
          ? 'some of its drives have already arrived'
          : `the job is ${job.State}`;
      throw invalidState(`${property} cannot be updated: ${why}.`, `Properties.${property}`);
    }
  }
  const { State, CancelRequested, ...plain } = patch;
  const changed = Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined));
  let next: Job = { ...job, ...changed, ...(CancelRequested && { CancelRequested: true }) };
  if (State === 'Shipping') {
    const missing = (['ReturnAddress', 'DeliveryPackage'] as const).filter((p) => next[p] === undefined);
    if (missing.length > 0) {
      throw new ImportExportError(
        'ShippingInformationIncomplete',
        'A job can only be Shipping once ReturnAddress and DeliveryPackage are set.',
        missing.map((p) => `Properties.${p}`).join(', '),
      );
    }
    next = moveJob(next, 'Shipping', now);
  }
  // A cancel skips the drives not started (A.8): if those it copied are all done, the copy is over,
  // and the job moves on to Packaging as their last completion would have moved it.
  if (CancelRequested && !job.CancelRequested && next.DriveList.some(isCopied)) next = settle(next, now);
  return job.State === 'Creating' ? { ...next, ClockStart: now.toISOString() } : next;
}
