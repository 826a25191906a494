import { TestClock } from '../../support/runtime';
import { call, failure, startSchedulerClients, type SchedulerClients } from '../../support/scheduler-clients';

/**
 * docs/classic-scheduler.md#c6: disabled → enabled recomputes from now; with no occurrence left
 * the job becomes completed. A PATCH keeps the endTime the job already has even when it has
 * passed; a new endTime in the past is still 400. Driven through Microsoft's azure-scheduler.
 */
const HOUR = 3_600_000;
const clock = new TestClock(new Date());
let c: SchedulerClients;
let sc: any;

beforeAll(async () => {
  c = await startSchedulerClients({}, { now: clock.now });
  await call((cb) =>
    c.csm.cloudServices.create('cs-reenable', { label: 'l', description: 'd', geoRegion: 'West US' }, cb),
  );
  await call((cb) => c.smc.jobCollections.create('cs-reenable', 'jc1', {}, cb));
  sc = c.jobs('cs-reenable', 'jc1');
});
afterAll(() => c.svc.stop());

const action = { type: 'http', request: { uri: 'http://127.0.0.1:9/', method: 'GET' } };

it('re-enabling a job whose endTime has passed completes it; a new endTime in the past is 400', async () => {
  const endTime = new Date(clock.now().getTime() + 2 * HOUR);
  const recurrence = { frequency: 'hour', interval: 1, endTime };
  const start = new Date(clock.now().getTime() + HOUR);
  await call((cb) => sc.jobs.createOrUpdate('late', { action, startTime: start, recurrence }, cb));
  const disabled = await call((cb) => sc.jobs.updateState('late', { state: 'disabled' }, cb));
  expect(disabled.job.state).toBe('disabled');
  clock.advance(4 * HOUR);

  const enabled = await call((cb) => sc.jobs.updateState('late', { state: 'enabled' }, cb));
  expect(enabled.job.state).toBe('completed');
  expect(enabled.job.status?.nextExecutionTime).toBeUndefined();

  await call((cb) =>
    sc.jobs.createOrUpdate('other', { action, recurrence: { frequency: 'hour', interval: 1 } }, cb),
  );
  const past = new Date(clock.now().getTime() - HOUR).toISOString();
  const refused = await c.raw(
    'PATCH',
    `/${c.svc.sub}/cloudservices/cs-reenable/resources/scheduler/~/JobCollections/jc1/jobs/other?api-version=2014-04-01`,
    {
      body: JSON.stringify({ recurrence: { frequency: 'hour', interval: 1, endTime: past } }),
      headers: { 'content-type': 'application/json' },
    },
  );
  expect(refused.status).toBe(400);
  expect(refused.body).toContain('recurrence.endTime must be in the future.');
  expect((await failure((cb) => sc.jobs.updateState('late', { state: 'disabled' }, cb))).statusCode).toBe(
    409,
  );
});
