import moment from 'moment';
import type { Target } from '../../support/outbound-targets';
import { startTarget } from '../../support/outbound-targets';
import { call, failure, startSchedulerClients, type SchedulerClients } from '../../support/scheduler-clients';

let c: SchedulerClients;
let sc: any;
let ok: Target;
let broken: Target;
let running: Promise<void>;

beforeAll(async () => {
  c = await startSchedulerClients({ SCHEDULER_MIN_RETRY_INTERVAL: 'PT1S' });
  await call((cb) =>
    c.csm.cloudServices.create('cs-run', { label: 'l', description: 'd', geoRegion: 'West US' }, cb),
  );
  await call((cb) => c.smc.jobCollections.create('cs-run', 'jc1', {}, cb));
  sc = c.jobs('cs-run', 'jc1');
  ok = await startTarget((_req, res) => res.end('fine'));
  broken = await startTarget((_req, res) => {
    res.statusCode = 500;
    res.end('broken');
  });
  running = c.svc.rt.schedulerExecution.loop.runFor();
});
afterAll(async () => {
  c.svc.rt.schedulerExecution.loop.stop();
  await running;
  await Promise.all([ok.close(), broken.close(), c.svc.stop()]);
});

async function until(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('jobs run, and azure-scheduler reads the results', () => {
  it('a one-time job runs at once: completed, counted, one history entry', async () => {
    const action = { type: 'http', request: { uri: `${ok.origin}/once`, method: 'POST', body: 'hi' } };
    await call((cb) => sc.jobs.createOrUpdate('once', { action }, cb));
    await until(async () => (await call((cb) => sc.jobs.get('once', cb))).job.state === 'completed');
    const { job } = await call((cb) => sc.jobs.get('once', cb));
    expect(job.status).toMatchObject({ executionCount: 1, failureCount: 0, faultedCount: 0 });
    expect(job.status.nextExecutionTime).toBeUndefined();
    expect(ok.seen.filter((s) => s.path === '/once')).toHaveLength(1);
    expect(ok.seen[0]?.headers['x-ms-scheduler-jobid']).toBe('once');
    expect(ok.seen[0]?.headers['x-ms-scheduler-execution-region']).toBe('West US');
    const { jobHistory } = await call((cb) => sc.jobs.getHistory('once', {}, cb));
    expect(jobHistory).toHaveLength(1);
    expect(jobHistory[0]).toMatchObject({
      id: 'once',
      status: 'completed',
      state: 'completed',
      actionName: 'MainAction',
      retryCount: 0,
      repeatCount: 1,
    });
    expect(jobHistory[0].message).toMatch(
      /^Http Action - Response from host '127\.0\.0\.1:\d+': 'OK' Response Headers: .* Body: fine$/s,
    );
  });

  it('a failing job retries at its interval, faults, and history filters by status', async () => {
    const action = {
      type: 'http',
      request: { uri: `${broken.origin}/retry`, method: 'GET' },
      retryPolicy: { retryType: 'fixed', retryInterval: moment.duration(1, 'seconds'), retryCount: 1 },
    };
    await call((cb) => sc.jobs.createOrUpdate('retry', { action }, cb));
    await until(async () => (await call((cb) => sc.jobs.get('retry', cb))).job.state === 'faulted');
    const { job } = await call((cb) => sc.jobs.get('retry', cb));
    expect(job.status).toMatchObject({ executionCount: 1, failureCount: 2, faultedCount: 1 });
    const seen = broken.seen.filter((s) => s.path === '/retry');
    expect(seen).toHaveLength(2);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(950);
    const failed = await call((cb) => sc.jobs.getHistoryWithFilter('retry', { status: 'Failed' }, cb));
    expect(failed.jobHistory.map((h: any) => [h.retryCount, h.state])).toEqual([
      [1, 'faulted'],
      [0, 'enabled'],
    ]);
    expect(failed.jobHistory[0].message).toContain("'InternalServerError'");
    const completed = await call((cb) => sc.jobs.getHistoryWithFilter('retry', { status: 'Completed' }, cb));
    expect(completed.jobHistory).toEqual([]);
  });

  it('a literal metadata address in a job uri is 400 at create', async () => {
    const action = { type: 'http', request: { uri: 'http://169.254.169.254/metadata', method: 'GET' } };
    const err = await failure((cb) => sc.jobs.createOrUpdate('ssrf', { action }, cb));
    expect(err.statusCode).toBe(400);
    expect(err.code).toBe('BadRequest');
    expect(err.message).toContain('169.254.169.254');
  });
});
