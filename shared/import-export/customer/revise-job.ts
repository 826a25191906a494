import type { Conditions } from '../../kernel/conditions';
import { ImportExportError, invalidState } from '../model/errors';
import type { JobPatch, PatchProperty } from './job-patch';
import { PROPERTY_WINDOWS, applyPatch, mayChange } from './job-patch';
import type { Author, DriveSpec, Placement } from './job-spec';
import { authorshipAfter, checkDrives, classicAddressOf, same } from './job-spec';
import { NewJobRejected } from './new-job-rules';
import type { AddressParts, Job, Package, ReturnShipping, Versioned } from '../model/model';
import { requirePlacedJob } from './placed-jobs';
import type { JobDeps } from '../model/ports';
import { rewriteJob } from '../model/rewrite-job';

/** A Resource Manager PATCH in the domain's terms (docs/arm-import-export.md#c5); absent = no change. */
export interface JobRevision {
  tags?: Record<string, string>;
  ship?: boolean;
  cancelRequested?: boolean;
  returnAddress?: AddressParts;
  returnShipping?: ReturnShipping;
  deliveryPackage?: Package;
  verboseLog?: boolean;
  backupDriveManifest?: boolean;
  drives?: DriveSpec[];
}

export interface ReviseJobCommand {
  at: Placement;
  revision: JobRevision;
  author: Author;
  classicGroup: string;
  conditions: Conditions;
}

const WIRE: Record<PatchProperty, string> = {
  FriendlyName: 'properties.friendlyName',
  Description: 'properties.description',
  Metadata: 'properties.metadata',
  State: 'properties.state',
  CancelRequested: 'properties.cancelRequested',
  ReturnAddress: 'properties.returnAddress',
  ReturnShipping: 'properties.returnShipping',
  DeliveryPackage: 'properties.deliveryPackage',
  EnableVerboseLog: 'properties.logLevel',
  BackupDriveManifest: 'properties.backupDriveManifest',
};

/** Members equal to what is stored are dropped: they change nothing and escape their window. */
function effectivePatch(job: Job, r: JobRevision): JobPatch {
  const patch: JobPatch = {};
  if (r.returnAddress && !same(classicAddressOf(r.returnAddress), job.ReturnAddress)) {
    patch.ReturnAddress = classicAddressOf(r.returnAddress);
  }
  if (r.returnShipping && !same(r.returnShipping, job.ReturnShipping))
    patch.ReturnShipping = r.returnShipping;
  if (r.deliveryPackage && !same(r.deliveryPackage, job.DeliveryPackage))
    patch.DeliveryPackage = r.deliveryPackage;
  if (r.verboseLog !== undefined && r.verboseLog !== job.EnableVerboseLog)
    patch.EnableVerboseLog = r.verboseLog;
  if (r.backupDriveManifest !== undefined && r.backupDriveManifest !== job.BackupDriveManifest) {
    patch.BackupDriveManifest = r.backupDriveManifest;
  }
  if (r.cancelRequested === true && !job.CancelRequested) patch.CancelRequested = true;
  if (r.ship && job.State !== 'Shipping') patch.State = 'Shipping';
  return patch;
}

/** Every member checked against its window first, the message naming where it is allowed. */
function checkWindows(job: Job, patch: JobPatch): void {
  for (const p of Object.keys(patch) as PatchProperty[]) {
    if (mayChange(job, p)) continue;
    const allowed = PROPERTY_WINDOWS[p].join(', ');
    const why =
      p === 'DeliveryPackage' && PROPERTY_WINDOWS.DeliveryPackage.includes(job.State)
        ? 'some of its drives have already arrived'
        : `the job is ${job.State}`;
    throw invalidState(
      `${WIRE[p]} cannot change: ${why}. It may change while the job is ${allowed}.`,
      WIRE[p],
    );
  }
}

function revised(job: Job, r: JobRevision, author: Author, now: Date): Job | undefined {
  if (r.cancelRequested === false && job.CancelRequested) {
    throw new ImportExportError(
      'InvalidCancelRequestedValue',
      'A cancelled job cannot be un-cancelled.',
      'properties.cancelRequested',
    );
  }
  const patch = effectivePatch(job, r);
  checkWindows(job, patch);
  let drives: Job['DriveList'] | undefined;
  if (r.drives !== undefined) {
    if (job.Type === 'Export') throw new NewJobRejected({ rule: 'exportWithDrives' });
    const next = checkDrives(job.Type, r.drives);
    const key = (l: Job['DriveList']) =>
      l.map((d) => [d.DriveId, d.ManifestFile, d.ManifestHash, d.DriveHeaderHash ?? '', d.BitLockerKey]);
    if (!same(key(next), key(job.DriveList))) {
      if (job.State !== 'Creating') {
        throw invalidState(
          `properties.driveList cannot change: the job is ${job.State}. It may change while the job is Creating.`,
          'properties.driveList',
        );
      }
      drives = next;
    }
  }
  const tags = r.tags !== undefined && !same(r.tags, job.Tags ?? {}) ? r.tags : undefined;
  if (
    Object.keys(patch).length === 0 &&
    !drives &&
    !tags &&
    !(r.returnAddress && !same(r.returnAddress, job.ReturnAddressParts))
  ) {
    return undefined;
  }
  const next = applyPatch(drives ? { ...job, DriveList: drives } : job, patch, now);
  return {
    ...next,
    ...(r.returnAddress && { ReturnAddressParts: r.returnAddress }),
    ...(tags && { Tags: tags }),
    Authorship: authorshipAfter(job, author, now),
  };
}

/**
 * PATCH (docs/arm-import-export.md#c5): all or nothing, each member in its state window; a retried
 * PATCH finds its members already equal and succeeds.
 */
export function reviseJob(deps: JobDeps, cmd: ReviseJobCommand): Promise<Versioned<Job>> {
  return rewriteJob(
    deps,
    () => requirePlacedJob(deps, cmd.at, cmd.classicGroup, cmd.conditions),
    (current) => revised(current.value, cmd.revision, cmd.author, deps.now()),
  );
}
