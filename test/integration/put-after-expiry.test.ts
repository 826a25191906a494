import { findJob } from '../../shared/import-export/customer/get-job';
import { newSubscription, TestClock, testRuntime } from '../support/runtime';
import { at, moveAlong, putSampleJob, T0 } from '../support/timed-jobs';

/**
 * docs/contract/import-export.md#c2: a job past its deletion time is gone, whether or not a sweep has
 * deleted it yet. Put of its name must not depend on the race with the sweep: it creates a new job.
 */
const clock = new TestClock(T0);
const rt = testRuntime({}, clock.now);
beforeAll(() => rt.tables.ensure());
beforeEach(() => clock.set(T0));

it('creates a job over a Closed one past its 90 days that no sweep has deleted yet', async () => {
  const sub = newSubscription();
  await putSampleJob(rt.jobs, sub, 'Old');
  await moveAlong(rt.jobs, sub, 'Old', ['Shipping', 'Closed'], at(1));
  clock.set(at(91));
  await expect(findJob(rt.jobs, sub, 'Old')).rejects.toMatchObject({ code: 'ResourceNotFound' });
  const created = await putSampleJob(rt.jobs, sub, 'Old');
  expect([created.value.State, created.value.CreatedTime]).toEqual(['Creating', at(91).toISOString()]);
});

it('creates a new job, for another account too, over a Creating one past its 14 days', async () => {
  const sub = newSubscription();
  await putSampleJob(rt.jobs, sub, 'Stale');
  clock.set(at(14));
  const created = await putSampleJob(rt.jobs, sub, 'Stale', 'xtother');
  expect([created.value.StorageAccountName, created.value.CreatedTime]).toEqual([
    'xtother',
    at(14).toISOString(),
  ]);
});
