import { newSubscription, testRuntime } from '../support/runtime';
import { at, putSampleJob } from '../support/timed-jobs';

/**
 * Put Job's cost in storage round trips (the benchmark's subject): a new job is one entity-group
 * transaction once the subscription's counters are known; a Get Job of an unchanged job parses
 * nothing twice.
 */
// A still clock: a job's due time counts from its write, one marker covers an hour of due times,
// and on a wall clock two writes straddling an hour's end rightly wrote a second marker.
const rt = testRuntime({}, () => at(0, 30 * 60 * 1000));

async function requestsOf(call: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const stop = rt.tables.observe((r) => seen.push(`${r.table} ${r.method}`));
  try {
    await call();
  } finally {
    stop();
  }
  return seen;
}

it('a new job in a known subscription is one transaction, with no read before it', async () => {
  const sub = newSubscription();
  await putSampleJob(rt.jobs, sub, 'First');
  expect(await requestsOf(() => putSampleJob(rt.jobs, sub, 'Second'))).toEqual(['jobs POST']);
});

it('replacing a Creating job tries the create, then reads and replaces', async () => {
  const sub = newSubscription();
  await putSampleJob(rt.jobs, sub, 'Again');
  expect(await requestsOf(() => putSampleJob(rt.jobs, sub, 'Again'))).toEqual([
    'jobs POST',
    'jobs GET',
    'jobs GET',
    'jobs POST',
  ]);
});

it('reads of an unchanged job share one parsed, frozen value', async () => {
  const sub = newSubscription();
  await putSampleJob(rt.jobs, sub, 'Polled');
  const first = await rt.jobs.store.get(sub, 'Polled');
  const second = await rt.jobs.store.get(sub, 'Polled');
  expect(second).toBe(first);
  expect(Object.isFrozen(first!.value.DriveList[0])).toBe(true);
});

it('sixteen first writes arriving at once in a new subscription share one slot read and one due marker', async () => {
  const sub = newSubscription();
  const seen = await requestsOf(() =>
    Promise.all(Array.from({ length: 16 }, (_, i) => putSampleJob(rt.jobs, sub, `Herd${i}`))),
  );
  const count = (what: string) => seen.filter((s) => s === what).length;
  expect(count('jobs POST')).toBe(16);
  expect(count('jobs GET')).toBe(1);
  expect(count('due PUT')).toBe(1);
  expect(seen).toHaveLength(18);
});
