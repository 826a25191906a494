import { createRuntime } from '../../shared/app/runtime';
import { extendedCode, startService, unreachableTableStorage, type TestService } from '../support/service';
import { jobPath, putJob } from '../support/http-jobs';

/** docs/contract/import-export.md#d6 on the operations of this issue: the jobs table out of reach is 503 with Retry-After. */
let svc: TestService;
let deadStore: TestService['rt']['jobs']['store'];

beforeAll(async () => {
  svc = await startService();
  const connectionString = await unreachableTableStorage();
  deadStore = createRuntime({ ...svc.rt.config, storage: { kind: 'connectionString', connectionString } })
    .jobs.store;
});
afterAll(() => svc.stop());

describe('with the job store unreachable', () => {
  it('List Jobs, Update, Delete and List Storage Accounts answer 503 ServiceUnavailable, then work again', async () => {
    await putJob(svc, 'Survivor');
    const liveStore = svc.rt.jobs.store;
    svc.rt.jobs.store = deadStore;
    try {
      for (const [method, path, body] of [
        ['GET', '/storageaccounts/xttest/jobs', undefined],
        ['PATCH', jobPath('Survivor'), { Properties: { Description: 'lost' } }],
        ['DELETE', jobPath('Survivor'), undefined],
        ['GET', '/storageaccounts', undefined],
      ] as const) {
        const res = await svc.call(method, path, body ? { body } : {});
        expect([method, path, res.status]).toEqual([method, path, 503]);
        expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(await extendedCode(res)).toBe('ServiceUnavailable');
      }
    } finally {
      svc.rt.jobs.store = liveStore;
    }
    const job = (await (await svc.call('GET', jobPath('Survivor'))).json()) as any;
    expect(job.Properties.Description).not.toBe('lost');
    expect((await svc.call('GET', '/storageaccounts/xttest/jobs')).status).toBe(200);
  });
});
