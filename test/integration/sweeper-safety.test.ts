import { KernelError } from '../../shared/kernel/errors';
import type { JobStore } from '../../shared/import-export/model/ports';
import { sweep, type SweepReport } from '../../shared/import-export/sweep/sweeper';
import { createRuntime, type Runtime } from '../../shared/app/runtime';
import { dueRowKey } from '../../shared/adapters/table/due-rows';
import { newSubscription, TestClock, testRuntime } from '../support/runtime';
import { at, moveAlong, putSampleJob, reportOf, T0, TO_COMPLETED } from '../support/timed-jobs';

/**
 * docs/contract/import-export.md#c2's promises about sweeps themselves: idempotent, safe with two instances at once,
 * resumable after a crash, and tolerant of stale index entries. Every test sweeps as of NOW the
 * same set of jobs in two subscriptions (so meta rows are contended too).
 */
const NOW = at(50);
const NAMES = ['Fresh', 'ShipLate', 'ShipOld', 'Done', 'Busy'];
const EXPECTED = { creatingDeleted: 2, shippingOverdue: 4, shippingClosed: 2, finishedDeleted: 2 };
/** What each job is after a sweep at NOW (undefined: deleted). */
const AFTER: Record<string, string | undefined> = {
  Fresh: undefined,
  ShipLate: 'Shipping',
  ShipOld: 'Closed',
  Done: undefined,
  Busy: 'Received',
};

let clock: TestClock;
let rt: Runtime;
let subs: string[];

async function seed(sub: string): Promise<void> {
  clock.set(at(-60));
  await putSampleJob(rt.jobs, sub, 'Done');
  await moveAlong(rt.jobs, sub, 'Done', TO_COMPLETED, at(-45)); // deleted from at(45)
  clock.set(T0);
  for (const name of ['Fresh', 'ShipLate', 'ShipOld', 'Busy']) await putSampleJob(rt.jobs, sub, name);
  await moveAlong(rt.jobs, sub, 'ShipOld', ['Shipping'], T0); // overdue at 14, closed at 44
  await moveAlong(rt.jobs, sub, 'ShipLate', ['Shipping'], at(30)); // overdue at 44, closes at 74
  await moveAlong(rt.jobs, sub, 'Busy', ['Shipping', 'Received'], T0); // no timer
}

beforeEach(async () => {
  clock = new TestClock(T0);
  rt = testRuntime({}, clock.now);
  subs = [newSubscription(), newSubscription()];
  for (const sub of subs) await seed(sub);
  clock.set(NOW);
});

const states = async () =>
  Promise.all(
    subs.flatMap((sub) => NAMES.map((name) => rt.jobs.store.get(sub, name).then((j) => j?.value.State))),
  );
const expectedStates = () => subs.flatMap(() => NAMES.map((n) => AFTER[n]));
const etags = async () =>
  Promise.all(subs.flatMap((sub) => NAMES.map((name) => rt.jobs.store.get(sub, name).then((j) => j?.etag))));

/** The subscription's `meta` row: active jobs (docs/contract/import-export.md#d3) and jobs per account. */
async function meta(sub: string) {
  const row = await (
    await rt.tables.table('jobs')
  ).getEntity<{ ActiveJobs: number; Accounts: string }>(sub, 'meta');
  return { active: row.ActiveJobs, accounts: JSON.parse(row.Accounts) as unknown };
}

const ruleTotal = (r: SweepReport) => Object.values(r.rules).reduce((a, b) => a + b, 0);

async function expectSettled(): Promise<void> {
  expect(await states()).toEqual(expectedStates());
  for (const sub of subs) expect(await meta(sub)).toEqual({ active: 2, accounts: { xttest: 3 } });
  expect(await sweep(rt.sweep, NOW)).toEqual(reportOf());
}

describe('sweeps are safe', () => {
  it('a second sweep at the same instant changes nothing more', async () => {
    expect(await sweep(rt.sweep, NOW)).toEqual(reportOf(EXPECTED));
    const after = await etags();
    expect(await sweep(rt.sweep, NOW)).toEqual(reportOf());
    expect(await etags()).toEqual(after);
    await expectSettled();
  });

  it('two sweepers at once apply each rule exactly once between them; lost races are skipped', async () => {
    const instances = [createRuntime(rt.config, clock.now), createRuntime(rt.config, clock.now)];
    const reports = await Promise.all(instances.map((i) => sweep(i.sweep, NOW)));
    for (const rule of Object.keys(EXPECTED) as (keyof typeof EXPECTED)[]) {
      expect(reports[0]!.rules[rule] + reports[1]!.rules[rule]).toBe(EXPECTED[rule]);
    }
    expect(reports.map((r) => r.failed)).toEqual([0, 0]);
    await expectSettled();
  });

  it('a sweep that dies half-way is finished by the next one', async () => {
    let writes = 0;
    const inFlight: Promise<unknown>[] = [];
    const store = rt.sweep.store;
    const dying: JobStore = {
      get: (s, n) => store.get(s, n),
      list: (q) => store.list(q),
      storageAccounts: (s) => store.storageAccounts(s),
      write: (w) => {
        if (++writes > 3) return Promise.reject(new KernelError('ServiceUnavailable', 'gone'));
        const p = store.write(w);
        inFlight.push(p);
        return p;
      },
    };
    await expect(sweep({ ...rt.sweep, store: dying }, NOW)).rejects.toMatchObject({
      code: 'ServiceUnavailable',
    });
    await Promise.allSettled(inFlight);
    const rest = await sweep(rt.sweep, NOW);
    expect(ruleTotal(rest)).toBeGreaterThan(0);
    expect(ruleTotal(rest)).toBeLessThan(ruleTotal(reportOf(EXPECTED)));
    expect(rest.failed).toBe(0);
    await expectSettled();
  });

  it('stale due rows (left by hand: the store never leaves one) are dropped, the jobs untouched', async () => {
    const jobs = await rt.tables.table('jobs');
    const [sub] = subs as [string];
    const stale = (name: string, due: Date) => ({
      partitionKey: sub,
      rowKey: dueRowKey(name, due),
      Name: name,
      DueAt: due.toISOString(),
    });
    await jobs.upsertEntity(stale('Busy', at(5)));
    await jobs.upsertEntity(stale('Never', at(6)));
    const busy = await rt.jobs.store.get(sub, 'Busy');
    expect(await sweep(rt.sweep, NOW)).toEqual(reportOf({ ...EXPECTED, staleEntries: 2 }));
    expect((await rt.jobs.store.get(sub, 'Busy'))?.etag).toBe(busy?.etag);
    await expectSettled();
  });

  it('a job that fails to sweep is counted and reported, and the others are swept', async () => {
    const store = rt.sweep.store;
    const failures: string[] = [];
    const picky: JobStore = {
      get: (s, n) =>
        n === 'Fresh' && s === subs[0] ? Promise.reject(new Error('corrupt row')) : store.get(s, n),
      list: (q) => store.list(q),
      storageAccounts: (s) => store.storageAccounts(s),
      write: (w) => store.write(w),
    };
    const report = await sweep({ ...rt.sweep, store: picky, onError: (e) => failures.push(e.name) }, NOW);
    expect(report).toEqual(reportOf({ ...EXPECTED, creatingDeleted: 1, failed: 1 }));
    expect(failures).toEqual(['Fresh']);
  });
});
