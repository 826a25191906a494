import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite, type Azurite } from '../../local-host/azurite';
import { isActive } from '../../shared/import-export/model/job-states';
import type { Job } from '../../shared/import-export/model/model';
import { OUTAGE_ACCOUNTS, Workload, accountOf } from '../support/outage-workload';
import { CUSTOMER1, putBlob } from '../support/customer-blobs';
import { uniqueName } from '../support/datacenter';
import { samplePutJob } from '../support/samples';
import { startService, type TestService } from '../support/service';

/**
 * docs/contract/import-export.md#d6 with the store really going away: the service runs on an Azurite of its own (data in a
 * temporary folder, ports picked now and kept), which is stopped in the middle of a workload and
 * started again on the same ports. Meanwhile every request that needs the store answers 503
 * ServiceUnavailable with Retry-After; afterwards every job is whole or absent, no acknowledged
 * write is lost, the counters agree with the jobs, and the same service instance (runtime, clients,
 * caches) works on without a restart.
 */
const DAY = 86_400_000;
const folder = mkdtempSync(join(tmpdir(), 'azurite-outage-'));
let azurite: Azurite;
let ports: { blobPort: number; tablePort: number };
let svc: TestService;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  ports = { blobPort: await freePort(), tablePort: await freePort() };
  azurite = await startAzurite({ location: folder, ...ports });
  svc = await startService({ AzureWebJobsStorage: azurite.connectionString, ACTIVE_JOB_LIMIT: '1000' });
});
afterAll(async () => {
  await svc.stop();
  await azurite.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('the store stopped during a run, then started again', () => {
  let work: Workload;
  /** From the store's stop to its restart; `up` when it listens again. */
  let down: { from: number; to: number; up: number };

  beforeAll(async () => {
    const source = uniqueName('outagesrc');
    await putBlob(CUSTOMER1.name, source, 'a.bin', 100);
    work = new Workload(svc, 4, source);
    await pause(1500);
    await azurite.stop();
    const from = Date.now();
    await pause(3000);
    const to = Date.now();
    azurite = await startAzurite({ location: folder, ...ports });
    const up = Date.now();
    await pause(2000);
    await work.stop();
    down = { from, to, up };
  }, 60_000);

  it('answered every request that needed it 503 ServiceUnavailable with Retry-After, and nothing 500', () => {
    const failures = work.outcomes.filter((o) => o.status >= 500);
    expect(failures.length).toBeGreaterThan(0);
    for (const o of failures)
      expect(o).toMatchObject({ status: 503, code: 'ServiceUnavailable', retryAfter: '5' });
    const whileDown = work.outcomes.filter((o) => o.sent >= down.from && o.answered <= down.to);
    expect(whileDown.length).toBeGreaterThan(0);
    for (const o of whileDown) expect([o.op, o.status]).toEqual([o.op, 503]);
    const others = work.outcomes.filter((o) => o.status < 500 && o.status >= 300);
    // Besides 503, only what follows from a write that failed before (a job that was never created...).
    for (const o of others) expect(['ResourceNotFound', 'InvalidJobState']).toContain(o.code);
  });

  it('kept every acknowledged write, and every job is whole or absent', async () => {
    const last = (job: string, op: Parameters<Workload['answers']>[1]) => work.answers(job, op).at(-1);
    for (const name of work.jobs()) {
      const found = await svc.rt.jobs.store.get(svc.sub, name);
      const deleted = last(name, 'delete');
      if (deleted?.status === 200) {
        expect([name, found]).toEqual([name, undefined]);
        continue;
      }
      if (last(name, 'put')?.status === 201 && deleted === undefined)
        expect([name, found]).not.toEqual([name, undefined]);
      if (!found) continue;
      const job = found.value;
      expect(job).toMatchObject({
        Name: name,
        StorageAccountName: accountOf(name),
        DriveList: expect.any(Array),
      });
      expect(job.DriveList).toHaveLength(job.Type === 'Import' ? 2 : job.State === 'Received' ? 1 : 0);
      expect(job.Credential.Kind).toBe('StorageAccountKey');
      // A received export's plan was saved before the job recorded it: it can be read.
      if (job.Type === 'Export' && job.State === 'Received') {
        const plan = await svc.operator('GET', `/subscriptions/${svc.sub}/jobs/${name}/drives/BLANK-1/blobs`);
        expect([name, plan.status]).toEqual([name, 200]);
        expect(((await plan.json()) as any).value).toHaveLength(1);
      }
      if (last(name, 'describe')?.status === 200) expect(job.Description).toBe(`described ${name}`);
      if (last(name, 'ship')?.status === 200) expect(['Shipping', 'Received']).toContain(job.State);
      if (last(name, 'receive')?.status === 200) expect(job.State).toBe('Received');
    }
  });

  it('keeps the lists and counters in step with the jobs', async () => {
    const { store } = svc.rt.jobs;
    const jobs: Job[] = [];
    for (const name of work.jobs()) {
      const found = await store.get(svc.sub, name);
      if (found) jobs.push(found.value);
    }
    for (const account of OUTAGE_ACCOUNTS) {
      const listed = await store.list({
        subscriptionId: svc.sub,
        storageAccountName: account,
        now: new Date(),
        limit: 1000,
      });
      expect(listed.jobs.map((j) => j.value.Name).sort()).toEqual(
        jobs
          .filter((j) => j.StorageAccountName === account)
          .map((j) => j.Name)
          .sort(),
      );
    }
    expect(await store.storageAccounts(svc.sub)).toEqual(
      [...new Set(jobs.map((j) => j.StorageAccountName))].sort(),
    );
    // The active-job counter is exact: with the limit at the count plus one, one more job fits, not two.
    const active = jobs.filter((j) => isActive(j.State)).length;
    const limit = svc.rt.jobs.activeJobLimit;
    svc.rt.jobs.activeJobLimit = active + 1;
    try {
      const put = (name: string) =>
        svc.call('PUT', `/storageaccounts/outagea/jobs/${name}`, { body: samplePutJob(name, 'outagea') });
      expect((await put('QuotaProbe1')).status).toBe(201);
      expect((await put('QuotaProbe2')).status).toBe(409);
    } finally {
      svc.rt.jobs.activeJobLimit = limit;
    }
  });

  it('the same service instance works on: every kind of call succeeds again', async () => {
    const path = '/storageaccounts/outageb/jobs/AfterTheOutage';
    expect((await svc.call('PUT', path, { body: samplePutJob('AfterTheOutage', 'outageb') })).status).toBe(
      201,
    );
    expect((await svc.call('PATCH', path, { body: { Properties: { Description: 'back' } } })).status).toBe(
      200,
    );
    const got = await svc.call('GET', path);
    expect(got.status).toBe(200);
    expect(((await got.json()) as any).Properties.Description).toBe('back');
    expect((await svc.call('GET', '/storageaccounts/outageb/jobs')).status).toBe(200);
    expect((await svc.operator('GET', `/subscriptions/${svc.sub}/jobs/AfterTheOutage`)).status).toBe(200);
    const after = work.outcomes.filter((o) => o.sent > down.up);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((o) => o.status >= 500)).toEqual([]);
  });

  it('kept the due-time index whole: a sweep two weeks on finds every Creating and Shipping job', async () => {
    const jobs: Job[] = [];
    for (const name of [...work.jobs(), 'QuotaProbe1', 'AfterTheOutage']) {
      const found = await svc.rt.jobs.store.get(svc.sub, name);
      if (found) jobs.push(found.value);
    }
    const res = await svc.operator('POST', '/sweep', { Now: new Date(Date.now() + 15 * DAY).toISOString() });
    expect(res.status).toBe(200);
    const report = (await res.json()) as any;
    expect(report).toMatchObject({
      CreatingDeleted: jobs.filter((j) => j.State === 'Creating').length,
      ShippingOverdue: jobs.filter((j) => j.State === 'Shipping').length,
      Failed: 0,
    });
  });
});
