import { app } from '@azure/functions';
import type { TimerFunctionOptions } from '@azure/functions';
import type { Target } from '../support/outbound-targets';
import { startTarget } from '../support/outbound-targets';
import { testRuntime } from '../support/runtime';
import { httpAction, newJob, runtimeCollection } from '../support/scheduler-execution';

/**
 * The Functions deployment's executor (docs/scheduler-execution.md#functions-deployment): the
 * timer function of the timer table runs the executor loop on the runtime's Azurite tables until
 * its next occurrence, and no longer.
 */
const registered = new Map<string, TimerFunctionOptions>();
beforeAll(async () => {
  jest.spyOn(app, 'timer').mockImplementation((name, options) => void registered.set(name, options));
  await import('../../functions');
});

let target: Target;
afterEach(() => target.close());

it('runs the jobs due within its period, on time, and returns just before the period’s end', async () => {
  const rt = testRuntime({ SCHEDULER_EXECUTOR_SCHEDULE: '*/4 * * * * *' });
  target = await startTarget((_req, res) => res.end());
  const ref = await runtimeCollection(rt);
  const create = (id: string, at: Date) =>
    rt.scheduler.jobs.create(
      ref,
      newJob(id, httpAction(`${target.origin}/${id}`), rt.now(), { startTime: at.toISOString() }),
    );
  // Start just after a boundary, so the run has most of its 4 s period ahead.
  while (new Date().getUTCSeconds() % 4 !== 0 || new Date().getUTCMilliseconds() > 300)
    await new Promise((r) => setTimeout(r, 20));
  const started = Date.now();
  expect(await create('overdue', new Date(started - 1000))).toBe('created');
  const runFor = jest.spyOn(rt.schedulerExecution.loop, 'runFor');
  // Index reads, and when they were asked.
  const reads: number[] = [];
  const stop = rt.tables.observe(
    (r) => r.table === 'scheddue' && r.method === 'GET' && reads.push(Date.now()),
  );
  const end = Math.floor(Date.now() / 4000) * 4000 + 4000;
  const run = registered
    .get('scheduler-executor-timer')!
    .handler({ isPastDue: false, schedule: { adjustForDST: false }, scheduleStatus: {} } as any, {} as any);
  // Created while the run sleeps: due inside the window, and one due only after it.
  const inside = new Date(started + 1500);
  const after = new Date(end + 1500);
  expect(await create('inside', inside)).toBe('created');
  expect(await create('after', after)).toBe('created');
  await run;
  const returned = Date.now();
  stop();
  const seen = new Map(target.seen.map((s) => [s.path, s.at]));
  expect([...seen.keys()].sort()).toEqual(['/inside', '/overdue']);
  const lateness = seen.get('/inside')! - inside.getTime();
  expect(lateness).toBeGreaterThanOrEqual(0);
  // Sub-second on a quiet machine (docs/benchmarks.md); a shared test machine gets slack.
  expect(lateness).toBeLessThan(1500);
  // A quarter second before the next occurrence, so the host never skips it: the run is bounded
  // there, asks storage for nothing after it, and returns then. Not `returned < end`: a read asked
  // just before the bound, or a starved event loop, may finish it late on a busy machine.
  expect(runFor).toHaveBeenCalledWith(end - 250);
  expect(Math.max(...reads)).toBeLessThan(end - 250);
  expect(returned).toBeGreaterThanOrEqual(end - 250);
  expect(returned).toBeLessThan(end + 1_000);
  expect((await rt.scheduler.jobs.get(ref, 'after'))?.status.executionCount).toBe(0);
});
