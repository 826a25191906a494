import {
  DRIVE_TRANSITIONS,
  JOB_TRANSITIONS,
  canMoveDrive,
  canMoveJob,
  moveDrive,
  moveJob,
} from '../../shared/import-export/model/job-states';
import { ImportExportError } from '../../shared/import-export/model/errors';
import {
  DRIVE_STATES,
  JOB_STATES,
  type DriveState,
  type JobState,
} from '../../shared/import-export/model/model';
import { importJob, T0 } from '../support/job-values';

/** docs/contract/import-export.md#c1, pair by pair: every allowed move moves; every other is 409 InvalidJobState. */
const EXPECTED_JOB: Record<JobState, readonly JobState[]> = {
  Creating: ['Shipping', 'Faulted'],
  Shipping: ['Received', 'Closed', 'Faulted'],
  Received: ['Transferring', 'Packaging', 'Faulted'],
  Transferring: ['Packaging', 'Faulted'],
  Packaging: ['Completed', 'Closed', 'Faulted'],
  Completed: [],
  Closed: [],
  Faulted: ['Creating', 'Shipping', 'Received', 'Transferring', 'Packaging'],
};

const EXPECTED_DRIVE: Record<DriveState, readonly DriveState[]> = {
  Specified: ['Received', 'NeverReceived', 'Faulted'],
  Received: ['Transferring', 'ShippedBack', 'Faulted'],
  NeverReceived: ['Received', 'Faulted'],
  Transferring: ['Completed', 'CompletedMoreInfo', 'Faulted'],
  Completed: ['ShippedBack', 'Faulted'],
  CompletedMoreInfo: ['ShippedBack', 'Faulted'],
  ShippedBack: ['Faulted'],
  Faulted: [
    'Specified',
    'Received',
    'NeverReceived',
    'Transferring',
    'Completed',
    'CompletedMoreInfo',
    'ShippedBack',
  ],
};

const jobPairs = JOB_STATES.flatMap((from) => JOB_STATES.map((to) => [from, to] as const));
const drivePairs = DRIVE_STATES.flatMap((from) => DRIVE_STATES.map((to) => [from, to] as const));
const allowedJob = jobPairs.filter(([f, t]) => EXPECTED_JOB[f].includes(t));
const refusedJob = jobPairs.filter(([f, t]) => !EXPECTED_JOB[f].includes(t));
const allowedDrive = drivePairs.filter(([f, t]) => EXPECTED_DRIVE[f].includes(t));
const refusedDrive = drivePairs.filter(([f, t]) => !EXPECTED_DRIVE[f].includes(t));

const later = new Date(T0.getTime() + 60_000);

describe('the job state machine (docs/contract/import-export.md#c1)', () => {
  it('is exactly the table of docs/contract/import-export.md#c1', () => {
    expect(JOB_TRANSITIONS).toEqual(EXPECTED_JOB);
  });

  it.each(allowedJob)('moves a job from %s to %s', (from, to) => {
    expect(canMoveJob(from, to)).toBe(true);
    const moved = moveJob(importJob({ State: from }), to, later);
    expect(moved.State).toBe(to);
    expect(moved.ClockStart).toBe(later.toISOString());
  });

  it.each(refusedJob)('refuses to move a job from %s to %s with InvalidJobState', (from, to) => {
    expect(canMoveJob(from, to)).toBe(false);
    const job = importJob({ State: from });
    let caught: unknown;
    try {
      moveJob(job, to, later);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ImportExportError);
    expect((caught as ImportExportError).code).toBe('InvalidJobState');
  });

  it.each(JOB_STATES.filter((s) => EXPECTED_JOB[s].includes('Faulted')))(
    'a job faulted in %s remembers it, and forgets it once it leaves Faulted',
    (from) => {
      const faulted = moveJob(importJob({ State: from }), 'Faulted', later);
      expect(faulted.FaultedFrom).toBe(from);
      const back = moveJob({ ...faulted, FaultReason: 'lost' }, from, later);
      expect(back.State).toBe(from);
      expect(back).not.toHaveProperty('FaultedFrom');
      expect(back).not.toHaveProperty('FaultReason');
    },
  );
});

describe('the drive state machine (docs/contract/import-export.md#c1)', () => {
  it('is exactly the table of docs/contract/import-export.md#c1 (with Received → ShippedBack for a cancelled job)', () => {
    expect(DRIVE_TRANSITIONS).toEqual(EXPECTED_DRIVE);
  });

  it.each(allowedDrive)('moves a drive from %s to %s', (from, to) => {
    expect(canMoveDrive(from, to)).toBe(true);
    expect(moveDrive({ DriveId: 'D1', State: from }, to).State).toBe(to);
  });

  it.each(refusedDrive)('refuses to move a drive from %s to %s with InvalidJobState', (from, to) => {
    expect(canMoveDrive(from, to)).toBe(false);
    expect(() => moveDrive({ DriveId: 'D1', State: from }, to)).toThrow(
      expect.objectContaining({ code: 'InvalidJobState' }),
    );
  });

  it.each(DRIVE_STATES.filter((s) => s !== 'Faulted'))('a drive faulted in %s remembers it', (from) => {
    const faulted = moveDrive({ DriveId: 'D1', State: from }, 'Faulted');
    expect(faulted.FaultedFrom).toBe(from);
    expect(moveDrive(faulted, from)).toEqual({ DriveId: 'D1', State: from });
  });
});
