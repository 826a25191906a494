import { moveJob } from '../../shared/import-export/model/job-states';
import { sweep } from '../../shared/import-export/sweep/sweeper';
import { dueRowKey, markerRowKey } from '../../shared/adapters/table/due-rows';
import { newSubscription, TestClock, testRuntime } from '../support/runtime';
import { at, putSampleJob, T0 } from '../support/timed-jobs';

/**
 * The two-level due-time index (docs/contract/import-export.md#c2; storage/due-index.ts): a job's `due_` row changes in
 * the job's own transaction, and the subscription's marker in the global table is written first
 * only when a write sets a due time earlier than the marker.
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
const marker = (due: Date) => markerRowKey(sub, due);
const job = async (name: string) => (await rt.jobs.store.get(sub, name))!;

describe('the due-time index follows every job write', () => {
  it("the first timed job writes the subscription's marker, then itself with its due row in one transaction", async () => {
    expect(await writesOf(() => putSampleJob(rt.jobs, sub, 'Alpha'))).toEqual(['due PUT', 'jobs POST']);
    expect(await index()).toEqual({ rows: [row('alpha', at(14))], markers: [marker(at(14))] });
  });

  it('a job due after the marker is one transaction, with nothing written before it', async () => {
    clock.set(at(1));
    expect(await writesOf(() => putSampleJob(rt.jobs, sub, 'Beta'))).toEqual(['jobs POST']);
    expect(await index()).toEqual({
      rows: [row('alpha', at(14)), row('beta', at(15))],
      markers: [marker(at(14))],
    });
  });

  it('an update that moves the due time moves its row in the same transaction', async () => {
    const current = await job('Alpha');
    const restarted = { ...current.value, ClockStart: at(3).toISOString() };
    expect(
      await writesOf(() =>
        rt.jobs.store.write({ kind: 'update', previous: current, job: restarted, activeJobLimit: 20 }),
      ),
    ).toEqual(['jobs POST']);
    expect((await index()).rows).toEqual([row('beta', at(15)), row('alpha', at(17))]);
  });

  it('an update that keeps the due time leaves the index alone', async () => {
    const current = await job('Alpha');
    await rt.jobs.store.write({
      kind: 'update',
      previous: current,
      job: { ...current.value, FriendlyName: 'renamed' },
      activeJobLimit: 20,
    });
    expect((await index()).rows).toEqual([row('beta', at(15)), row('alpha', at(17))]);
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

  it('a job due before the marker writes an earlier marker first', async () => {
    clock.set(at(-10));
    expect(await writesOf(() => putSampleJob(rt.jobs, sub, 'Early'))).toEqual(['due PUT', 'jobs POST']);
    expect((await index()).markers).toEqual([marker(at(4)), marker(at(14))]);
    const meta = await (await rt.tables.table('jobs')).getEntity<{ DueMarker: string }>(sub, 'meta');
    expect(meta.DueMarker).toBe(at(4).toISOString());
  });

  it('a sweep moves the marker on to the earliest due row left, and drops the markers it passed', async () => {
    expect(await sweep(rt.sweep, at(14, 1))).toMatchObject({ rules: { creatingDeleted: 1 } });
    expect(await index()).toEqual({ rows: [row('beta', at(15))], markers: [marker(at(15))] });
    expect(await sweep(rt.sweep, at(16))).toMatchObject({ rules: { creatingDeleted: 1 } });
    expect(await index()).toEqual({ rows: [], markers: [] });
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
