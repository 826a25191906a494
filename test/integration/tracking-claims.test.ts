import { retryOnConflict } from '../../shared/kernel/retry';
import type { Job, Versioned } from '../../shared/import-export/model/model';
import { newSubscription, testRuntime } from '../support/runtime';
import { forceJobStateForTest, makeJob } from '../support/jobs';

/** docs/contract/import-export.md#a7: the store keeps tracking numbers unique among a subscription's active jobs. */
const rt = testRuntime();
const store = rt.jobs.store;
const LIMIT = 1000;
const pkg = (TrackingNumber: string) => ({ CarrierName: 'FedEx', TrackingNumber });

async function create(sub: string, name: string): Promise<Versioned<Job>> {
  return (await store.write({ kind: 'create', job: makeJob(rt, sub, name), activeJobLimit: LIMIT }))!;
}

/** Sets a DeliveryPackage in a read-modify-write, as Update does. */
const ship = (sub: string, name: string, trackingNumber: string) =>
  retryOnConflict(async () => {
    const found = (await store.get(sub, name))!;
    return store.write({
      kind: 'update',
      previous: found,
      job: { ...found.value, DeliveryPackage: pkg(trackingNumber) },
      activeJobLimit: LIMIT,
    });
  });

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string; message?: string }) => e.code ?? e.message,
  );

describe('tracking number claims in the job store', () => {
  it('refuses a number another active job holds, whatever its spelling', async () => {
    const sub = newSubscription();
    await create(sub, 'One');
    await create(sub, 'Two');
    await ship(sub, 'One', '1Z999');
    await expect(ship(sub, 'Two', ' 1z 999 ')).rejects.toMatchObject({
      code: 'InvalidJobState',
      detail: expect.stringContaining('One'),
    });
    expect((await store.get(sub, 'Two'))!.value.DeliveryPackage).toBeUndefined();
  });

  it('lets the holder keep, change and give back its number', async () => {
    const sub = newSubscription();
    await create(sub, 'One');
    await create(sub, 'Two');
    await ship(sub, 'One', 'AAA');
    await ship(sub, 'One', 'AAA');
    await ship(sub, 'One', 'BBB');
    await ship(sub, 'Two', 'AAA');
    await expect(ship(sub, 'Two', 'BBB')).rejects.toMatchObject({ code: 'InvalidJobState' });
  });

  it('frees the number when the holder finishes or is deleted', async () => {
    const sub = newSubscription();
    for (const n of ['One', 'Two', 'Three']) await create(sub, n);
    await ship(sub, 'One', 'AAA');
    await forceJobStateForTest(rt, sub, 'One', 'Completed');
    await ship(sub, 'Two', 'AAA');
    const two = (await store.get(sub, 'Two'))!;
    await store.write({ kind: 'delete', previous: two });
    await ship(sub, 'Three', 'AAA');
  });

  it('does not span subscriptions', async () => {
    const [a, b] = [newSubscription(), newSubscription()];
    await create(a, 'One');
    await create(b, 'One');
    await ship(a, 'One', 'AAA');
    await ship(b, 'One', 'AAA');
  });

  it('of 10 jobs racing for one number, exactly one gets it', async () => {
    const sub = newSubscription();
    const names = Array.from({ length: 10 }, (_, i) => `Racer${i}`);
    for (const n of names) await create(sub, n);
    const codes = await Promise.all(names.map((n) => codeOf(ship(sub, n, 'RACE'))));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c === 'InvalidJobState')).toHaveLength(9);
    const holders = [];
    for (const n of names) if ((await store.get(sub, n))!.value.DeliveryPackage) holders.push(n);
    expect(holders).toHaveLength(1);
  });

  it('takes over a claim row whose holder no longer holds the number', async () => {
    const sub = newSubscription();
    await create(sub, 'One');
    await create(sub, 'Two');
    await ship(sub, 'One', 'AAA');
    // A holder changed behind the claims' back (as a hand-edited row would): its claim is stale.
    const client = await rt.tables.table('jobs');
    const one = (await store.get(sub, 'One'))!;
    const rows = (rt.jobs.store as any).rows.toRows({ ...one.value, DeliveryPackage: undefined });
    await client.updateEntity(rows.job, 'Replace');
    await ship(sub, 'Two', 'AAA');
  });
});

describe('Delete in the store', () => {
  it('frees the quota slot of an active job, and a finished job holds none', async () => {
    const sub = newSubscription();
    const write = (name: string) =>
      store.write({ kind: 'create', job: makeJob(rt, sub, name), activeJobLimit: 1 });
    const a = (await write('A'))!;
    await expect(write('B')).rejects.toMatchObject({ code: 'ActiveJobQuotaExceeded' });
    await store.write({ kind: 'delete', previous: a });
    const b = (await write('B'))!;
    await forceJobStateForTest(rt, sub, 'B', 'Completed');
    await write('C');
    const finished = (await store.get(sub, 'B'))!;
    expect(finished.etag).not.toBe(b.etag);
    await store.write({ kind: 'delete', previous: finished });
    await expect(write('D')).rejects.toMatchObject({ code: 'ActiveJobQuotaExceeded' });
  });

  it('drops the storage account from the list with its last job', async () => {
    const sub = newSubscription();
    const x = (await store.write({
      kind: 'create',
      job: makeJob(rt, sub, 'X', { account: 'alpha' }),
      activeJobLimit: LIMIT,
    }))!;
    await store.write({
      kind: 'create',
      job: makeJob(rt, sub, 'Y', { account: 'beta' }),
      activeJobLimit: LIMIT,
    });
    expect(await store.storageAccounts(sub)).toEqual(['alpha', 'beta']);
    await store.write({ kind: 'delete', previous: x });
    expect(await store.storageAccounts(sub)).toEqual(['beta']);
  });
});
