import { findJob } from '../customer/get-job';
import { ImportExportError, invalidState, notFound } from '../model/errors';
import type { Drive, Job, Versioned } from '../model/model';
import type { JobDeps } from '../model/ports';
import { rewriteJob } from '../model/rewrite-job';

/** Whether the job is gone (deleted, or past its deletion time): a read of it answers 404. */
export function jobGone(deps: Pick<JobDeps, 'store' | 'now'>, at: OperatorJobAddress): Promise<boolean> {
  return findJob(deps, at.subscriptionId, at.jobName).then(
    () => false,
    (err: unknown) => err instanceof ImportExportError && err.code === 'ResourceNotFound',
  );
}

/** A job as the operator API addresses it: subscription and name, no storage account. */
export interface OperatorJobAddress {
  subscriptionId: string;
  jobName: string;
}

/** The read-modify-write every operator action is (rewrite-job.ts), on the job the operator names. */
export function changeJob(
  deps: Pick<JobDeps, 'store' | 'now' | 'activeJobLimit'>,
  at: OperatorJobAddress,
  decide: (current: Versioned<Job>) => Promise<Job | undefined> | Job | undefined,
): Promise<Versioned<Job>> {
  return rewriteJob(deps, () => findJob(deps, at.subscriptionId, at.jobName), decide);
}

/** The job's drive with this id (DriveIds are unique case-insensitively), or 404. */
export function driveOf(job: Job, driveId: string): Drive {
  const drive = job.DriveList.find((d) => d.DriveId.toUpperCase() === driveId.toUpperCase());
  if (!drive) throw notFound(`drive ${driveId} of job ${job.Name}`);
  return drive;
}

/** The job with one drive replaced. */
export const withDrive = (job: Job, drive: Drive): Job => ({
  ...job,
  DriveList: job.DriveList.map((d) => (d.DriveId === drive.DriveId ? drive : d)),
});

/** 409 unless the job is in one of `states` (docs/contract/import-export.md#b: every action checks the state machine). */
export function requireJobState(job: Job, states: readonly Job['State'][], action: string): void {
  if (!states.includes(job.State)) {
    throw invalidState(
      `A job in state ${job.State} cannot ${action}; it must be ${states.join(' or ')}.`,
      `${job.Name}: ${job.State}`,
    );
  }
}
