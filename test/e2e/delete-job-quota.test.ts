import { startService, type TestService } from '../support/service';
import { forceJobStateForTest } from '../support/jobs';
import { jobPath } from '../support/http-jobs';
import { samplePutJob } from '../support/samples';

/** Delete Job gives back the quota slot of an active job (docs/contract/import-export.md#a9, #d3), with a limit of 2. */
let svc: TestService;
beforeAll(async () => {
  svc = await startService({ ACTIVE_JOB_LIMIT: '2' });
});
afterAll(() => svc.stop());

async function failure(res: Response) {
  const body = (await res.json()) as any;
  return { status: res.status, code: body['odata.error']['azure.values'][0].ExtendedCode };
}

describe('Delete Job frees the quota slot (docs/contract/import-export.md#a9, #d3)', () => {
  it('of an active job; a deleted finished job had none to free', async () => {
    const put = (name: string) => svc.call('PUT', jobPath(name), { body: samplePutJob(name) });
    expect((await put('JobA')).status).toBe(201);
    expect((await put('JobB')).status).toBe(201);
    expect(await failure(await put('JobC'))).toMatchObject({ status: 409, code: 'ActiveJobQuotaExceeded' });
    expect((await svc.call('DELETE', jobPath('JobA'))).status).toBe(200);
    expect((await put('JobC')).status).toBe(201);
    await forceJobStateForTest(svc.rt, svc.sub, 'JobB', 'Completed');
    expect((await put('JobD')).status).toBe(201);
    expect((await svc.call('DELETE', jobPath('JobB'))).status).toBe(200);
    expect(await failure(await put('JobE'))).toMatchObject({ status: 409, code: 'ActiveJobQuotaExceeded' });
  });
});
