import { invalidState } from '../model/errors';
import { moveDrive, moveJob } from '../model/job-states';
import type { Drive, Job, Versioned } from '../model/model';
import type { OperatorJobAddress } from './operator-job';
import { changeJob, driveOf, requireJobState, withDrive } from './operator-job';
import type { JobDeps } from '../model/ports';
import { jobPercent } from '../model/progress';

/** The job with a changed drive, its PercentComplete recomputed. */
export function withProgress(job: Job, drive: Drive): Job {
  const next = withDrive(job, drive);
  return { ...next, PercentComplete: jobPercent(next) };
}

/**
 * Start (docs/contract/import-export.md#b): drive Received → Transferring with CopyStatus InProgress, the job Received →
 * Transferring. Refused for a cancelled job, whose data copy is skipped (docs/contract/import-export.md#a8). Starting a
 * drive that is already transferring changes nothing.
 */
export function startDrive(job: Job, driveId: string, now: Date): Job | undefined {
  const drive = driveOf(job, driveId);
  if (drive.State === 'Transferring') return undefined;
  requireJobState(job, ['Received', 'Transferring'], "start a drive's copy");
  if (job.CancelRequested) {
    throw invalidState(`Job ${job.Name} is cancelled: its drives are not copied.`, `${job.Name}: cancelled`);
  }
  const started: Drive = {
    ...moveDrive(drive, 'Transferring'),
    CopyStatus: 'InProgress',
    PercentComplete: 0,
    BytesSucceeded: 0,
  };
  return withProgress(job.State === 'Received' ? moveJob(job, 'Transferring', now) : job, started);
}

export interface ProgressReport {
  PercentComplete: number;
  BytesSucceeded?: number;
}

/**
 * Progress of a transferring drive. Reports may arrive out of order, so progress never goes back.
 * An import drive's size is not known in advance; it is estimated from the bytes and percentage
 * reported, so the job's PercentComplete can be weighted by bytes (an export drive's is planned).
 */
export function reportProgress(job: Job, driveId: string, report: ProgressReport): Job | undefined {
  requireJobState(job, ['Transferring'], "report a drive's progress");
  const drive = driveOf(job, driveId);
  if (drive.State !== 'Transferring') {
    throw invalidState(`Drive ${drive.DriveId} is ${drive.State}, not Transferring.`, drive.DriveId);
  }
  const percent = Math.max(drive.PercentComplete ?? 0, report.PercentComplete);
  const bytes =
    report.BytesSucceeded === undefined
      ? drive.BytesSucceeded
      : Math.max(drive.BytesSucceeded ?? 0, report.BytesSucceeded);
  const estimate =
    job.Type === 'Import' && bytes !== undefined && bytes > 0 && percent > 0
      ? Math.round((bytes * 100) / percent)
      : drive.BytesTotal;
  if (percent === drive.PercentComplete && bytes === drive.BytesSucceeded) return undefined;
  return withProgress(job, {
    ...drive,
    PercentComplete: percent,
    ...(bytes !== undefined && { BytesSucceeded: bytes }),
    ...(estimate !== undefined && { BytesTotal: estimate }),
  });
}

export function startCopy(deps: JobDeps, at: OperatorJobAddress, driveId: string): Promise<Versioned<Job>> {
  const now = deps.now();
  return changeJob(deps, at, ({ value }) => startDrive(value, driveId, now));
}

export function progressCopy(
  deps: JobDeps,
  at: OperatorJobAddress,
  driveId: string,
  report: ProgressReport,
): Promise<Versioned<Job>> {
  return changeJob(deps, at, ({ value }) => reportProgress(value, driveId, report));
}
