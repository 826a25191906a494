import { moveJob } from '../../shared/domain/job-states';
import { dueRowKey } from '../../shared/storage/due-index';
import { newSubscription, TestClock, testRuntime } from '../support/runtime';
import { at, putSampleJob, T0 } from '../support/timed-jobs';

/**
 * The due-time index follows the job store's writes (SPEC C.2): the entry of the new due time is
 * written before the job's transaction, the old one removed after it; untimed states and deleted
 * jobs have none.
 */
const clock = new TestClock(T0);
const rt = testRuntime({}, clock.now);
const sub = newSubscription();

async function entries(): Promise<string[]> {
  const due = await rt.tables.table('due');
  const keys: string[] = [];
  for await (const e of due.listEntities()) if (e.rowKey?.includes(sub)) keys.push(e.rowKey);
  return keys;
}

/** The table requests a write makes, in order (reads and the first use's table creation left out). */
async function writesOf(write: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const stop = rt.tables.observe((r) => {
    if (r.method !== 'GET' && !new URL(r.url).pathname.endsWith('/Tables'))
      seen.push(`${r.table} ${r.method}`);
  });
  try {
    await write();
  } finally {
    stop();
  }
  return seen;
}

const key = (name: string, due: Date) => dueRowKey(sub, name, due);
const job = async (name: string) => (await rt.jobs.store.get(sub, name))!;

describe('the due-time index follows every job write', () => {
  it('a new job has one entry, written before the job', async () => {
    const order = await writesOf(() => putSampleJob(rt.jobs, sub, 'Alpha'));
    expect(order).toEqual(['due PUT', 'jobs POST']);
    expect(await entries()).toEqual([key('alpha', at(14))]);
  });

  it('an update that moves the due time writes the new entry first and removes the old one after', async () => {
    clock.set(at(3));
    const order = await writesOf(() => putSampleJob(rt.jobs, sub, 'Alpha'));
    expect(order).toEqual(['due PUT', 'jobs POST', 'due DELETE']);
    expect(await entries()).toEqual([key('alpha', at(17))]);
  });

  it('an update that keeps the due time leaves the index alone', async () => {
    const current = await job('Alpha');
    const order = await writesOf(() =>
      rt.jobs.store.write({
        kind: 'update',
        previous: current,
        job: { ...current.value, FriendlyName: 'renamed' },
        activeJobLimit: 20,
      }),
    );
    expect(order).toEqual(['jobs POST']);
    expect(await entries()).toEqual([key('alpha', at(17))]);
  });

  it('an untimed state has no entry', async () => {
    const shipping = await job('Alpha');
    await rt.jobs.store.write({
      kind: 'update',
      previous: shipping,
      job: moveJob(shipping.value, 'Shipping', at(4)),
      activeJobLimit: 20,
    });
    expect(await entries()).toEqual([key('alpha', at(18))]);
    const received = await job('Alpha');
    await rt.jobs.store.write({
      kind: 'update',
      previous: received,
      job: moveJob(received.value, 'Received', at(5)),
      activeJobLimit: 20,
    });
    expect(await entries()).toEqual([]);
  });

  it('a refused write (quota) leaves no entry behind, and a deleted job none either', async () => {
    clock.set(at(5));
    const full = testRuntime({ ACTIVE_JOB_LIMIT: '1' }, clock.now);
    await putSampleJob(full.jobs, sub, 'Beta');
    await expect(putSampleJob(full.jobs, sub, 'Gamma')).rejects.toMatchObject({
      code: 'ActiveJobQuotaExceeded',
    });
    const due = await full.tables.table('due');
    const keys: string[] = [];
    for await (const e of due.listEntities()) keys.push(e.rowKey ?? '');
    expect(keys).toEqual([key('beta', at(19))]);
    await full.jobs.store.write({ kind: 'delete', previous: (await full.jobs.store.get(sub, 'Beta'))! });
    const after: string[] = [];
    for await (const e of due.listEntities()) after.push(e.rowKey ?? '');
    expect(after).toEqual([]);
  });
});
