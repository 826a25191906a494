import { startService, type TestService } from '../support/service';
import { forceJobStateForTest } from '../support/jobs';
import { deliveryPackage, failure, jobPath, patchJob, putJob, shippedJob } from '../support/http-jobs';
import { samplePutJob } from '../support/samples';

/** Delete Job (docs/contract/import-export.md#a9) and the name-reuse rule of docs/contract/import-export.md#a5 end to end. */
let svc: TestService;
beforeAll(async () => {
  svc = await startService({ ACTIVE_JOB_LIMIT: '200' });
});
afterAll(() => svc.stop());

let n = 0;
const fresh = async (prefix = 'Del') => {
  const name = `${prefix}${++n}`;
  await putJob(svc, name);
  return name;
};

const del = (name: string, opts: Parameters<TestService['call']>[2] = {}) =>
  svc.call('DELETE', jobPath(name), opts);

describe('Delete Job', () => {
  it('deletes a Creating job: 200, no body; Get is then 404, and so is a second Delete', async () => {
    const name = await fresh();
    const res = await del(name);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(res.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(await failure(await svc.call('GET', jobPath(name)))).toMatchObject({
      status: 404,
      code: 'ResourceNotFound',
    });
    expect(await failure(await svc.call('GET', `/jobs/${name}`))).toMatchObject({ status: 404 });
    expect(await failure(await del(name))).toMatchObject({ status: 404, code: 'ResourceNotFound' });
  });

  it.each(['Completed', 'Closed'] as const)('deletes a %s job', async (state) => {
    const name = await fresh();
    await forceJobStateForTest(svc.rt, svc.sub, name, state);
    expect((await del(name)).status).toBe(200);
    expect((await svc.call('GET', jobPath(name))).status).toBe(404);
  });

  it.each(['Shipping', 'Received', 'Transferring', 'Packaging', 'Faulted'] as const)(
    'refuses a %s job with 409 InvalidJobState and keeps it',
    async (state) => {
      const name = await fresh();
      await forceJobStateForTest(svc.rt, svc.sub, name, state);
      expect(await failure(await del(name))).toEqual({ status: 409, code: 'InvalidJobState', info: state });
      expect((await svc.call('GET', jobPath(name))).status).toBe(200);
    },
  );

  it('deletes a cancelled Creating job (docs/contract/import-export.md#a8)', async () => {
    const name = await fresh();
    expect((await patchJob(svc, name, { CancelRequested: true })).status).toBe(200);
    expect((await del(name)).status).toBe(200);
  });

  it.each([
    ['POST', {}],
    ['GET', {}],
  ])('works tunnelled as %s with X-HTTP-Method: DELETE', async (method) => {
    const name = await fresh();
    const res = await svc.call(method, jobPath(name), { headers: { 'X-HTTP-Method': 'DELETE' } });
    expect(res.status).toBe(200);
    expect((await svc.call('GET', jobPath(name))).status).toBe(404);
  });

  it('honours If-Match: a stale ETag is 412 and the job stays; the current one deletes', async () => {
    const name = await fresh();
    const first = (await svc.call('GET', jobPath(name))).headers.get('etag')!;
    expect((await patchJob(svc, name, { Description: 'moved on' })).status).toBe(200);
    expect(await failure(await del(name, { headers: { 'If-Match': first } }))).toMatchObject({
      status: 412,
      code: 'ConditionNotMet',
    });
    expect((await svc.call('GET', jobPath(name))).status).toBe(200);
    const current = (await svc.call('GET', jobPath(name))).headers.get('etag')!;
    expect((await del(name, { headers: { 'If-Match': current } })).status).toBe(200);
  });

  it('refuses If-Modified-Since with If-Match (400) and a body (400 InvalidHeaderValue)', async () => {
    const name = await fresh();
    const both = await del(name, {
      headers: { 'If-Match': '*', 'If-Modified-Since': 'Mon, 01 Jan 2001 00:00:00 GMT' },
    });
    expect((await failure(both)).code).toBe('MultipleConditionHeadersNotSupported');
    expect((await failure(await del(name, { body: '{}' }))).code).toBe('InvalidHeaderValue');
    expect((await svc.call('GET', jobPath(name))).status).toBe(200);
  });

  it('under another storage account is 404 and deletes nothing', async () => {
    const name = await fresh();
    const res = await svc.call('DELETE', `/storageaccounts/otheraccount/jobs/${name}`);
    expect(await failure(res)).toMatchObject({ status: 404, code: 'ResourceNotFound' });
    expect((await svc.call('GET', jobPath(name))).status).toBe(200);
  });

  it('drops the storage account from List Storage Accounts with its last job', async () => {
    const name = 'Lonely';
    await putJob(svc, name, 'lonelyaccount');
    const accounts = async () =>
      ((await (await svc.call('GET', '/storageaccounts')).json()) as any).value.map((a: any) => a.Name);
    expect(await accounts()).toContain('lonelyaccount');
    expect((await svc.call('DELETE', `/storageaccounts/lonelyaccount/jobs/${name}`)).status).toBe(200);
    expect(await accounts()).not.toContain('lonelyaccount');
  });
});

describe('name reuse (docs/contract/import-export.md#a5, #a9)', () => {
  it.each(['Completed', 'Closed'] as const)(
    'a Shipping name is refused; once the job is %s and deleted the name is new again',
    async (finished) => {
      const name = `Reuse${finished}`;
      await shippedJob(svc, name, `TN-reuse-${finished}`);
      const again = await svc.call('PUT', jobPath(name.toUpperCase()), {
        body: samplePutJob(name.toUpperCase()),
      });
      expect(await failure(again)).toMatchObject({ status: 409, code: 'JobAlreadyExists' });
      expect(await failure(await del(name))).toMatchObject({ status: 409, code: 'InvalidJobState' });
      await forceJobStateForTest(svc.rt, svc.sub, name, finished);
      const finishedPut = await svc.call('PUT', jobPath(name), { body: samplePutJob(name) });
      expect(await failure(finishedPut)).toMatchObject({ status: 409, code: 'JobAlreadyExists' });
      expect((await del(name)).status).toBe(200);
      const reused = name.toLowerCase();
      expect((await svc.call('PUT', jobPath(reused), { body: samplePutJob(reused) })).status).toBe(201);
      const job = (await (await svc.call('GET', jobPath(name))).json()) as any;
      expect(job.Name).toBe(reused);
      expect(job.Properties.State).toBe('Creating');
      expect(job.Properties.DeliveryPackage).toBeUndefined();
    },
  );

  it('a deleted job gives back its tracking number', async () => {
    const holder = await fresh();
    expect((await patchJob(svc, holder, { DeliveryPackage: deliveryPackage('TN-freed') })).status).toBe(200);
    const other = await fresh();
    expect((await patchJob(svc, other, { DeliveryPackage: deliveryPackage('TN-freed') })).status).toBe(409);
    expect((await del(holder)).status).toBe(200);
    expect((await patchJob(svc, other, { DeliveryPackage: deliveryPackage('TN-freed') })).status).toBe(200);
  });
});
