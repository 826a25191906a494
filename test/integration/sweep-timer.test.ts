import { app } from '@azure/functions';
import type { TimerFunctionOptions } from '@azure/functions';
import { recordOperation } from '../../shared/scheduler/account-service';
import { newSubscription, TestClock, testRuntime } from '../support/runtime';
import { at, putSampleJob, T0 } from '../support/timed-jobs';

/** The timer function of docs/contract/import-export.md#c2: its registration, and a run of its handler against Azurite. */
const registered: [string, TimerFunctionOptions][] = [];
beforeAll(async () => {
  jest.spyOn(app, 'timer').mockImplementation((name, options) => void registered.push([name, options]));
  // Loaded after the spy, so that its registration is seen (the route table's modules too).
  await import('../../functions');
});

it('is registered once, on the SWEEP_SCHEDULE app setting, not run at start-up, beside the executor timer', () => {
  expect(registered.map(([name, o]) => [name, o.schedule, o.runOnStartup])).toEqual([
    ['sweep-timer', '%SWEEP_SCHEDULE%', false],
    ['scheduler-executor-timer', '%SCHEDULER_EXECUTOR_SCHEDULE%', false],
  ]);
});

/** Runs the registered sweep timer's handler; resolves with what it logged. */
async function runSweepTimer(): Promise<unknown[]> {
  const lines: unknown[] = [];
  const context = {
    log: (...a: unknown[]) => lines.push(...a),
    error: (...a: unknown[]) => lines.push(...a),
  };
  await registered
    .find(([name]) => name === 'sweep-timer')![1]
    .handler(
      { isPastDue: false, schedule: { adjustForDST: false }, scheduleStatus: {} } as any,
      context as any,
    );
  return lines;
}

it("sweeps as of the runtime's clock and logs what it did", async () => {
  const clock = new TestClock(T0);
  const rt = testRuntime({}, clock.now);
  const sub = newSubscription();
  await putSampleJob(rt.jobs, sub, 'Stale');
  clock.set(at(14));
  const lines = await runSweepTimer();
  expect(await rt.jobs.store.get(sub, 'Stale')).toBeUndefined();
  expect(lines).toEqual([expect.stringContaining('"CreatingDeleted":1')]);
});

it('applies the Scheduler’s retention in the same run (docs/classic-scheduler.md#e8)', async () => {
  const clock = new TestClock(T0);
  const rt = testRuntime({}, clock.now);
  const sub = newSubscription();
  const id = 'c'.repeat(32);
  await recordOperation(rt.scheduler, sub, id);
  clock.set(new Date(T0.getTime() + 7 * 86_400_000));
  const lines = await runSweepTimer();
  expect(await rt.scheduler.operations.getOperation(sub, id)).toBeUndefined();
  expect(lines).toContainEqual(
    expect.stringContaining(
      'scheduler retention: {"jobsDeleted":0,"historyEntriesDeleted":0,"operationsDeleted":1}',
    ),
  );
});
