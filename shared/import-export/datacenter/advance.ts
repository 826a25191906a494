import { DriveCompletion } from './complete-drive';
import type { DatacenterDeps } from './ports';
import { startDrive } from './drive-copy';
import { invalidState } from '../model/errors';
import { moveJob } from '../model/job-states';
import type { Job, Package, Versioned } from '../model/model';
import type { OperatorJobAddress } from './operator-job';
import { changeJob } from './operator-job';
import { isCopied, isSkipped } from '../model/progress';
import { ExportReceiving } from './receive-export';
import { receiveImport } from './receive-import';
import { shipJob } from './ship';

/** The sandbox's blank export drives: large enough that every selection fits. */
const SANDBOX_CAPACITY_BYTES = 8 * 2 ** 40;

const sandboxDrives = (job: Job) =>
  Array.from({ length: Math.min(10, Math.max(1, job.DeliveryPackage?.DriveCount ?? 1)) }, (_, i) => ({
    DriveId: `SANDBOX${String(i + 1).padStart(2, '0')}`,
    CapacityBytes: SANDBOX_CAPACITY_BYTES,
  }));

function sandboxPackage(job: Job, deps: Pick<DatacenterDeps, 'randomInt'>, now: Date): Package {
  const digits = Array.from({ length: 12 }, () => deps.randomInt(10)).join('');
  return {
    CarrierName: job.ReturnShipping?.CarrierName ?? job.DeliveryPackage?.CarrierName ?? 'FedEx',
    TrackingNumber: `SANDBOX${digits}`,
    DriveCount: job.DriveList.filter((d) => isCopied(d) || d.State === 'Received').length,
    ShipDate: now.toISOString().slice(0, 10),
  };
}

/**
 * The sandbox's "one step on" (docs/contract/import-export.md#b, advance), with synthetic, well-formed data: Shipping →
 * Received (every drive arrives; an export gets blank drives, one per DeliveryPackage.DriveCount,
 * and is planned); Received → Transferring (every drive starts; a cancelled job, or one with no
 * drive to copy, goes to Packaging); Transferring → Packaging (every drive completes with clean
 * logs and, when enabled, manifest backups); Packaging → Completed or Closed (shipped back).
 * A Creating job is refused: the customer moves it to Shipping. So are finished and Faulted jobs.
 */
export async function advance(deps: DatacenterDeps, at: OperatorJobAddress): Promise<Versioned<Job>> {
  const now = deps.now();
  const exporting = new ExportReceiving(deps, now);
  const completion = new DriveCompletion(deps, now);

  async function transfer(job: Job, version: Date): Promise<Job> {
    let next = job;
    for (const d of job.DriveList) {
      if (d.State === 'Faulted')
        throw invalidState(`Drive ${d.DriveId} is Faulted; resolve it before advancing.`, d.DriveId);
      if (d.State === 'Received' && !isSkipped(next, d)) next = startDrive(next, d.DriveId, now) ?? next;
    }
    for (const d of next.DriveList) {
      if (d.State === 'Transferring')
        next =
          (await completion.complete(next, d.DriveId, { CopyStatus: 'Completed' }, version, true)) ?? next;
    }
    return next;
  }

  const done = await changeJob(deps, at, async ({ value: job, lastModified }) => {
    completion.deciding(job, lastModified);
    exporting.deciding(job, lastModified);
    switch (job.State) {
      case 'Creating':
        throw invalidState(
          'A Creating job waits for its customer: Update Job Properties with State Shipping moves it on.',
          job.State,
        );
      case 'Shipping':
        return job.Type === 'Import'
          ? receiveImport(job, { Drives: job.DriveList.map((d) => ({ DriveId: d.DriveId })) }, now)
          : exporting.receive(job, { Drives: sandboxDrives(job) }, lastModified);
      case 'Received': {
        const toCopy = job.DriveList.filter((d) => d.State === 'Received' && !isSkipped(job, d));
        if (toCopy.length === 0) return moveJob(job, 'Packaging', now);
        return toCopy.reduce((j, d) => startDrive(j, d.DriveId, now) ?? j, job);
      }
      case 'Transferring':
        return transfer(job, lastModified);
      case 'Packaging':
        return shipJob(job, sandboxPackage(job, deps, now), now);
      case 'Completed':
      case 'Closed':
        throw invalidState(`Job ${job.Name} is ${job.State}: its life is over.`, job.State);
      case 'Faulted':
        throw invalidState(`Job ${job.Name} is Faulted; resolve it before advancing.`, job.State);
    }
  }).catch(async (err: unknown) => {
    await completion.abandon(err, at);
    await exporting.abandon(err, at);
    throw err;
  });
  await completion.tidy(done.value);
  await exporting.tidy(done.value);
  return done;
}
