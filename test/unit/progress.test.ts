import { jobPercent, settle } from '../../shared/import-export/model/progress';
import { drive, importJob, T0 } from '../support/job-values';

describe("the job's PercentComplete (docs/contract/import-export.md#b1-complete)", () => {
  it('is the byte-weighted mean of its drives when every size is known', () => {
    const job = importJob({
      DriveList: [
        drive('A', { State: 'Transferring', PercentComplete: 50, BytesTotal: 300 }),
        drive('B', { State: 'Completed', PercentComplete: 100, BytesTotal: 100 }),
      ],
    });
    expect(jobPercent(job)).toBe(62); // (50*300 + 100*100) / 400 = 62.5, rounded down
  });

  it('is the plain mean when a size is unknown', () => {
    const job = importJob({
      DriveList: [
        drive('A', { State: 'Transferring', PercentComplete: 50, BytesTotal: 300 }),
        drive('B', { State: 'Completed', PercentComplete: 100 }),
      ],
    });
    expect(jobPercent(job)).toBe(75);
  });

  it('counts a received drive not started yet as 0%, and leaves out drives that never arrived', () => {
    const job = importJob({
      DriveList: [
        drive('A', { State: 'Completed', PercentComplete: 100 }),
        drive('B', { State: 'Received' }),
        drive('C', { State: 'NeverReceived' }),
      ],
    });
    expect(jobPercent(job)).toBe(50);
  });

  it('leaves out the drives a cancelled job skips', () => {
    const job = importJob({
      CancelRequested: true,
      DriveList: [
        drive('A', { State: 'Completed', PercentComplete: 100 }),
        drive('B', { State: 'Received' }),
      ],
    });
    expect(jobPercent(job)).toBe(100);
  });

  it('reaches 100 only when every counted drive is done', () => {
    const job = importJob({
      DriveList: [
        drive('A', { State: 'Transferring', PercentComplete: 99, BytesTotal: 1_000_000 }),
        drive('B', { State: 'Completed', PercentComplete: 100, BytesTotal: 1 }),
      ],
    });
    expect(jobPercent(job)).toBe(99);
  });
});

describe('settling a Transferring job', () => {
  const later = new Date(T0.getTime() + 1000);

  it('moves it to Packaging once every received drive is copied', () => {
    const job = importJob({
      State: 'Transferring',
      DriveList: [drive('A', { State: 'Completed' }), drive('B', { State: 'NeverReceived' })],
    });
    expect(settle(job, later).State).toBe('Packaging');
  });

  it('waits for a drive still transferring, received or faulted', () => {
    for (const State of ['Transferring', 'Received', 'Faulted'] as const) {
      const job = importJob({
        State: 'Transferring',
        DriveList: [drive('A', { State: 'Completed' }), drive('B', { State })],
      });
      expect(settle(job, later).State).toBe('Transferring');
    }
  });

  it('does not wait for the drives a cancelled job skips', () => {
    const job = importJob({
      State: 'Transferring',
      CancelRequested: true,
      DriveList: [drive('A', { State: 'CompletedMoreInfo' }), drive('B', { State: 'Received' })],
    });
    expect(settle(job, later).State).toBe('Packaging');
  });
});
