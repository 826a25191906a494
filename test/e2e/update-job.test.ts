import { startService, extendedCode, type TestService } from '../support/service';
import { TestClock } from '../support/runtime';
import { forceJobStateForTest } from '../support/jobs';
import {
  deliveryPackage,
  getJobBody,
  jobPath,
  patchJob,
  putJob,
  RETURN_ADDRESS,
  shippedJob,
} from '../support/http-jobs';
import { samplePutJob } from '../support/samples';

/** Update Job Properties over HTTP (SPEC A.7, A.8). */
const clock = new TestClock();
let svc: TestService;
beforeAll(async () => {
  svc = await startService({ ACTIVE_JOB_LIMIT: '500' }, { now: clock.now });
});
afterAll(() => svc.stop());

let n = 0;
const fresh = async (prefix = 'Upd') => {
  const name = `${prefix}${++n}`;
  await putJob(svc, name);
  return name;
};

/** The status, ExtendedCode and ExtendedInformation of an error response. */
async function failure(res: Response) {
  const body = (await res.json()) as any;
  const values = body['odata.error']['azure.values'];
  return { status: res.status, code: values[0].ExtendedCode, info: values[1].ExtendedInformation };
}

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

  it('keeps every change of concurrent updates (SPEC D.4)', async () => {
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

describe('Update Job Properties: the rules of SPEC A.7', () => {
  it.each([
    [{ Location: 'West US' }, 'Properties.Location'],
    [{ StorageAccountKey: 'x' }, 'Properties.StorageAccountKey'],
    [{ ImportExportStatesPath: 'x' }, 'Properties.ImportExportStatesPath'],
    [{ DeliveryPackage: { CarrierName: 'FedEx' } }, 'Properties.DeliveryPackage.TrackingNumber'],
    [{ DeliveryPackage: { ...deliveryPackage(), DriveCount: 1.5 } }, 'Properties.DeliveryPackage.DriveCount'],
    [{ ReturnAddress: { Name: 'x' } }, 'Properties.ReturnAddress.Address'],
    [{ EnableVerboseLog: 'yes' }, 'Properties.EnableVerboseLog'],
    [{ FriendlyName: 'x'.repeat(257) }, 'Properties.FriendlyName'],
  ])('%j is 400 InvalidRequestBody naming %s, and changes nothing', async (props, path) => {
    const name = await fresh();
    const before = (await svc.call('GET', jobPath(name))).headers.get('etag');
    expect(await failure(await patchJob(svc, name, props))).toEqual({
      status: 400,
      code: 'InvalidRequestBody',
      info: path,
    });
    expect((await svc.call('GET', jobPath(name))).headers.get('etag')).toBe(before);
  });

  it.each([
    ['a DriveList', { Properties: {}, DriveList: [] }],
    ['no Properties', { Name: 'x' }],
    ['JSON that is not an object', [1, 2]],
    ['a body that is not JSON', '{"Properties":'],
    ['no body at all', ''],
  ])('a body with %s is 400 InvalidRequestBody', async (_what, body) => {
    const name = await fresh();
    expect((await failure(await patchJob(svc, name, {}, { body }))).code).toBe('InvalidRequestBody');
  });

  it('a Name other than the job name is 400 JobNameMismatch', async () => {
    const name = await fresh();
    const res = await patchJob(svc, name, {}, { body: { Name: 'Other', Properties: {} } });
    expect(await failure(res)).toMatchObject({ status: 400, code: 'JobNameMismatch' });
  });

  it.each(['Creating', 'shipping', 'Received', true, null])(
    'State %j is 400 InvalidStateValue',
    async (state) => {
      const name = await fresh();
      expect(await failure(await patchJob(svc, name, { State: state }))).toMatchObject({
        status: 400,
        code: 'InvalidStateValue',
        info: 'Properties.State',
      });
    },
  );

  it.each([false, 'true', 1, null])(
    'CancelRequested %j is 400 InvalidCancelRequestedValue',
    async (value) => {
      const name = await fresh();
      expect(await failure(await patchJob(svc, name, { CancelRequested: value }))).toMatchObject({
        status: 400,
        code: 'InvalidCancelRequestedValue',
      });
    },
  );

  it('State: Shipping without a DeliveryPackage is 400 ShippingInformationIncomplete', async () => {
    const name = await fresh();
    expect(await failure(await patchJob(svc, name, { State: 'Shipping' }))).toEqual({
      status: 400,
      code: 'ShippingInformationIncomplete',
      info: 'Properties.DeliveryPackage',
    });
    expect((await getJobBody(svc, name)).Properties.State).toBe('Creating');
  });

  it('State: Shipping without a ReturnAddress is 400 ShippingInformationIncomplete', async () => {
    const name = `NoAddress${++n}`;
    const body = samplePutJob(name) as any;
    delete body.Properties.ReturnAddress;
    await putJob(svc, name, 'xttest', body);
    const res = await patchJob(svc, name, {
      State: 'Shipping',
      DeliveryPackage: deliveryPackage(`TN-${name}`),
    });
    expect(await failure(res)).toMatchObject({
      code: 'ShippingInformationIncomplete',
      info: 'Properties.ReturnAddress',
    });
    const job = await getJobBody(svc, name);
    expect(job.Properties.DeliveryPackage).toBeUndefined();
  });

  it('State: Shipping on a Shipping job is 409 InvalidJobState, and the rest of the request is not applied', async () => {
    const name = `Ship${++n}`;
    await shippedJob(svc, name);
    const res = await patchJob(svc, name, { FriendlyName: 'changed', State: 'Shipping' });
    expect(await failure(res)).toEqual({ status: 409, code: 'InvalidJobState', info: 'Properties.State' });
    expect((await getJobBody(svc, name)).Properties.FriendlyName).not.toBe('changed');
  });

  it('DeliveryPackage once the drives have arrived is 409 InvalidJobState; Description still changes', async () => {
    const name = `Arrived${++n}`;
    await shippedJob(svc, name);
    const job = (await svc.rt.jobs.store.get(svc.sub, name))!.value;
    await forceJobStateForTest(svc.rt, svc.sub, name, 'Received', {
      DriveList: job.DriveList.map((d) => ({ ...d, State: 'Received' })),
    });
    expect(
      await failure(await patchJob(svc, name, { DeliveryPackage: deliveryPackage('other') })),
    ).toMatchObject({
      status: 409,
      code: 'InvalidJobState',
      info: 'Properties.DeliveryPackage',
    });
    expect((await patchJob(svc, name, { Description: 'still mine' })).status).toBe(200);
  });

  it.each(['Creating', 'Shipping', 'Received', 'Transferring'] as const)(
    'CancelRequested: true while %s is kept and the state is unchanged (SPEC A.8)',
    async (state) => {
      const name = await fresh('Cancel');
      if (state !== 'Creating') await forceJobStateForTest(svc.rt, svc.sub, name, state);
      expect((await patchJob(svc, name, { CancelRequested: true })).status).toBe(200);
      expect((await getJobBody(svc, name)).Properties).toMatchObject({ State: state, CancelRequested: true });
    },
  );

  it.each(['Packaging', 'Completed', 'Closed', 'Faulted'] as const)(
    'CancelRequested: true while %s is 409 InvalidJobState',
    async (state) => {
      const name = await fresh('NoCancel');
      await forceJobStateForTest(svc.rt, svc.sub, name, state);
      expect(await failure(await patchJob(svc, name, { CancelRequested: true }))).toMatchObject({
        status: 409,
        code: 'InvalidJobState',
        info: 'Properties.CancelRequested',
      });
      expect((await getJobBody(svc, name)).Properties.CancelRequested).toBe(false);
    },
  );

  it('a tracking number another active job uses is 409 InvalidJobState saying which job', async () => {
    const holder = `Holder${++n}`;
    await shippedJob(svc, holder, 'SHARED-1');
    const other = await fresh();
    const res = await patchJob(svc, other, { DeliveryPackage: deliveryPackage('shared-1') });
    const f = await failure(res);
    expect(f).toMatchObject({ status: 409, code: 'InvalidJobState' });
    expect(f.info).toContain(holder);
    expect(f.info).toContain('TrackingNumber');
    await forceJobStateForTest(svc.rt, svc.sub, holder, 'Completed');
    expect((await patchJob(svc, other, { DeliveryPackage: deliveryPackage('shared-1') })).status).toBe(200);
  });

  it('an update while Creating restarts the two-week clock; later states do not', async () => {
    const name = await fresh('Clock');
    clock.advance(10 * 86_400_000);
    expect((await patchJob(svc, name, { Description: 'still shipping soon' })).status).toBe(200);
    clock.advance(10 * 86_400_000);
    expect((await svc.call('GET', jobPath(name))).status).toBe(200);
    clock.advance(5 * 86_400_000);
    expect(await failure(await svc.call('GET', jobPath(name)))).toMatchObject({
      status: 404,
      code: 'ResourceNotFound',
    });
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
