import { app } from '@azure/functions';
import type { TimerFunctionOptions } from '@azure/functions';
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

it("sweeps as of the runtime's clock and logs what it did", async () => {
  const clock = new TestClock(T0);
  const rt = testRuntime({}, clock.now);
  const sub = newSubscription();
  await putSampleJob(rt.jobs, sub, 'Stale');
  clock.set(at(14));
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
  expect(await rt.jobs.store.get(sub, 'Stale')).toBeUndefined();
  expect(lines).toEqual([expect.stringContaining('"CreatingDeleted":1')]);
});
