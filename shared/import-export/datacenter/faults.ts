import type { z } from 'zod';
import { withProgress } from './drive-copy';
import { invalidState, ImportExportError } from '../model/errors';
import { moveDrive, moveJob } from '../model/job-states';
import { DriveStateSchema, JobStateSchema, type Job, type Versioned } from '../model/model';
import type { OperatorJobAddress } from './operator-job';
import { changeJob, driveOf, withDrive } from './operator-job';
import type { JobDeps } from '../model/ports';
import { isCopied, settle } from '../model/progress';

export interface FaultCommand {
  Reason: string;
  DriveId?: string;
}

export interface ResolveCommand {
  State?: string;
  DriveId?: string;
}

/**
 * Fault (docs/contract/import-export.md#c1): the job, or one drive, enters Faulted and remembers where it was. Faulting
 * what is already Faulted keeps where it was and only records the new reason (nothing, if the
 * reason is the same).
 */
export function faultJob(job: Job, cmd: FaultCommand, now: Date): Job | undefined {
  if (cmd.DriveId !== undefined) {
    const drive = driveOf(job, cmd.DriveId);
    if (drive.State === 'Faulted')
      return drive.FaultReason === cmd.Reason
        ? undefined
        : withDrive(job, { ...drive, FaultReason: cmd.Reason });
    return withDrive(job, { ...moveDrive(drive, 'Faulted'), FaultReason: cmd.Reason });
  }
  if (job.State === 'Faulted')
    return job.FaultReason === cmd.Reason ? undefined : { ...job, FaultReason: cmd.Reason };
  return { ...moveJob(job, 'Faulted', now), FaultReason: cmd.Reason };
}

function stateOf<T>(schema: z.ZodType<T>, state: string | undefined): T | undefined {
  if (state === undefined) return undefined;
  const parsed = schema.safeParse(state);
  if (!parsed.success)
    throw new ImportExportError('InvalidRequestBody', `"${state}" is not a state.`, 'State');
  return parsed.data;
}

const notFaulted = (what: string, state: string) =>
  invalidState(`${what} is ${state}, not Faulted: there is nothing to resolve.`, state);

/**
 * Resolve (docs/contract/import-export.md#c1): a Faulted job or drive returns where it was, or to the state the operator
 * names, as the transition table allows. A resolved drive may complete its job's copy (the job
 * then moves on to Packaging), and so may a job resolved into Transferring whose drives were all
 * done meanwhile. Resolving into the state the job or drive is already in changes
 * nothing, so a repeated call is harmless.
 */
export function resolveFault(job: Job, cmd: ResolveCommand, now: Date): Job | undefined {
  if (cmd.DriveId !== undefined) {
    const drive = driveOf(job, cmd.DriveId);
    const named = stateOf(DriveStateSchema, cmd.State);
    if (drive.State !== 'Faulted') {
      if (named === drive.State) return undefined;
      throw notFaulted(`Drive ${drive.DriveId}`, drive.State);
    }
    const target = named ?? drive.FaultedFrom;
    if (!target) throw invalidState(`Drive ${drive.DriveId} does not know where it was; name a State.`);
    return settle(withProgress(job, moveDrive(drive, target)), now);
  }
  const named = stateOf(JobStateSchema, cmd.State);
  if (job.State !== 'Faulted') {
    if (named === job.State) return undefined;
    throw notFaulted(`Job ${job.Name}`, job.State);
  }
  const target = named ?? job.FaultedFrom;
  if (!target) throw invalidState(`Job ${job.Name} does not know where it was; name a State.`);
  // Its copy may have been done while it was Faulted (a drive resolved to Completed).
  const back = moveJob(job, target, now);
  return back.DriveList.some(isCopied) ? settle(back, now) : back;
}

export function fault(deps: JobDeps, at: OperatorJobAddress, cmd: FaultCommand): Promise<Versioned<Job>> {
  const now = deps.now();
  return changeJob(deps, at, ({ value }) => faultJob(value, cmd, now));
}

export function resolve(deps: JobDeps, at: OperatorJobAddress, cmd: ResolveCommand): Promise<Versioned<Job>> {
  const now = deps.now();
  return changeJob(deps, at, ({ value }) => resolveFault(value, cmd, now));
}
