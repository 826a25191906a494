import { invalidState } from './errors';
import type { Drive, DriveState, Job, JobState } from './model';
import { DRIVE_STATES } from './vocabulary';

/**
 * The state machines of docs/contract/import-export.md#c1, as data. A job moves Creating → Shipping → Received →
 * Transferring → Packaging → Completed | Closed; Received → Packaging when no drive is copied (a
 * cancelled job, docs/contract/import-export.md#a8); Shipping → Closed when the package never comes (docs/contract/import-export.md#c2); any
 * unfinished state ↔ Faulted.
 */
export const JOB_TRANSITIONS: Readonly<Record<JobState, readonly JobState[]>> = {
  Creating: ['Shipping', 'Faulted'],
  Shipping: ['Received', 'Closed', 'Faulted'],
  Received: ['Transferring', 'Packaging', 'Faulted'],
  Transferring: ['Packaging', 'Faulted'],
  Packaging: ['Completed', 'Closed', 'Faulted'],
  Completed: [],
  Closed: [],
  Faulted: ['Creating', 'Shipping', 'Received', 'Transferring', 'Packaging'],
};

/**
 * A drive moves Specified → Received | NeverReceived; NeverReceived → Received (a late arrival);
 * Received → Transferring → Completed | CompletedMoreInfo → ShippedBack; Received → ShippedBack
 * for a drive a cancelled job never copied (docs/contract/import-export.md#a8); any state ↔ Faulted. Export drives are
 * born Received.
 */
export const DRIVE_TRANSITIONS: Readonly<Record<DriveState, readonly DriveState[]>> = {
  Specified: ['Received', 'NeverReceived', 'Faulted'],
  Received: ['Transferring', 'ShippedBack', 'Faulted'],
  NeverReceived: ['Received', 'Faulted'],
  Transferring: ['Completed', 'CompletedMoreInfo', 'Faulted'],
  Completed: ['ShippedBack', 'Faulted'],
  CompletedMoreInfo: ['ShippedBack', 'Faulted'],
  ShippedBack: ['Faulted'],
  Faulted: DRIVE_STATES.filter((s) => s !== 'Faulted'),
};

export const canMoveJob = (from: JobState, to: JobState): boolean => JOB_TRANSITIONS[from].includes(to);
export const canMoveDrive = (from: DriveState, to: DriveState): boolean =>
  DRIVE_TRANSITIONS[from].includes(to);

/** docs/contract/import-export.md#d3: every state but Completed and Closed holds one of the subscription's active-job slots. */
export const isActive = (state: JobState): boolean => state !== 'Completed' && state !== 'Closed';

/** docs/contract/import-export.md#a9 (Decision): Completed and Closed are the finished states. */
export const isFinished = (state: JobState): boolean => !isActive(state);

/**
 * The job in state `to`, or 409 InvalidJobState. Entering Faulted remembers where the job was;
 * every move restarts the job's clock (the timers of docs/contract/import-export.md#c2 count from the last state change).
 */
export function moveJob(job: Job, to: JobState, now: Date): Job {
  if (!canMoveJob(job.State, to)) {
    throw invalidState(`A job cannot move from ${job.State} to ${to}.`, `${job.State} -> ${to}`);
  }
  const { FaultedFrom: _from, FaultReason: _reason, ...rest } = job;
  return {
    ...rest,
    State: to,
    ...(to === 'Faulted' && { FaultedFrom: job.State }),
    ClockStart: now.toISOString(),
  };
}

/** The drive in state `to`, or 409 InvalidJobState. Entering Faulted remembers where it was. */
export function moveDrive(drive: Drive, to: DriveState): Drive {
  if (!canMoveDrive(drive.State, to)) {
    throw invalidState(
      `Drive ${drive.DriveId} cannot move from ${drive.State} to ${to}.`,
      `${drive.State} -> ${to}`,
    );
  }
  const { FaultedFrom: _from, FaultReason: _reason, ...rest } = drive;
  return { ...rest, State: to, ...(to === 'Faulted' && { FaultedFrom: drive.State }) };
}
