import moment from 'moment';
import { call, failure, startSchedulerClients, type SchedulerClients } from '../../support/scheduler-clients';

let c: SchedulerClients;
let sc: any;
const JC = '/cloudservices/cs-jobs/resources/scheduler/~/JobCollections/jc1';

beforeAll(async () => {
  c = await startSchedulerClients({ SCHEDULER_MIN_RETRY_INTERVAL: 'PT1S' });
  await call((cb) =>
    c.csm.cloudServices.create('cs-jobs', { label: 'l', description: 'd', geoRegion: 'West US' }, cb),
  );
  await call((cb) => c.smc.jobCollections.create('cs-jobs', 'jc1', {}, cb));
  sc = c.jobs('cs-jobs', 'jc1');
});
afterAll(() => c.svc.stop());

const httpAction = {
  type: 'http',
  request: {
    uri: 'http://127.0.0.1:9/hook',
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: 'hi',
  },
};

describe('azure-scheduler: jobs', () => {
  it('creates by POST (201) under a new lowercase GUID, with the first run at once', async () => {
    const result = await call((cb) =>
      sc.jobs.create({ action: httpAction, recurrence: { frequency: 'minute', interval: 1 } }, cb),
    );
    expect(result.statusCode).toBe(201);
    expect(result.job.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(result.job.state).toBe('enabled');
    expect(result.job.startTime).toBeUndefined();
    expect(result.job.recurrence).toMatchObject({ frequency: 'minute', interval: 1 });
    expect(result.job.status).toMatchObject({ executionCount: 0, failureCount: 0, faultedCount: 0 });
    expect(Math.abs(Date.parse(result.job.status.nextExecutionTime) - Date.now())).toBeLessThan(60_000);
  });

  it('creates by PUT (201), replaces (200) and reads back exactly what the client parses', async () => {
    // Year and month of one instant: read apart, they straddle a new year once a year.
    const today = new Date();
    const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 2, 1, 20, 8));
    // The first run: the first Monday or Friday after the start day (09:00 is before 20:08).
    const first = new Date(start.getTime());
    do first.setUTCDate(first.getUTCDate() + 1);
    while (first.getUTCDay() !== 1 && first.getUTCDay() !== 5);
    const definition = {
      startTime: start,
      action: {
        ...httpAction,
        retryPolicy: { retryType: 'fixed', retryInterval: moment.duration(30, 'seconds'), retryCount: 3 },
      },
      recurrence: {
        frequency: 'week',
        interval: 1,
        count: 5,
        schedule: { days: ['monday', 'friday'], hours: [9], minutes: [0, 30] },
      },
    };
    const created = await call((cb) => sc.jobs.createOrUpdate('job1', definition, cb));
    expect(created.statusCode).toBe(201);
    const job = created.job;
    expect(job.id).toBe('job1');
    expect(job.startTime).toBe(start.toISOString().replace('.000Z', 'Z'));
    expect(job.action.request).toEqual({
      uri: 'http://127.0.0.1:9/hook',
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'hi',
    });
    expect(job.action.retryPolicy.retryType).toBe('fixed');
    expect(moment.duration(job.action.retryPolicy.retryInterval).asSeconds()).toBe(30);
    expect(job.action.retryPolicy.retryCount).toBe(3);
    expect(job.recurrence.schedule.days).toEqual(['monday', 'friday']);
    expect(job.status.nextExecutionTime).toBe(`${first.toISOString().slice(0, 10)}T09:00:00Z`);
    const replaced = await call((cb) => sc.jobs.createOrUpdate('JOB1', { action: httpAction }, cb));
    expect(replaced.statusCode).toBe(200);
    expect(replaced.job.id).toBe('job1');
    expect(replaced.job.action.retryPolicy).toBeUndefined();
    expect(replaced.job.recurrence).toBeUndefined();
  });

  it('gets a job, and answers 404 ResourceNotFound in XML for a missing one', async () => {
    const got = await call((cb) => sc.jobs.get('job1', cb));
    expect(got.job.id).toBe('job1');
    const missing = await failure((cb) => sc.jobs.get('job9', cb));
    expect([missing.statusCode, missing.code]).toEqual([404, 'ResourceNotFound']);
    expect(missing.message).toContain("'job9'");
    expect(missing.requestId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('disables with a reason (PATCH state), which clears the next time, and enables again', async () => {
    const disabled = await call((cb) =>
      sc.jobs.updateState('job1', { state: 'disabled', updateStateReason: 'maintenance' }, cb),
    );
    expect(disabled.job.state).toBe('disabled');
    expect(disabled.job.status).toBeUndefined();
    expect(JSON.stringify(disabled.job)).not.toContain('maintenance');
    const enabled = await call((cb) => sc.jobs.updateState('job1', { state: 'enabled' }, cb));
    expect(enabled.job.state).toBe('enabled');
    expect(enabled.job.status.nextExecutionTime).toBeDefined();
  });

  it('lists as a bare array sorted by id, with $filter, $skip and $top', async () => {
    await call((cb) => sc.jobs.createOrUpdate('a-job', { action: httpAction }, cb));
    await call((cb) => sc.jobs.updateState('a-job', { state: 'disabled' }, cb));
    await call((cb) => sc.jobs.createOrUpdate('b-job', { action: httpAction }, cb));
    const all = await call((cb) => sc.jobs.list({}, cb));
    const ids = all.jobs.map((j: any) => j.id);
    expect(ids.filter((id: string) => !id.includes('-') || id.endsWith('-job'))).toEqual([
      'a-job',
      'b-job',
      'job1',
    ]);
    const disabled = await call((cb) => sc.jobs.listWithFilter({ state: 'Disabled' }, cb));
    expect(disabled.jobs.map((j: any) => j.id)).toEqual(['a-job']);
    const page = await call((cb) => sc.jobs.list({ skip: 1, top: 1 }, cb));
    expect(page.jobs.map((j: any) => j.id)).toEqual([ids[1]]);
    const bad = await failure((cb) => sc.jobs.list({ top: 101 }, cb));
    expect([bad.statusCode, bad.code]).toEqual([400, 'BadRequest']);
  });

  it('sets every job of the collection to one state and answers all jobs', async () => {
    const result = await call((cb) => sc.jobs.updateJobCollectionState({ state: 'disabled' }, cb));
    expect(result.jobs.length).toBeGreaterThanOrEqual(3);
    expect(result.jobs.every((j: any) => j.state === 'disabled')).toBe(true);
    const back = await call((cb) => sc.jobs.updateJobCollectionState({ state: 'enabled' }, cb));
    expect(back.jobs.every((j: any) => j.state === 'enabled')).toBe(true);
  });

  it('reads history as a bare array (empty before any run), filtered by status; 404 for a missing job', async () => {
    const history = await call((cb) => sc.jobs.getHistory('a-job', {}, cb));
    expect(history.jobHistory).toEqual([]);
    const failed = await call((cb) =>
      sc.jobs.getHistoryWithFilter('job1', { status: 'Failed', top: 10 }, cb),
    );
    expect(failed.jobHistory).toEqual([]);
    const missing = await failure((cb) => sc.jobs.getHistory('job9', {}, cb));
    expect(missing.statusCode).toBe(404);
  });

  it('reads history entries newest first, as the client maps them, with $filter, $skip and $top', async () => {
    const ref = { subscriptionId: c.svc.sub, cloudService: 'cs-jobs', jobCollection: 'jc1' };
    // Yesterday: history older than 60 days is not shown (docs/classic-scheduler.md#e8).
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const entry = (minute: number, status: 'completed' | 'failed') => ({
      jobId: 'job1',
      timestamp: `${day}T23:${minute}:01.4809263Z`,
      startTime: `${day}T23:${minute}:01.3712133Z`,
      endTime: `${day}T23:${minute}:01.4809263Z`,
      state: 'enabled' as const,
      status,
      message: `Http Action - Response from host '127.0.0.1': 'OK' Response Headers: \r\n Body: ${minute}`,
      actionName: 'MainAction' as const,
      retryCount: 0,
      repeatCount: minute,
      expectedExecutionTime: `2015-08-04T23:${minute}:00Z`,
    });
    for (const [m, status] of [
      [10, 'completed'],
      [11, 'failed'],
      [12, 'completed'],
    ] as const)
      await c.svc.rt.schedulerHistory.append(ref, 'job1', `attempt-${m}`, entry(m, status));
    await c.svc.rt.schedulerHistory.append(ref, 'job1', 'attempt-12', entry(12, 'completed'));
    const all = await call((cb) => sc.jobs.getHistory('job1', {}, cb));
    expect(all.jobHistory.map((h: any) => h.repeatCount)).toEqual([12, 11, 10]);
    expect(all.jobHistory[0]).toMatchObject({
      id: 'job1',
      status: 'completed',
      actionName: 'MainAction',
      retryCount: 0,
      startTime: `${day}T23:12:01.3710000Z`,
    });
    const failed = await call((cb) => sc.jobs.getHistoryWithFilter('job1', { status: 'Failed' }, cb));
    expect(failed.jobHistory.map((h: any) => h.repeatCount)).toEqual([11]);
    const page = await call((cb) => sc.jobs.getHistory('job1', { skip: 1, top: 1 }, cb));
    expect(page.jobHistory.map((h: any) => h.repeatCount)).toEqual([11]);
  });

  it('deletes with 200 and no body; a second delete is 404', async () => {
    const deleted = await call((cb) => sc.jobs.deleteMethod('b-job', cb));
    expect(deleted.statusCode).toBe(200);
    const again = await failure((cb) => sc.jobs.deleteMethod('b-job', cb));
    expect(again.statusCode).toBe(404);
  });

  it('echoes Basic authentication without the password, with its PascalCase type', async () => {
    const result = await call((cb) =>
      sc.jobs.createOrUpdate(
        'auth-job',
        {
          action: {
            type: 'https',
            request: {
              uri: 'https://127.0.0.1:9/',
              method: 'GET',
              authentication: { type: 'Basic', username: 'u', password: 'p4ssw0rd-secret' },
            },
          },
        },
        cb,
      ),
    );
    expect(result.job.action.request.authentication).toEqual({ type: 'Basic', username: 'u' });
    const raw = await c.raw('GET', `/${c.svc.sub}${JC}/jobs/auth-job?api-version=2014-04-01`);
    expect(raw.body).not.toContain('p4ssw0rd-secret');
  });

  it('refuses invalid jobs with 400 BadRequest and a missing collection with 404', async () => {
    const bad = await failure((cb) =>
      sc.jobs.createOrUpdate(
        'bad',
        { action: httpAction, recurrence: { frequency: 'minute', interval: 1001 } },
        cb,
      ),
    );
    expect([bad.statusCode, bad.code]).toEqual([400, 'BadRequest']);
    const nowhere = c.jobs('cs-jobs', 'jc-none');
    const missing = await failure((cb) => nowhere.jobs.get('job1', cb));
    expect(missing.statusCode).toBe(404);
  });
});
