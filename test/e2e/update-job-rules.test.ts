import { startService, type TestService } from '../support/service';
import { TestClock } from '../support/runtime';
import { forceJobStateForTest } from '../support/jobs';
import {
  deliveryPackage,
  getJobBody,
  jobPath,
  patchJob,
  putJob,
  shippedJob,
  failure,
} from '../support/http-jobs';
import { samplePutJob } from '../support/samples';

/** The rules of Update Job Properties over HTTP (docs/contract/import-export.md#a7, #a8): validation, windows, tracking numbers, the clock. */
const clock = new TestClock();
let svc: TestService;
beforeAll(async () => {
  svc = await startService({ ACTIVE_JOB_LIMIT: '500' }, { now: clock.now });
});
afterAll(() => svc.stop());

let n = 0;
const fresh = async (prefix = 'Rule') => {
  const name = `${prefix}${++n}`;
  await putJob(svc, name);
  return name;
};

describe('Update Job Properties: the rules of docs/contract/import-export.md#a7', () => {
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
    'CancelRequested: true while %s is kept and the state is unchanged (docs/contract/import-export.md#a8)',
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
