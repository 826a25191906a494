import { IndexedJobStore } from '../../shared/scheduler/execution/indexed-job-store';
import { TestClock } from '../support/runtime';
import type { Target } from '../support/outbound-targets';
import { startTarget } from '../support/outbound-targets';
import type { RequestCounter, SchedulerStores } from '../support/scheduler-execution';
import {
  executor,
  httpAction,
  newJob,
  otherProcessJobs,
  schedulerStores,
} from '../support/scheduler-execution';

const T0 = new Date('2026-05-04T08:00:00Z');
const MINUTE = 60_000;
let stores: SchedulerStores;
let counter: RequestCounter;
let clock: TestClock;
let t: Target;

beforeEach(async () => {
  counter = { n: 0 };
  stores = await schedulerStores(counter);
  clock = new TestClock(T0);
  t = await startTarget((_req, res) => res.end('ok'));
});
afterEach(() => t.close());

/** The jobs API of another process: its own store, nothing cached. */
const otherProcess = (): IndexedJobStore => new IndexedJobStore(otherProcessJobs(stores), stores.due);

describe('what an execution costs in storage round trips (docs/scheduler-execution.md#storage-cost)', () => {
  it('runs a one-time job in 4 requests: index read, claim, outcome with its history entry, row move', async () => {
    await stores.api.create(stores.ref, newJob('once', httpAction(`${t.origin}/once`), clock.now()));
    const ex = executor(stores, clock.now);
    const before = counter.n;
    expect(await ex.tick()).toBe(1);
    expect(counter.n - before).toBe(4);
    expect(t.seen).toHaveLength(1);
    expect(await stores.history.list(stores.ref, 'once')).toHaveLength(1);
  });

  it('runs each occurrence of a recurring job in 4 requests, whichever process created it', async () => {
    const job = newJob('every', httpAction(`${t.origin}/every`), clock.now(), {
      recurrence: { frequency: 'minute', interval: 1 },
    });
    await otherProcess().create(stores.ref, job);
    const ex = executor(stores, clock.now);
    const costs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = counter.n;
      expect(await ex.tick()).toBe(1);
      costs.push(counter.n - before);
      clock.advance(MINUTE);
    }
    // The first visit reads the job (this process never wrote it); later ones start from their own write.
    expect(costs).toEqual([5, 4, 4, 4, 4]);
    expect(t.seen).toHaveLength(5);
    expect(await stores.history.list(stores.ref, 'every')).toHaveLength(5);
  });

  it('reads the jobs of a window another process wrote 14 to a query, not one by one', async () => {
    const other = otherProcess();
    for (let i = 0; i < 20; i++)
      await other.create(stores.ref, newJob(`w${i}`, httpAction(`${t.origin}/w${i}`), clock.now()));
    const before = counter.n;
    expect(await executor(stores, clock.now).tick()).toBe(20);
    // One index read, two job queries (14 + 6), then claim, outcome and row move per job.
    expect(counter.n - before).toBe(1 + 2 + 20 * 3);
    expect(t.seen).toHaveLength(20);
  });

  it('never runs a job from a stale version: a disable by another process holds', async () => {
    const job = newJob('stale', httpAction(`${t.origin}/stale`), clock.now(), {
      recurrence: { frequency: 'minute', interval: 1 },
    });
    await stores.api.create(stores.ref, job);
    const ex = executor(stores, clock.now);
    expect(await ex.tick()).toBe(1);
    const other = otherProcess();
    const current = await stores.jobs.read(stores.ref, 'stale');
    if (!current) throw new Error('no job');
    expect(await other.replace(stores.ref, { ...current.job, state: 'disabled' }, current.etag)).toBe(true);
    clock.advance(MINUTE);
    expect(await ex.tick()).toBe(0);
    expect(t.seen).toHaveLength(1);
    expect((await stores.jobs.get(stores.ref, 'stale'))?.state).toBe('disabled');
  });

  it('runs a job another process made due sooner, though this process last saw it due later', async () => {
    const later = new Date(T0.getTime() + 60 * MINUTE);
    const job = newJob('moved', httpAction(`${t.origin}/moved`), clock.now(), {
      startTime: later.toISOString(),
    });
    await stores.api.create(stores.ref, job);
    const current = await stores.jobs.read(stores.ref, 'moved');
    if (!current) throw new Error('no job');
    const now = clock.now().toISOString();
    const sooner = {
      ...current.job,
      startTime: now,
      status: { ...current.job.status, nextExecutionTime: now },
    };
    expect(await otherProcess().replace(stores.ref, sooner, current.etag)).toBe(true);
    expect(await executor(stores, clock.now).tick()).toBe(1);
    expect(t.seen.map((s) => s.path)).toEqual(['/moved']);
  });
});
