import type { Target } from '../../support/outbound-targets';
import { startTarget } from '../../support/outbound-targets';
import { TEST_OPERATOR_KEY, TestClock } from '../../support/runtime';
import { call, failure, startSchedulerClients, type SchedulerClients } from '../../support/scheduler-clients';

/**
 * POST /operator/sweep applies the Scheduler's retention as of its Now (docs/classic-scheduler.md#e8),
 * over HTTP: a completed job goes 60 days after it finished, with its history; a recurring job's
 * entries go 60 days after they ended; an operation record goes after 7 days. Nothing runs.
 */
const DAY = 86_400_000;
const clock = new TestClock(new Date());
const T0 = clock.now().getTime();
let c: SchedulerClients;
let sc: any;
let target: Target;

beforeAll(async () => {
  c = await startSchedulerClients({}, { now: clock.now });
  await call((cb) =>
    c.csm.cloudServices.create('cs-keep', { label: 'l', description: 'd', geoRegion: 'West US' }, cb),
  );
  await call((cb) => c.smc.jobCollections.create('cs-keep', 'jc1', {}, cb));
  sc = c.jobs('cs-keep', 'jc1');
  target = await startTarget((_req, res) => res.end('ok'));
});
afterAll(async () => {
  await Promise.all([target.close(), c.svc.stop()]);
});

const sweepAt = async (at: number) => {
  const res = await c.raw('POST', '/operator/sweep', {
    headers: { 'x-operator-key': TEST_OPERATOR_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ Now: new Date(at).toISOString() }),
  });
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { Scheduler: Record<string, number> }).Scheduler;
};
const none = { JobsDeleted: 0, HistoryEntriesDeleted: 0, OperationsDeleted: 0 };
const history = async (id: string) => (await call((cb) => sc.jobs.getHistory(id, {}, cb))).jobHistory;

it('removes what is past retention as of Now, keeps the rest, and runs no job', async () => {
  const entitled = await call((cb) =>
    c.csm.entitleResource(
      { resourceNamespace: 'scheduler', resourceType: 'JobCollections', registrationDate: new Date() },
      cb,
    ),
  );
  const action = { type: 'http', request: { uri: `${target.origin}/run`, method: 'GET' } };
  await call((cb) => sc.jobs.createOrUpdate('once', { action }, cb));
  const every = { frequency: 'hour', interval: 1 };
  await call((cb) => sc.jobs.createOrUpdate('hourly', { action, recurrence: every }, cb));
  // Both run once now, through the executor, on the service's clock.
  await c.svc.rt.schedulerExecution.executor.tick();
  expect((await call((cb) => sc.jobs.get('once', cb))).job.state).toBe('completed');
  expect(await history('hourly')).toHaveLength(1);
  const runs = target.seen.length;
  expect(runs).toBe(2);

  expect(await sweepAt(T0 + 7 * DAY - 60_000)).toEqual(none);
  expect((await call((cb) => c.csm.getOperationStatus(entitled.requestId, cb))).status).toBe('Succeeded');

  // The three 202s so far: the cloud service, the collection and EntitleResource.
  expect(await sweepAt(T0 + 7 * DAY + 1000)).toEqual({ ...none, OperationsDeleted: 3 });
  expect((await failure((cb) => c.csm.getOperationStatus(entitled.requestId, cb))).statusCode).toBe(404);

  expect(await sweepAt(T0 + 60 * DAY - 60_000)).toEqual(none);
  expect((await call((cb) => sc.jobs.get('once', cb))).job.state).toBe('completed');
  expect(await history('once')).toHaveLength(1);
  expect(await history('hourly')).toHaveLength(1);

  // The finished job goes with its history; the recurring job's one entry is trimmed.
  expect(await sweepAt(T0 + 60 * DAY + 1000)).toEqual({
    JobsDeleted: 1,
    HistoryEntriesDeleted: 1,
    OperationsDeleted: 0,
  });
  expect((await failure((cb) => sc.jobs.get('once', cb))).statusCode).toBe(404);
  // Read on the service's own clock (still T0): only a deletion can empty it.
  expect(await history('hourly')).toEqual([]);
  const hourly = (await call((cb) => sc.jobs.get('hourly', cb))).job;
  expect([hourly.state, hourly.status.executionCount]).toEqual(['enabled', 1]);
  expect(target.seen).toHaveLength(runs);
});
