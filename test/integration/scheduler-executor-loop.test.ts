import { ExecutorLoop } from '../../shared/scheduler/execution/executor-loop';
import type { SchedulerDueIndex } from '../../shared/scheduler/execution/due-index-port';
import { IndexedJobStore } from '../../shared/scheduler/execution/indexed-job-store';
import type { Target } from '../support/outbound-targets';
import { startTarget } from '../support/outbound-targets';
import type { RequestCounter, SchedulerStores } from '../support/scheduler-execution';
import { executor, httpAction, newJob, schedulerStores } from '../support/scheduler-execution';

describe('the in-process executor loop (real clock)', () => {
  let target: Target;
  afterEach(() => target.close());

  it('starts jobs at their scheduled time, not before, woken by the write that created them instead of sleeping 60 s', async () => {
    target = await startTarget((_req, res) => res.end());
    const stores = await schedulerStores();
    const now = () => new Date();
    const ex = executor(stores, now);
    const errors: unknown[] = [];
    // A long look-ahead, so a long sleep: only the wake from the job write can make the loop start these on time.
    const loop = new ExecutorLoop(ex, {
      now,
      pollMs: 25,
      lookaheadMs: 60_000,
      onError: (e) => errors.push(e),
    });
    const api = new IndexedJobStore(stores.jobs, stores.due, (at) => loop.wake(at));
    const running = loop.runFor();
    try {
      await new Promise((r) => setTimeout(r, 200));
      const start = Date.now();
      const scheduled = [300, 600, 900].map((ms) => new Date(Math.ceil((start + ms) / 100) * 100));
      for (const [i, at] of scheduled.entries()) {
        await api.create(
          stores.ref,
          newJob(`loop${i}`, httpAction(`${target.origin}/${i}`), now(), { startTime: at.toISOString() }),
        );
      }
      const deadline = Date.now() + 20_000;
      while (target.seen.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(target.seen).toHaveLength(3);
      for (const [i, at] of scheduled.entries()) {
        const seen = target.seen.find((s) => s.path === `/${i}`);
        const lateness = (seen?.at ?? Infinity) - at.getTime();
        expect(lateness).toBeGreaterThanOrEqual(0);
        // Sub-second on a quiet machine (docs/benchmarks.md measures it); the bound here only has
        // to tell a woken loop from one that slept its 60 s, on a machine busy with other suites.
        expect(lateness).toBeLessThan(10_000);
      }
      expect(errors).toEqual([]);
    } finally {
      loop.stop();
      await running;
    }
  });

  it('reads the index once for a window of due jobs and times their visits itself', async () => {
    target = await startTarget((_req, res) => res.end());
    const counter: RequestCounter = { n: 0 };
    const stores = await schedulerStores(counter);
    const now = () => new Date();
    const errors: unknown[] = [];
    // Twenty jobs 40 ms apart, written by another process (no wake): only index reads find them.
    const first = Math.ceil((Date.now() + 1500) / 100) * 100;
    for (let i = 0; i < 20; i++) {
      const at = new Date(first + i * 40).toISOString();
      await stores.api.create(
        stores.ref,
        newJob(`w${i}`, httpAction(`${target.origin}/${i}`), now(), { startTime: at }),
      );
    }
    const loop = new ExecutorLoop(executor(stores, now), {
      now,
      pollMs: 25,
      lookaheadMs: 2_000,
      onError: (e) => errors.push(e),
    });
    const reads = counter.indexReads ?? 0;
    const running = loop.runFor();
    try {
      const deadline = Date.now() + 20_000;
      while (target.seen.length < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(target.seen).toHaveLength(20);
      for (const seen of target.seen)
        expect(seen.at).toBeGreaterThanOrEqual(first + Number(seen.path.slice(1)) * 40);
      // One read found all twenty ahead of time; a loop sleeping until each due time would read twenty times.
      expect((counter.indexReads ?? 0) - reads).toBeLessThanOrEqual(3);
      expect(errors).toEqual([]);
    } finally {
      loop.stop();
      await running;
    }
  });

  it('times a read-ahead visit from when the index answered, not from when it was asked', async () => {
    target = await startTarget((_req, res) => res.end());
    const stores = await schedulerStores();
    // A clock that jumps 5 s while the index is read: a slow read, without the wait.
    let jumped = 0;
    const now = () => new Date(Date.now() + jumped);
    const slow: SchedulerDueIndex = {
      put: (...a) => stores.due.put(...a),
      drop: (...a) => stores.due.drop(...a),
      move: (...a) => stores.due.move(...a),
      due: async (...a) => {
        const rows = await stores.due.due(...a);
        jumped += 5_000;
        return rows;
      },
    };
    const at = now().getTime() + 5_300;
    await stores.api.create(
      stores.ref,
      newJob('soon', httpAction(`${target.origin}/soon`), now(), { startTime: new Date(at).toISOString() }),
    );
    const { started } = await executor({ ...stores, due: slow }, now).dispatch(10_000);
    const answered = Date.now();
    await Promise.all(started);
    expect(target.seen).toHaveLength(1);
    // Due 5.3 s after the read was asked, 0.3 s (or less) after it answered; timed from the asking
    // it would come about 5 s late. The rest of the bound is room for a slow claim on a busy machine.
    expect((target.seen[0]?.at ?? Infinity) - answered).toBeLessThan(2_500);
    expect((target.seen[0]?.at ?? 0) + jumped).toBeGreaterThanOrEqual(at);
  });

  it('starts at once a job this process makes due now, though a visit of it was already timed for later', async () => {
    target = await startTarget((_req, res) => res.end());
    const stores = await schedulerStores();
    const now = () => new Date();
    const errors: unknown[] = [];
    // The loop times the visits of a read's rows as soon as their jobs are prefetched.
    let read!: () => void;
    const timed = new Promise<void>((ok) => (read = ok));
    const jobs: SchedulerStores['jobs'] = Object.create(stores.jobs);
    jobs.prefetch = async (items) => {
      await stores.jobs.prefetch(items);
      if (items.length) read();
    };
    const loop = new ExecutorLoop(executor({ ...stores, jobs }, now), {
      now,
      pollMs: 25,
      lookaheadMs: 30_000,
      onError: (e) => errors.push(e),
    });
    const api = new IndexedJobStore(stores.jobs, stores.due, (at) => loop.wake(at));
    // Written by another process, due in 15 s (far enough that a busy machine still writes the
    // change first): the loop's first read times its visit.
    const later = new Date(Date.now() + 15_000).toISOString();
    await stores.api.create(
      stores.ref,
      newJob('moved', httpAction(`${target.origin}/moved`), now(), { startTime: later }),
    );
    const running = loop.runFor();
    try {
      await timed;
      const current = await stores.jobs.read(stores.ref, 'moved');
      if (!current) throw new Error('no job');
      const soon = new Date().toISOString();
      const sooner = {
        ...current.job,
        startTime: soon,
        status: { ...current.job.status, nextExecutionTime: soon },
      };
      const written = Date.now();
      expect(await api.replace(stores.ref, sooner, current.etag)).toBe(true);
      const deadline = Date.now() + 10_000;
      while (target.seen.length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(target.seen).toHaveLength(1);
      // At once: the write, the claim and the call (the visit timed for later would come ~15 s on).
      expect((target.seen[0]?.at ?? Infinity) - written).toBeLessThan(5_000);
      expect(errors).toEqual([]);
    } finally {
      loop.stop();
      await running;
    }
  });
});
