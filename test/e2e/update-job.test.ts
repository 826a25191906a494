import { startService, extendedCode, type TestService } from '../support/service';
import {
  deliveryPackage,
  getJobBody,
  jobPath,
  patchJob,
  putJob,
  RETURN_ADDRESS,
  failure,
} from '../support/http-jobs';

/** Update Job Properties over HTTP (docs/contract/import-export.md#a7, #a8). */
let svc: TestService;
beforeAll(async () => {
  svc = await startService({ ACTIVE_JOB_LIMIT: '500' });
});
afterAll(() => svc.stop());

let n = 0;
const fresh = async (prefix = 'Upd') => {
  const name = `${prefix}${++n}`;
  await putJob(svc, name);
  return name;
};

describe('Update Job Properties: success', () => {
  it("takes the reference's sample body and answers 200, no body, with the job's new version", async () => {
    const name = await fresh();
    const before = await svc.call('GET', jobPath(name));
    const res = await patchJob(
      svc,
      name,
      {},
      {
        version: '2014-05-01',
        body: {
          'odata.type': 'Microsoft.Cis.Services.ImportExport.Public.Job',
          'odata.id': name,
          'odata.editLink': `https://management.core.windows.net/afb1a4eb-bc88-4ce1-b1af-dfec80067464/services/importexport/jobs/${name}`,
          Properties: { DeliveryPackage: deliveryPackage('TN-sample') },
        },
      },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(res.headers.get('etag')).toMatch(/^W\/"datetime'/);
    expect(res.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(res.headers.get('last-modified')).toMatch(/GMT$/);
    expect(res.headers.get('dataserviceid')).toBe(`${svc.base()}/jobs/${name}`);
    expect(res.headers.get('x-ms-version')).toBe('2014-05-01');
    const after = await svc.call('GET', jobPath(name));
    expect(after.headers.get('etag')).toBe(res.headers.get('etag'));
    const job = (await after.json()) as any;
    expect(job.Properties.State).toBe('Creating');
    expect(job.Properties.DeliveryPackage).toEqual(deliveryPackage('TN-sample'));
  });

  it('sets every updatable property at once and moves the job to Shipping', async () => {
    const name = await fresh();
    const res = await patchJob(
      svc,
      name,
      {
        FriendlyName: 'f',
        Description: 'd',
        Metadata: 'm',
        ReturnAddress: { ...RETURN_ADDRESS, Name: 'Jane Doe' },
        ReturnShipping: { CarrierName: 'DHL', CarrierAccountNumber: '42' },
        DeliveryPackage: deliveryPackage(`TN-${name}`),
        EnableVerboseLog: false,
        BackupDriveManifest: false,
        CancelRequested: true,
        State: 'Shipping',
      },
      { body: undefined },
    );
    expect(res.status).toBe(200);
    const job = await getJobBody(svc, name);
    expect(job.Properties).toMatchObject({
      FriendlyName: 'f',
      Description: 'd',
      Metadata: 'm',
      State: 'Shipping',
      CancelRequested: true,
      ReturnAddress: { Name: 'Jane Doe' },
      ReturnShipping: { CarrierName: 'DHL', CarrierAccountNumber: '42' },
      DeliveryPackage: { TrackingNumber: `TN-${name}` },
      EnableVerboseLog: false,
      BackupDriveManifest: false,
    });
  });

  it.each([
    ['MERGE', {}],
    ['POST', { 'X-HTTP-Method': 'PATCH' }],
    ['POST', { 'X-HTTP-Method': 'MERGE' }],
  ])('works as %s %j', async (method, headers) => {
    const name = await fresh();
    const res = await patchJob(svc, name, { Description: method }, { method, headers });
    expect(res.status).toBe(200);
    expect((await getJobBody(svc, name)).Properties.Description).toBe(method);
  });

  it('accepts a Name equal to the job name in any case', async () => {
    const name = await fresh();
    const res = await patchJob(
      svc,
      name,
      {},
      { body: { Name: name.toUpperCase(), Properties: { Metadata: 'x' } } },
    );
    expect(res.status).toBe(200);
  });

  it('keeps every change of concurrent updates (docs/contract/import-export.md#d4)', async () => {
    const name = await fresh();
    const changes = [
      { FriendlyName: 'f' },
      { Description: 'd' },
      { Metadata: 'm' },
      { ReturnShipping: { CarrierName: 'DHL', CarrierAccountNumber: '1' } },
      { EnableVerboseLog: false },
      { BackupDriveManifest: false },
      { CancelRequested: true },
      { DeliveryPackage: deliveryPackage(`TN-${name}`) },
    ];
    const statuses = await Promise.all(changes.map(async (c) => (await patchJob(svc, name, c)).status));
    expect(statuses).toEqual(changes.map(() => 200));
    expect((await getJobBody(svc, name)).Properties).toMatchObject(Object.assign({}, ...changes));
  });
});

describe('Update Job Properties: addressing and conditions', () => {
  it('a job that does not exist, or under another account, is 404 ResourceNotFound', async () => {
    const name = await fresh();
    expect(await failure(await patchJob(svc, 'Nobody', { Description: 'x' }))).toMatchObject({
      status: 404,
      code: 'ResourceNotFound',
    });
    expect(
      await failure(await patchJob(svc, name, { Description: 'x' }, { account: 'otheraccount' })),
    ).toMatchObject({
      status: 404,
      code: 'ResourceNotFound',
    });
  });

  it('malformed names in the path are 400 InvalidJobName / InvalidStorageAccountName', async () => {
    expect((await failure(await patchJob(svc, '1bad', { Description: 'x' }))).code).toBe('InvalidJobName');
    expect(
      (await failure(await patchJob(svc, 'Good', { Description: 'x' }, { account: 'Bad_Account' }))).code,
    ).toBe('InvalidStorageAccountName');
  });

  it('If-Match with the current ETag applies; with a stale one is 412 and changes nothing', async () => {
    const name = await fresh();
    const etag = (await svc.call('GET', jobPath(name))).headers.get('etag')!;
    const ok = await patchJob(svc, name, { Description: 'one' }, { headers: { 'If-Match': etag } });
    expect(ok.status).toBe(200);
    const stale = await patchJob(svc, name, { Description: 'two' }, { headers: { 'If-Match': etag } });
    expect(await failure(stale)).toMatchObject({ status: 412, code: 'ConditionNotMet' });
    expect((await getJobBody(svc, name)).Properties.Description).toBe('one');
  });

  it('If-None-Match: * and a past If-Unmodified-Since are 412', async () => {
    const name = await fresh();
    const conditions: Record<string, string>[] = [
      { 'If-None-Match': '*' },
      { 'If-Unmodified-Since': 'Mon, 01 Jan 2001 00:00:00 GMT' },
    ];
    for (const headers of conditions) {
      expect((await failure(await patchJob(svc, name, { Description: 'x' }, { headers }))).code).toBe(
        'ConditionNotMet',
      );
    }
  });

  it('If-Match with If-None-Match is 400 MultipleConditionHeadersNotSupported; a malformed ETag 400 InvalidHeaderValue', async () => {
    const name = await fresh();
    const both = await patchJob(svc, name, {}, { headers: { 'If-Match': '*', 'If-None-Match': '*' } });
    expect((await failure(both)).code).toBe('MultipleConditionHeadersNotSupported');
    const malformed = await patchJob(svc, name, {}, { headers: { 'If-Match': 'no-quotes' } });
    expect((await failure(malformed)).code).toBe('InvalidHeaderValue');
  });

  it('POST with an X-HTTP-Method other than PUT, PATCH, MERGE or DELETE is 400 InvalidHttpVerb', async () => {
    const name = await fresh();
    const res = await patchJob(svc, name, {}, { method: 'POST', headers: { 'X-HTTP-Method': 'PATCHY' } });
    expect((await failure(res)).code).toBe('InvalidHttpVerb');
  });

  it('POST without X-HTTP-Method is 405 MethodNotAllowed', async () => {
    const name = await fresh();
    expect(await extendedCode(await patchJob(svc, name, {}, { method: 'POST' }))).toBe('MethodNotAllowed');
  });

  it('a body that is not JSON by Content-Type is 406 UnsupportedMediaType; over 1 MiB 413', async () => {
    const name = await fresh();
    const xml = await patchJob(svc, name, {}, { headers: { 'content-type': 'application/xml' } });
    expect(await failure(xml)).toMatchObject({ status: 406, code: 'UnsupportedMediaType' });
    const big = await patchJob(
      svc,
      name,
      {},
      { body: { Properties: { Description: 'x'.repeat(1024 * 1024 + 1) } } },
    );
    expect(await failure(big)).toMatchObject({ status: 413, code: 'RequestBodyTooLarge' });
  });
});
