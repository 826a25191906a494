import { startDrive, reportProgress } from '../../shared/import-export/datacenter/drive-copy';
import { faultJob, resolveFault } from '../../shared/import-export/datacenter/faults';
import { receiveImport } from '../../shared/import-export/datacenter/receive-import';
import { shipJob } from '../../shared/import-export/datacenter/ship';
import type { Job } from '../../shared/import-export/model/model';
import { drive, importJob, T0 } from '../support/job-values';

const now = new Date(T0.getTime() + 3_600_000);
const code = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return 'no error';
};
const states = (job: Job | undefined) => job?.DriveList.map((d) => `${d.DriveId}:${d.State}`);
const PKG = { CarrierName: 'FedEx', TrackingNumber: '123456789012', DriveCount: 2, ShipDate: '2024-01-02' };

describe('receive for an import (docs/contract/import-export.md#b)', () => {
  const shipping = () =>
    importJob({
      State: 'Shipping',
      Alerts: [{ Kind: 'ShippingOverdue', Time: T0.toISOString(), Message: 'late' }],
    });

  it('marks listed drives Received, the others NeverReceived, records extra drives, and drops overdue alerts', () => {
    const job = receiveImport(
      shipping(),
      { Drives: [{ DriveId: '1w0f9lv1' }], ExtraDrives: ['X1', 'x1', 'Y2'] },
      now,
    )!;
    expect(job.State).toBe('Received');
    expect(states(job)).toEqual(['1W0F9LV1:Received', '9WM3NZFS:NeverReceived']);
    expect(job.ExtraDrives).toEqual(['X1', 'Y2']);
    expect(job).not.toHaveProperty('Alerts');
    expect(job.ClockStart).toBe(now.toISOString());
  });

  it('receives a late NeverReceived drive while Received, keeping the others as they are', () => {
    const received = receiveImport(shipping(), { Drives: [{ DriveId: '1W0F9LV1' }] }, now)!;
    const late = receiveImport(received, { Drives: [{ DriveId: '9WM3NZFS' }] }, now)!;
    expect(late.State).toBe('Received');
    expect(states(late)).toEqual(['1W0F9LV1:Received', '9WM3NZFS:Received']);
  });

  it('changes nothing when the same package is received again', () => {
    const received = receiveImport(
      shipping(),
      { Drives: [{ DriveId: '1W0F9LV1' }], ExtraDrives: ['X1'] },
      now,
    )!;
    expect(
      receiveImport(received, { Drives: [{ DriveId: '1W0F9LV1' }], ExtraDrives: ['X1'] }, now),
    ).toBeUndefined();
  });

  it.each(['Creating', 'Transferring', 'Packaging', 'Completed', 'Faulted'] as const)(
    'refuses a job in %s with InvalidJobState',
    (State) =>
      expect(code(() => receiveImport(importJob({ State }), { Drives: [] }, now))).toBe('InvalidJobState'),
  );

  it('refuses a drive that is not the job’s, or an extra drive that is, with InvalidRequestBody', () => {
    expect(code(() => receiveImport(shipping(), { Drives: [{ DriveId: 'NOPE' }] }, now))).toBe(
      'InvalidRequestBody',
    );
    expect(code(() => receiveImport(shipping(), { Drives: [], ExtraDrives: ['9wm3nzfs'] }, now))).toBe(
      'InvalidRequestBody',
    );
    expect(
      code(() => receiveImport(shipping(), { Drives: [{ DriveId: '1W0F9LV1', CapacityBytes: 5 }] }, now)),
    ).toBe('InvalidRequestBody');
  });
});

describe('start and progress (docs/contract/import-export.md#b)', () => {
  const received = () =>
    importJob({ State: 'Received', DriveList: [drive('A'), drive('B', { State: 'NeverReceived' })] });

  it('start moves the drive and the job to Transferring with CopyStatus InProgress', () => {
    const job = startDrive(received(), 'a', now)!;
    expect(job.State).toBe('Transferring');
    expect(job.DriveList[0]).toMatchObject({
      State: 'Transferring',
      CopyStatus: 'InProgress',
      PercentComplete: 0,
    });
    expect(job.PercentComplete).toBe(0);
    expect(startDrive(job, 'A', now)).toBeUndefined();
  });

  it('start is refused for a cancelled job, a drive not received, and an unknown drive', () => {
    expect(code(() => startDrive({ ...received(), CancelRequested: true }, 'A', now))).toBe(
      'InvalidJobState',
    );
    expect(code(() => startDrive(received(), 'B', now))).toBe('InvalidJobState');
    expect(code(() => startDrive(received(), 'Z', now))).toBe('ResourceNotFound');
    expect(code(() => startDrive(importJob({ State: 'Shipping', DriveList: [drive('A')] }), 'A', now))).toBe(
      'InvalidJobState',
    );
  });

  it('progress never goes back, and estimates an import drive’s size for the byte-weighted mean', () => {
    const started = startDrive(received(), 'A', now)!;
    const half = reportProgress(started, 'A', { PercentComplete: 50, BytesSucceeded: 500 })!;
    expect(half.DriveList[0]).toMatchObject({ PercentComplete: 50, BytesSucceeded: 500, BytesTotal: 1000 });
    expect(half.PercentComplete).toBe(50);
    expect(reportProgress(half, 'A', { PercentComplete: 40, BytesSucceeded: 400 })).toBeUndefined();
    expect(code(() => reportProgress(received(), 'A', { PercentComplete: 1 }))).toBe('InvalidJobState');
  });
});

describe('ship (docs/contract/import-export.md#b)', () => {
  const packaging = (drives: Job['DriveList'], extra: Partial<Job> = {}) =>
    importJob({ State: 'Packaging', DriveList: drives, ...extra });

  it('ships every copied drive back and ends Completed when all went well', () => {
    const job = shipJob(
      packaging([
        drive('A', { State: 'Completed', CopyStatus: 'Completed' }),
        drive('B', { State: 'CompletedMoreInfo', CopyStatus: 'CompletedWithWarnings' }),
      ]),
      PKG,
      now,
    )!;
    expect(job.State).toBe('Completed');
    expect(states(job)).toEqual(['A:ShippedBack', 'B:ShippedBack']);
    expect(job.ReturnPackage).toEqual(PKG);
  });

  it.each([
    ['a drive with errors', drive('B', { State: 'CompletedMoreInfo', CopyStatus: 'CompletedWithErrors' })],
    ['a failed drive', drive('B', { State: 'CompletedMoreInfo', CopyStatus: 'ManifestCorrupted' })],
    ['a drive never received', drive('B', { State: 'NeverReceived' })],
  ])('ends Closed with %s', (_what, other) => {
    const job = shipJob(
      packaging([drive('A', { State: 'Completed', CopyStatus: 'Completed' }), other]),
      PKG,
      now,
    )!;
    expect(job.State).toBe('Closed');
  });

  it('leaves a NeverReceived drive NeverReceived: it is not in the return package', () => {
    const job = shipJob(
      packaging([
        drive('A', { State: 'Completed', CopyStatus: 'Completed' }),
        drive('B', { State: 'NeverReceived' }),
      ]),
      PKG,
      now,
    )!;
    expect(states(job)).toEqual(['A:ShippedBack', 'B:NeverReceived']);
  });

  it('ends a cancelled job Completed, shipping back the drives it skipped', () => {
    const job = shipJob(
      packaging([drive('A', { State: 'CompletedMoreInfo', CopyStatus: 'CompletedWithErrors' }), drive('B')], {
        CancelRequested: true,
      }),
      PKG,
      now,
    )!;
    expect(job.State).toBe('Completed');
    expect(states(job)).toEqual(['A:ShippedBack', 'B:ShippedBack']);
  });

  it('is idempotent for the same package and refuses other states or a faulted drive', () => {
    const shipped = shipJob(
      packaging([drive('A', { State: 'Completed', CopyStatus: 'Completed' })]),
      PKG,
      now,
    )!;
    expect(shipJob(shipped, PKG, now)).toBeUndefined();
    expect(code(() => shipJob(shipped, { ...PKG, TrackingNumber: 'other' }, now))).toBe('InvalidJobState');
    expect(code(() => shipJob(importJob({ State: 'Transferring' }), PKG, now))).toBe('InvalidJobState');
    expect(
      code(() => shipJob(packaging([drive('A', { State: 'Faulted', FaultedFrom: 'Completed' })]), PKG, now)),
    ).toBe('InvalidJobState');
  });
});

describe('fault and resolve (docs/contract/import-export.md#c1)', () => {
  it('a faulted job remembers where it was and resolve returns it there', () => {
    const faulted = faultJob(importJob({ State: 'Transferring' }), { Reason: 'power cut' }, now)!;
    expect(faulted).toMatchObject({
      State: 'Faulted',
      FaultedFrom: 'Transferring',
      FaultReason: 'power cut',
    });
    expect(faultJob(faulted, { Reason: 'power cut' }, now)).toBeUndefined();
    expect(faultJob(faulted, { Reason: 'flood' }, now)).toMatchObject({
      FaultedFrom: 'Transferring',
      FaultReason: 'flood',
    });
    const back = resolveFault(faulted, {}, now)!;
    expect(back.State).toBe('Transferring');
    expect(back).not.toHaveProperty('FaultReason');
    expect(resolveFault(back, { State: 'Transferring' }, now)).toBeUndefined();
  });

  it('resolve can name another state the table allows, and refuses one it does not', () => {
    const faulted = faultJob(importJob({ State: 'Shipping' }), { Reason: 'x' }, now)!;
    expect(resolveFault(faulted, { State: 'Received' }, now)!.State).toBe('Received');
    expect(code(() => resolveFault(faulted, { State: 'Completed' }, now))).toBe('InvalidJobState');
    expect(code(() => resolveFault(faulted, { State: 'Lost' }, now))).toBe('InvalidRequestBody');
    expect(code(() => resolveFault(importJob(), {}, now))).toBe('InvalidJobState');
  });

  it('a finished job cannot be faulted', () => {
    expect(code(() => faultJob(importJob({ State: 'Completed' }), { Reason: 'x' }, now))).toBe(
      'InvalidJobState',
    );
  });

  it('a faulted drive remembers where it was; resolving the last one moves the job to Packaging', () => {
    const job = importJob({
      State: 'Transferring',
      DriveList: [
        drive('A', { State: 'Completed', PercentComplete: 100 }),
        drive('B', { State: 'CompletedMoreInfo', PercentComplete: 100 }),
      ],
    });
    const faulted = faultJob(job, { Reason: 'bad sector', DriveId: 'b' }, now)!;
    expect(faulted.State).toBe('Transferring');
    expect(faulted.DriveList[1]).toMatchObject({
      State: 'Faulted',
      FaultedFrom: 'CompletedMoreInfo',
      FaultReason: 'bad sector',
    });
    const resolved = resolveFault(faulted, { DriveId: 'B' }, now)!;
    expect(resolved.DriveList[1]).toEqual(drive('B', { State: 'CompletedMoreInfo', PercentComplete: 100 }));
    expect(resolved.State).toBe('Packaging');
  });
});
