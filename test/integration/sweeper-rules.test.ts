import { findJob } from '../../shared/import-export/customer/get-job';
import { sweep } from '../../shared/import-export/sweep/sweeper';
import { SHIPPING_OVERDUE } from '../../shared/import-export/model/timers';
import type { Runtime } from '../../shared/app/runtime';
import { newSubscription, TestClock, testRuntime } from '../support/runtime';
import { at, moveAlong, putSampleJob, reportOf, T0, TO_COMPLETED } from '../support/timed-jobs';

/**
 * Each rule of docs/contract/import-export.md#c2 on Azurite, with the clock moved across its boundary: one millisecond
 * before, the sweep does nothing; at the boundary, the effect. A limit of one active job shows the
 * quota slot freed.
 */
let clock: TestClock;
let rt: Runtime;
let sub: string;
beforeEach(() => {
  clock = new TestClock(T0);
  rt = testRuntime({ ACTIVE_JOB_LIMIT: '1' }, clock.now);
  sub = newSubscription();
});

const get = (name: string) => rt.jobs.store.get(sub, name);
const quotaTaken = () =>
  putSampleJob(rt.jobs, sub, 'Other').then(
    () => false,
    (err: { code?: string }) => err.code === 'ActiveJobQuotaExceeded',
  );

describe('the sweeper applies each timer rule at its boundary', () => {
  it('Creating for 14 days: deleted, quota slot freed', async () => {
    await putSampleJob(rt.jobs, sub, 'Alpha');
    expect(await sweep(rt.sweep, at(14, -1))).toEqual(reportOf());
    expect(await get('Alpha')).toBeDefined();
    clock.set(at(14, -1));
    expect(await quotaTaken()).toBe(true);

    expect(await sweep(rt.sweep, at(14))).toEqual(reportOf({ creatingDeleted: 1 }));
    expect(await get('Alpha')).toBeUndefined();
    expect(await rt.jobs.store.storageAccounts(sub)).toEqual([]);
    expect(await quotaTaken()).toBe(false);
  });

  it('the 14 days restart with the last update of a Creating job', async () => {
    await putSampleJob(rt.jobs, sub, 'Alpha');
    clock.set(at(10));
    await putSampleJob(rt.jobs, sub, 'Alpha');
    expect(await sweep(rt.sweep, at(24, -1))).toEqual(reportOf());
    expect((await get('Alpha'))?.value.ClockStart).toBe(at(10).toISOString());
    expect(await sweep(rt.sweep, at(24))).toEqual(reportOf({ creatingDeleted: 1 }));
  });

  it('Shipping for 14 days: drives NeverReceived and an operator alert; the clock keeps running', async () => {
    await putSampleJob(rt.jobs, sub, 'Alpha');
    await moveAlong(rt.jobs, sub, 'Alpha', ['Shipping'], at(1));
    expect(await sweep(rt.sweep, at(15, -1))).toEqual(reportOf());
    expect((await get('Alpha'))?.value.DriveList.map((d) => d.State)).toEqual(['Specified', 'Specified']);

    expect(await sweep(rt.sweep, at(15))).toEqual(reportOf({ shippingOverdue: 1 }));
    const job = (await get('Alpha'))!.value;
    expect(job.State).toBe('Shipping');
    expect(job.ClockStart).toBe(at(1).toISOString());
    expect(job.DriveList.map((d) => d.State)).toEqual(['NeverReceived', 'NeverReceived']);
    expect(job.Alerts).toEqual([
      { Kind: SHIPPING_OVERDUE, Time: at(15).toISOString(), Message: expect.any(String) },
    ]);
  });

  it('Shipping for 44 days: Closed, quota slot freed', async () => {
    await putSampleJob(rt.jobs, sub, 'Alpha');
    await moveAlong(rt.jobs, sub, 'Alpha', ['Shipping'], at(1));
    expect(await sweep(rt.sweep, at(15))).toEqual(reportOf({ shippingOverdue: 1 }));
    expect(await sweep(rt.sweep, at(45, -1))).toEqual(reportOf());
    expect((await get('Alpha'))?.value.State).toBe('Shipping');
    clock.set(at(45, -1));
    expect(await quotaTaken()).toBe(true);

    expect(await sweep(rt.sweep, at(45))).toEqual(reportOf({ shippingClosed: 1 }));
    const job = (await get('Alpha'))!.value;
    expect(job.State).toBe('Closed');
    expect(job.ClockStart).toBe(at(45).toISOString());
    expect(job.Alerts).toHaveLength(1);
    expect(await quotaTaken()).toBe(false);
  });

  it('a Shipping job no sweep saw for 44 days is alerted and closed by one sweep', async () => {
    await putSampleJob(rt.jobs, sub, 'Alpha');
    await moveAlong(rt.jobs, sub, 'Alpha', ['Shipping'], at(0));
    expect(await sweep(rt.sweep, at(60))).toEqual(reportOf({ shippingOverdue: 1, shippingClosed: 1 }));
    const job = (await get('Alpha'))!.value;
    expect([job.State, job.DriveList[0]?.State, job.Alerts?.length]).toEqual(['Closed', 'NeverReceived', 1]);
  });

  it.each([
    ['Completed', TO_COMPLETED],
    ['Closed', ['Shipping', 'Closed']],
  ] as const)('%s for 90 days: deleted, and never shown from then on', async (_state, path) => {
    await putSampleJob(rt.jobs, sub, 'Alpha');
    await moveAlong(rt.jobs, sub, 'Alpha', [...path], at(2));
    clock.set(at(92, -1));
    expect(await sweep(rt.sweep, at(92, -1))).toEqual(reportOf());
    expect((await findJob(rt.jobs, sub, 'Alpha')).value.State).toBe(_state);

    clock.set(at(92));
    await expect(findJob(rt.jobs, sub, 'Alpha')).rejects.toMatchObject({ code: 'ResourceNotFound' });
    expect(await sweep(rt.sweep, at(92))).toEqual(reportOf({ finishedDeleted: 1 }));
    expect(await get('Alpha')).toBeUndefined();
    expect(await rt.jobs.store.storageAccounts(sub)).toEqual([]);
  });

  it('jobs in untimed states are never touched', async () => {
    await putSampleJob(rt.jobs, sub, 'Alpha');
    await moveAlong(rt.jobs, sub, 'Alpha', ['Shipping', 'Received'], at(1));
    const before = await get('Alpha');
    expect(await sweep(rt.sweep, at(500))).toEqual(reportOf());
    expect((await get('Alpha'))?.etag).toBe(before?.etag);
  });
});
