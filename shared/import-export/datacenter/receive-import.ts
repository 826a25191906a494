import { invalidState, ImportExportError } from '../model/errors';
import { moveDrive, moveJob } from '../model/job-states';
import type { Drive, Job } from '../model/model';
import { requireJobState } from './operator-job';
import { SHIPPING_OVERDUE } from '../model/timers';

/** A package as the operator found it (docs/contract/import-export.md#b, Receive). */
export interface ReceiveCommand {
  Drives: { DriveId: string; CapacityBytes?: number }[];
  ExtraDrives?: string[];
}

const upper = (s: string) => s.toUpperCase();

/**
 * The package has arrived: the job leaves Shipping for Received, and the overdue alerts the
 * sweeper raised while it was awaited (docs/contract/import-export.md#c2) are over, so they are dropped.
 */
export function arrived(job: Job, now: Date): Job {
  if (job.State !== 'Shipping') return job;
  const { Alerts, ...rest } = moveJob(job, 'Received', now);
  const kept = (Alerts ?? []).filter((a) => a.Kind !== SHIPPING_OVERDUE);
  return kept.length > 0 ? { ...rest, Alerts: kept } : rest;
}

function receivedDrive(d: Drive): Drive {
  if (d.State === 'Received') return d;
  if (d.State === 'Specified' || d.State === 'NeverReceived') return moveDrive(d, 'Received');
  throw invalidState(`Drive ${d.DriveId} is ${d.State} and cannot be received.`, d.DriveId);
}

/**
 * Receive for an import (docs/contract/import-export.md#b): listed drives become Received; from Shipping, the job's other
 * drives become NeverReceived; from Received, a late NeverReceived drive arrives and the others
 * keep their state. Extra drives are recorded once each for return. Answers undefined when the
 * package changes nothing (receiving a received drive again).
 */
export function receiveImport(job: Job, cmd: ReceiveCommand, now: Date): Job | undefined {
  requireJobState(job, ['Shipping', 'Received'], 'receive a package');
  const ids = new Set(job.DriveList.map((d) => upper(d.DriveId)));
  for (const d of cmd.Drives) {
    if (d.CapacityBytes !== undefined)
      throw new ImportExportError(
        'InvalidRequestBody',
        'Import drives have no CapacityBytes.',
        `Drives: ${d.DriveId}`,
      );
    if (!ids.has(upper(d.DriveId)))
      throw new ImportExportError(
        'InvalidRequestBody',
        `Drive ${d.DriveId} is not a drive of job ${job.Name}; list it in ExtraDrives.`,
        d.DriveId,
      );
  }
  const extras = cmd.ExtraDrives ?? [];
  const own = extras.find((e) => ids.has(upper(e)));
  if (own !== undefined)
    throw new ImportExportError(
      'InvalidRequestBody',
      `Drive ${own} belongs to the job; list it in Drives.`,
      own,
    );
  const listed = new Set(cmd.Drives.map((d) => upper(d.DriveId)));
  const fromShipping = job.State === 'Shipping';
  const drives = job.DriveList.map((d) => {
    if (listed.has(upper(d.DriveId))) return receivedDrive(d);
    return fromShipping && d.State === 'Specified' ? moveDrive(d, 'NeverReceived') : d;
  });
  const known = new Set((job.ExtraDrives ?? []).map(upper));
  const newExtras = extras.filter(
    (e, i) => !known.has(upper(e)) && extras.findIndex((x) => upper(x) === upper(e)) === i,
  );
  const unchanged = !fromShipping && newExtras.length === 0 && drives.every((d, i) => d === job.DriveList[i]);
  if (unchanged) return undefined;
  return {
    ...arrived(job, now),
    DriveList: drives,
    ...((job.ExtraDrives || newExtras.length > 0) && {
      ExtraDrives: [...(job.ExtraDrives ?? []), ...newExtras],
    }),
  };
}
