import type { TableClient } from '@azure/data-tables';
import { ActiveSlots } from '../../shared/adapters/table/active-slots';
import { TableDueIndex } from '../../shared/adapters/table/due-index';
import { JobRows } from '../../shared/adapters/table/job-rows';
import { TableJobStore } from '../../shared/adapters/table/table-job-store';
import type { Job } from '../../shared/import-export/model/model';
import { ConcurrencyConflict } from '../../shared/kernel/errors';
import { SecretBox } from '../../shared/kernel/secret-box';
import { newSubscription, testRuntime } from '../support/runtime';
import { makeJob } from '../support/jobs';
import { putSampleJob } from '../support/timed-jobs';

/**
 * Races and failures around one job store's in-process state (table-job-store.ts, active-slots.ts):
 * what this process believes after a write must never cost a write the quota allows
 * (docs/contract/import-export.md#d3).
 */
const rt = testRuntime();
const store = rt.jobs.store;
/** A second instance on the same tables. */
const other = testRuntime({ STORAGE_PREFIX: rt.config.storagePrefix });
beforeAll(() => rt.tables.ensure());

const shipped = (job: Job, TrackingNumber: string): Job => ({
  ...job,
  DeliveryPackage: { CarrierName: 'FedEx', TrackingNumber },
});

/** A store of its own (a process of its own) over the jobs table as `wrap` changes it. */
function storeOver(wrap: (real: TableClient) => TableClient) {
  const table = async () => wrap(await rt.tables.table('jobs'));
  const due = new TableDueIndex(
    table,
    () => rt.tables.table('due'),
    'due',
    () => new Date(),
  );
  return new TableJobStore(
    table,
    new JobRows(new SecretBox(rt.config.secretsKey)),
    new ActiveSlots(table),
    due,
  );
}

/** One method of the table replaced. */
const replacing = <K extends keyof TableClient>(
  real: TableClient,
  name: K,
  by: (original: TableClient[K]) => TableClient[K],
): TableClient =>
  new Proxy(real, {
    get(t, prop, receiver) {
      const value = Reflect.get(t, prop, receiver) as TableClient[K];
      return prop === name ? by((value as (...a: unknown[]) => unknown).bind(t) as TableClient[K]) : value;
    },
  });

/** Removals of job rows (a delete's tombstone) fail. */
const keepingTombstones = (real: TableClient) =>
  replacing(
    real,
    'deleteEntity',
    (original) => (pk, rk, opts) =>
      rk.startsWith('job_') ? Promise.reject(new Error('lost')) : original(pk, rk, opts),
  );

/** While `lose.on`, transactions commit, then their answer is lost: a 503 of unknown outcome. */
const losingAnswers = (lose: { on: boolean }) => (real: TableClient) =>
  replacing(real, 'submitTransaction', (original) => async (actions) => {
    const result = await original(actions);
    if (lose.on) throw Object.assign(new Error('answer lost'), { name: 'RestError', statusCode: 503 });
    return result;
  });

const slotRows = async (sub: string) => {
  const rows = (await rt.tables.table('jobs')).listEntities({
    queryOptions: { filter: `PartitionKey eq '${sub}' and RowKey ge 'slot_' and RowKey lt 'slot_~'` },
  });
  const keys: string[] = [];
  for await (const row of rows) keys.push(row.rowKey!);
  return keys;
};

it('gives back the slot a create took when the create is refused for a tracking number in use', async () => {
  const sub = newSubscription();
  const limit = 2;
  await store.write({
    kind: 'create',
    job: shipped(makeJob(rt, sub, 'Holder'), 'AAA'),
    activeJobLimit: limit,
  });
  for (let i = 0; i < 3; i++) {
    await expect(
      store.write({
        kind: 'create',
        job: shipped(makeJob(rt, sub, `Dup${i}`), 'AAA'),
        activeJobLimit: limit,
      }),
    ).rejects.toMatchObject({ code: 'InvalidJobState' });
  }
  // One active job of two: a second one fits.
  await expect(
    store.write({ kind: 'create', job: makeJob(rt, sub, 'Second'), activeJobLimit: limit }),
  ).resolves.toBeDefined();
});

describe('a deleted job whose tombstone stays (its removal failed)', () => {
  it('reads as absent, frees the slot and the tracking number, and lets the name be created again', async () => {
    const sub = newSubscription();
    const mine = storeOver(keepingTombstones);
    const created = await mine.write({
      kind: 'create',
      job: shipped(makeJob(rt, sub, 'Gone'), 'AAA'),
      activeJobLimit: 1,
    });
    await mine.write({ kind: 'delete', previous: created! });
    const row = await (await rt.tables.table('jobs')).getEntity(sub, 'job_gone');
    expect(row.Tombstone).toBe(true);
    expect(await mine.get(sub, 'Gone')).toBeUndefined();
    expect(await other.jobs.store.get(sub, 'Gone')).toBeUndefined();
    // Both processes, at a limit of one: the tombstone holds neither the slot nor the number.
    const again = await mine.write({
      kind: 'create',
      job: shipped(makeJob(rt, sub, 'Gone'), 'AAA'),
      activeJobLimit: 1,
    });
    expect(again?.value.Name).toBe('Gone');
    await mine.write({ kind: 'delete', previous: again! });
    const third = await other.jobs.store.write({
      kind: 'create',
      job: shipped(makeJob(rt, sub, 'Gone'), 'AAA'),
      activeJobLimit: 1,
    });
    expect((await mine.get(sub, 'Gone'))?.etag).toBe(third?.etag);
  });
});

describe('a write whose answer is lost (503) after it committed, then this process writes on', () => {
  it('leaves a create that a retried Put replaces, keeping its one slot', async () => {
    const sub = newSubscription();
    const lose = { on: true };
    const mine = storeOver(losingAnswers(lose));
    await expect(
      mine.write({ kind: 'create', job: makeJob(rt, sub, 'Lost'), activeJobLimit: 1 }),
    ).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    lose.on = false;
    const deps = { ...rt.jobs, store: mine, activeJobLimit: 1 };
    await putSampleJob(deps, sub, 'Lost');
    expect(await slotRows(sub)).toEqual(['slot_000000']);
    await mine.write({ kind: 'delete', previous: (await mine.get(sub, 'Lost'))! });
    await putSampleJob(deps, sub, 'Next');
    expect(await slotRows(sub)).toEqual(['slot_000000']);
  });

  it('leaves a delete whose slot goes to a new job at the limit', async () => {
    const sub = newSubscription();
    const lose = { on: false };
    const mine = storeOver(losingAnswers(lose));
    const job = await mine.write({ kind: 'create', job: makeJob(rt, sub, 'Going'), activeJobLimit: 1 });
    lose.on = true;
    await expect(mine.write({ kind: 'delete', previous: job! })).rejects.toMatchObject({
      code: 'ServiceUnavailable',
    });
    lose.on = false;
    expect(await mine.get(sub, 'Going')).toBeUndefined();
    await expect(
      mine.write({ kind: 'create', job: makeJob(rt, sub, 'Going'), activeJobLimit: 1 }),
    ).resolves.toBeDefined();
    expect(await slotRows(sub)).toHaveLength(1);
  });
});

describe('two Puts of one new name in one process, at the last free slot', () => {
  /** The first transaction waits at `gate` until the test opens it; `entered` says it got there. */
  function pausingFirstTransaction() {
    let open!: () => void;
    let entered!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const arrived = new Promise<void>((resolve) => (entered = resolve));
    let calls = 0;
    const wrap = (real: TableClient) =>
      replacing(real, 'submitTransaction', (original) => async (actions) => {
        if (calls++ === 0) {
          entered();
          await gate;
        }
        return original(actions);
      });
    return { wrap, arrived, open };
  }

  it('creates the job once and replaces it once: the name cannot be created twice, so it counts once', async () => {
    const sub = newSubscription();
    const paused = pausingFirstTransaction();
    const plain = storeOver((real) => real);
    await plain.write({ kind: 'create', job: makeJob(rt, sub, 'Other'), activeJobLimit: 2 });
    const mine = storeOver(paused.wrap);
    const deps = { ...rt.jobs, store: mine, activeJobLimit: 2 };
    const first = putSampleJob(deps, sub, 'Same');
    await paused.arrived;
    const second = await putSampleJob(deps, sub, 'Same').catch((e: { code?: string }) => e.code);
    paused.open();
    await first;
    expect(second).toMatchObject({ value: { Name: 'Same' } });
    expect(await slotRows(sub)).toHaveLength(2);
  });
});

describe('a create of a name taken meanwhile, at a full quota', () => {
  it('fails as a conflict, so that the caller reads the job and replaces it, in either process', async () => {
    const sub = newSubscription();
    await store.write({ kind: 'create', job: makeJob(rt, sub, 'Other'), activeJobLimit: 2 });
    await store.write({ kind: 'create', job: makeJob(rt, sub, 'Taken'), activeJobLimit: 2 });
    for (const s of [store, other.jobs.store]) {
      await expect(
        s.write({ kind: 'create', job: makeJob(rt, sub, 'Taken'), activeJobLimit: 2 }),
      ).rejects.toBeInstanceOf(ConcurrencyConflict);
    }
  });
});
