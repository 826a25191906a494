import { findJob } from '../../shared/import-export/customer/get-job';
import { newSubscription, TestClock, testRuntime } from '../support/runtime';
import { at, moveAlong, putSampleJob, T0 } from '../support/timed-jobs';

/**
 * docs/contract/import-export.md#c2: "Get Job never shows a job that a sweep would already have deleted", between sweeps
 * too. No sweep runs in these tests: the reads alone hide the job from its deletion time on.
 */
const clock = new TestClock(T0);
const rt = testRuntime({}, clock.now);
const sub = newSubscription();

const listed = (now: Date) =>
  rt.jobs.store
    .list({ subscriptionId: sub, storageAccountName: 'xttest', now, limit: 1000 })
    .then((page) => page.jobs.map((j) => j.value.Name).sort());
const shown = (name: string) =>
  findJob(rt.jobs, sub, name).then(
    (j) => j.value.State,
    (err: { code?: string }) => err.code,
  );

beforeAll(async () => {
  await putSampleJob(rt.jobs, sub, 'Fresh');
  await putSampleJob(rt.jobs, sub, 'Shipped');
  await moveAlong(rt.jobs, sub, 'Shipped', ['Shipping', 'Closed'], at(1));
  await putSampleJob(rt.jobs, sub, 'Moving');
  await moveAlong(rt.jobs, sub, 'Moving', ['Shipping', 'Received'], at(1));
});

describe('reads hide a job past its deletion time, even before any sweep', () => {
  it('a Creating job shows until 14 days after its clock started, not from then on', async () => {
    clock.set(at(14, -1));
    expect(await shown('Fresh')).toBe('Creating');
    expect(await listed(at(14, -1))).toEqual(['Fresh', 'Moving', 'Shipped']);
    clock.set(at(14));
    expect(await shown('Fresh')).toBe('ResourceNotFound');
    expect(await listed(at(14))).toEqual(['Moving', 'Shipped']);
  });

  it('a Closed job shows until 90 days after it closed, not from then on', async () => {
    clock.set(at(91, -1));
    expect(await shown('Shipped')).toBe('Closed');
    expect(await listed(at(91, -1))).toEqual(['Moving', 'Shipped']);
    clock.set(at(91));
    expect(await shown('Shipped')).toBe('ResourceNotFound');
    expect(await listed(at(91))).toEqual(['Moving']);
  });

  it('a job in an untimed state shows however old it is', async () => {
    clock.set(at(10_000));
    expect(await shown('Moving')).toBe('Received');
    expect(await listed(at(10_000))).toEqual(['Moving']);
  });
});
