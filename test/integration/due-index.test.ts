import { moveJob } from '../../shared/import-export/model/job-states';
import { sweep } from '../../shared/import-export/sweep/sweeper';
import { BUCKET_MS, dueRowKey, GRACE_MS, markerRowKey } from '../../shared/adapters/table/due-index';
import { newSubscription, TestClock, testRuntime } from '../support/runtime';
import { at, putSampleJob, T0 } from '../support/timed-jobs';

/**
 * The two-level due-time index (docs/contract/import-export.md#c2; adapters/table/due-index.ts): a job's `due_` row changes
 * in the job's own transaction, and the subscription's marker for the hour of a due time is
 * written first, once per process and hour (never a row shared by the subscription's jobs).
 */
const clock = new TestClock(T0);
const rt = testRuntime({}, clock.now);
const sub = newSubscription();

/** The subscription's due rows, and its markers in the global table. */
async function index(): Promise<{ rows: string[]; markers: string[] }> {
  const jobs = await rt.tables.table('jobs');
  const due = await rt.tables.table('due');
  const rows: string[] = [];
  for await (const e of jobs.listEntities({
    queryOptions: { filter: `PartitionKey eq '${sub}' and RowKey ge 'due_' and RowKey lt 'due_~'` },
  }))
    rows.push(e.rowKey ?? '');
  const markers: string[] = [];
  for await (const e of due.listEntities()) if (e.rowKey?.endsWith(sub)) markers.push(e.rowKey);
  return { rows, markers };
}

/** The table writes a write makes, in order (reads and the first use's table creation left out). */
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

const row = (name: string, due: Date) => dueRowKey(name, due);
const hour = (d: Date) => new Date(Math.floor(d.getTime() / BUCKET_MS) * BUCKET_MS);
const marker = (due: Date) => markerRowKey(sub, hour(due));
const job = async (name: string) => (await rt.jobs.store.get(sub, name))!;

describe('the due-time index follows every job write', () => {
  it("the first timed job writes the subscription's marker, then itself with its due row in one transaction", async () => {
    expect(await writesOf(() => putSampleJob(rt.jobs, sub, 'Alpha'))).toEqual(['due PUT', 'jobs POST']);
    expect(await index()).toEqual({ rows: [row('alpha', at(14))], markers: [marker(at(14))] });
  });

  it('a job due in an hour this process covered already is one transaction, with nothing written before it', async () => {
    expect(await writesOf(() => putSampleJob(rt.jobs, sub, 'Beta'))).toEqual(['jobs POST']);
    clock.set(at(1));
    expect(await writesOf(() => putSampleJob(rt.jobs, sub, 'Beta2'))).toEqual(['due PUT', 'jobs POST']);
    await rt.jobs.store.write({ kind: 'delete', previous: await job('Beta') });
    const beta2 = await job('Beta2');
    await rt.jobs.store
      .write({ kind: 'update', previous: beta2, job: { ...beta2.value, Name: 'Beta' }, activeJobLimit: 20 })
      .catch(() => undefined);
    expect((await index()).markers).toEqual([marker(at(14)), marker(at(15))]);
    await rt.jobs.store.write({ kind: 'delete', previous: await job('Beta2') });
    expect(await writesOf(() => putSampleJob(rt.jobs, sub, 'Beta'))).toEqual(['jobs POST']);
    expect(await index()).toEqual({
      rows: [row('alpha', at(14)), row('beta', at(15))],
      markers: [marker(at(14)), marker(at(15))],
    });
  });

  it('concurrent writes of 16 jobs of one subscription never conflict: one transaction each', async () => {
    const other = newSubscription();
    const names = Array.from({ length: 16 }, (_, i) => `Par${i}`);
    await putSampleJob(rt.jobs, other, 'Warm');
    const writes = await writesOf(() => Promise.all(names.map((n) => putSampleJob(rt.jobs, other, n))));
    expect(writes).toEqual(Array(16).fill('jobs POST'));
    const updates = await writesOf(() =>
      Promise.all(
        names.map(async (n) => {
          const current = (await rt.jobs.store.get(other, n))!;
          const moved = { ...current.value, FriendlyName: 'x', ClockStart: at(1, 1).toISOString() };
          return rt.jobs.store.write({ kind: 'update', previous: current, job: moved, activeJobLimit: 20 });
        }),
      ),
    );
    expect(updates).toEqual(Array(16).fill('jobs POST'));
  });

  it('an update that moves the due time moves its row in the same transaction', async () => {
    const current = await job('Alpha');
    const restarted = { ...current.value, ClockStart: at(1, 5).toISOString() };
    expect(
      await writesOf(() =>
        rt.jobs.store.write({ kind: 'update', previous: current, job: restarted, activeJobLimit: 20 }),
      ),
    ).toEqual(['jobs POST']);
    expect((await index()).rows).toEqual([row('beta', at(15)), row('alpha', at(15, 5))]);
  });

  it('an update that keeps the due time leaves the index alone', async () => {
    const current = await job('Alpha');
    await rt.jobs.store.write({
      kind: 'update',
      previous: current,
      job: { ...current.value, FriendlyName: 'renamed' },
      activeJobLimit: 20,
    });
    expect((await index()).rows).toEqual([row('beta', at(15)), row('alpha', at(15, 5))]);
  });

  it('an untimed state has no due row', async () => {
    const created = await job('Alpha');
    await rt.jobs.store.write({
      kind: 'update',
      previous: created,
      job: moveJob(created.value, 'Shipping', at(4)),
      activeJobLimit: 20,
    });
    expect((await index()).rows).toEqual([row('beta', at(15)), row('alpha', at(18))]);
    const shipping = await job('Alpha');
    await rt.jobs.store.write({
      kind: 'update',
      previous: shipping,
      job: moveJob(shipping.value, 'Received', at(5)),
      activeJobLimit: 20,
    });
    expect((await index()).rows).toEqual([row('beta', at(15))]);
  });

  it("a job due in an hour not covered yet writes that hour's marker first", async () => {
    clock.set(at(-10));
    expect(await writesOf(() => putSampleJob(rt.jobs, sub, 'Early'))).toEqual(['due PUT', 'jobs POST']);
    expect((await index()).markers).toEqual([marker(at(4)), marker(at(14)), marker(at(15)), marker(at(18))]);
  });

  it('a sweep handles the due rows of the hours begun, and removes a marker only once its hour ended long enough ago', async () => {
    expect(await sweep(rt.sweep, at(4, 1))).toMatchObject({ rules: { creatingDeleted: 1 } });
    // Its hour has not ended: a writer may count on it still.
    expect((await index()).markers).toEqual([marker(at(4)), marker(at(14)), marker(at(15)), marker(at(18))]);
    const past = new Date(hour(at(4)).getTime() + BUCKET_MS + GRACE_MS);
    expect(await sweep(rt.sweep, past)).toMatchObject({ rules: { creatingDeleted: 0 } });
    expect((await index()).markers).toEqual([marker(at(14)), marker(at(15)), marker(at(18))]);
    // Beta here (Alpha is Received, untimed), and the other subscription's 17 jobs.
    expect((await sweep(rt.sweep, at(16))).rules.creatingDeleted).toBe(18);
    // The hour of Alpha's old due time (it left the timed states) goes at the first sweep after it.
    expect(await index()).toEqual({ rows: [], markers: [marker(at(18))] });
  });

  it('a job already due when written is covered by the current hour and swept', async () => {
    clock.set(at(16));
    const late = await putSampleJob(rt.jobs, sub, 'Late');
    const current = (await rt.jobs.store.get(sub, 'Late'))!;
    await rt.jobs.store.write({
      kind: 'update',
      previous: current,
      job: { ...late.value, ClockStart: at(0).toISOString() },
      activeJobLimit: 20,
    });
    expect((await index()).markers).toEqual([marker(at(16)), marker(at(18)), marker(at(30))]);
    expect(await sweep(rt.sweep, at(16, 1))).toMatchObject({ rules: { creatingDeleted: 1 } });
  });

  it('a refused write (quota) and a deleted job leave no due row behind', async () => {
    clock.set(at(20));
    const full = testRuntime({ ACTIVE_JOB_LIMIT: '1' }, clock.now);
    const other = newSubscription();
    await putSampleJob(full.jobs, other, 'Gamma');
    await expect(putSampleJob(full.jobs, other, 'Delta')).rejects.toMatchObject({
      code: 'ActiveJobQuotaExceeded',
    });
    const jobs = await full.tables.table('jobs');
    const dueRows = async () => {
      const keys: string[] = [];
      for await (const e of jobs.listEntities({
        queryOptions: { filter: `PartitionKey eq '${other}' and RowKey ge 'due_' and RowKey lt 'due_~'` },
      }))
        keys.push(e.rowKey ?? '');
      return keys;
    };
    expect(await dueRows()).toEqual([row('gamma', at(34))]);
    await full.jobs.store.write({ kind: 'delete', previous: (await full.jobs.store.get(other, 'Gamma'))! });
    expect(await dueRows()).toEqual([]);
  });
});
