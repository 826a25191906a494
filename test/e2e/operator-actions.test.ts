import { CUSTOMER1, CUSTOMER2 } from '../support/customer-blobs';
import { manifestFor, uniqueName } from '../support/datacenter';
import { lifecycle } from '../support/lifecycle';
import { startService, type TestService } from '../support/service';

/**
 * Operator calls over real HTTP beyond the happy paths: cancellation, errors in the OData form,
 * 502 from the customer's storage, and the sweeper's alerts in the worklist (docs/contract/import-export.md#b, #a8, #c2).
 */
let svc: TestService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(() => svc.stop());

const { jobPath, opPath, getJob, operator, refused, putImport, customerMarksShipping } = lifecycle(() => svc);

describe('a job cancelled by its customer (docs/contract/import-export.md#a8)', () => {
  it('never starts another drive, finishes the one in flight, and ends Completed', async () => {
    const name = uniqueName('Cancel');
    const drives = ['CAN-1', 'CAN-2'];
    await putImport(CUSTOMER1.name, CUSTOMER1.key, name, drives);
    await customerMarksShipping(CUSTOMER1.name, name);
    await operator('POST', opPath(name, '/receive'), { Drives: drives.map((DriveId) => ({ DriveId })) });
    await operator('POST', opPath(name, '/drives/CAN-1/start'));
    const cancel = await svc.call('PATCH', jobPath(CUSTOMER1.name, name), {
      body: { Properties: { CancelRequested: true } },
    });
    expect(cancel.status).toBe(200);
    let got = await getJob(CUSTOMER1.name, name);
    expect(got.Properties).toMatchObject({ State: 'Transferring', CancelRequested: true });

    await refused(await svc.operator('POST', opPath(name, '/drives/CAN-2/start')), 409, 'InvalidJobState');
    await operator('POST', opPath(name, '/drives/CAN-1/complete'), {
      CopyStatus: 'Completed',
      Manifest: manifestFor('CAN-1').xml,
    });
    got = await getJob(CUSTOMER1.name, name);
    expect(got.Properties).toMatchObject({ State: 'Packaging', PercentComplete: 100 });
    expect(got.DriveList.map((d: any) => d.State)).toEqual(['Completed', 'Received']);

    await operator('POST', opPath(name, '/advance'));
    got = await getJob(CUSTOMER1.name, name);
    expect(got.Properties.State).toBe('Completed');
    expect(got.DriveList.map((d: any) => d.State)).toEqual(['ShippedBack', 'ShippedBack']);
  });
});

describe('operator errors over HTTP', () => {
  it('answers 502 StorageWriteFailed with the reason when the customer’s storage refuses, and changes nothing', async () => {
    const name = uniqueName('Denied');
    await putImport(CUSTOMER1.name, CUSTOMER2.key, name, ['D1']);
    await customerMarksShipping(CUSTOMER1.name, name);
    await operator('POST', opPath(name, '/advance'));
    await operator('POST', opPath(name, '/advance'));
    const before = await svc.call('GET', jobPath(CUSTOMER1.name, name));
    const res = await svc.operator('POST', opPath(name, '/drives/D1/complete'), {
      CopyStatus: 'Completed',
      Manifest: manifestFor('D1').xml,
    });
    expect(res.status).toBe(502);
    const body = (await res.json()) as any;
    expect(body['odata.error']['azure.values']).toEqual([
      { ExtendedCode: 'StorageWriteFailed' },
      { ExtendedInformation: expect.stringMatching(/^403/) },
    ]);
    expect(JSON.stringify(body)).not.toContain(CUSTOMER2.key);
    const after = await svc.call('GET', jobPath(CUSTOMER1.name, name));
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    expect(((await after.json()) as any).DriveList[0].State).toBe('Transferring');
  });

  it.each([
    [
      'an unknown job',
      'POST',
      '/subscriptions/00000000-0000-0000-0000-000000000009/jobs/Nope/advance',
      undefined,
      404,
      'ResourceNotFound',
    ],
    [
      'a malformed job name',
      'POST',
      '/subscriptions/00000000-0000-0000-0000-000000000009/jobs/-x/advance',
      undefined,
      400,
      'InvalidJobName',
    ],
    [
      'a bad body',
      'POST',
      '/subscriptions/00000000-0000-0000-0000-000000000009/jobs/Nope/drives/D/progress',
      { PercentComplete: 101 },
      400,
      'InvalidRequestBody',
    ],
    ['an unknown state filter', 'GET', '/jobs?state=Lost', undefined, 400, 'InvalidQueryParameterValue'],
    ['a forged skiptoken', 'GET', '/jobs?$skiptoken=abc', undefined, 400, 'InvalidQueryParameterValue'],
    [
      'a verb the route does not take',
      'GET',
      '/subscriptions/00000000-0000-0000-0000-000000000009/jobs/Nope/ship',
      undefined,
      405,
      'MethodNotAllowed',
    ],
  ])('answers %s with its OData error', async (_what, method, path, body, status, code) => {
    await refused(await svc.operator(method, path, body), status, code);
  });

  it('refuses a call without the operator key', async () => {
    await refused(
      await svc.operator('GET', '/jobs', undefined, { 'x-operator-key': 'wrong-key-0123456789' }),
      403,
      'AuthenticationFailed',
    );
  });
});

describe('overdue shipments in the worklist (docs/contract/import-export.md#b, #c2)', () => {
  // Last in this file: the sweep runs 15 days ahead over every job of this service.
  it('shows the sweeper’s alert with the job, and the late package clears it', async () => {
    const name = uniqueName('Late');
    await putImport(CUSTOMER1.name, CUSTOMER1.key, name, ['L1']);
    await customerMarksShipping(CUSTOMER1.name, name);
    const now = new Date(Date.now() + 15 * 24 * 3600 * 1000).toISOString();
    expect((await operator('POST', '/sweep', { Now: now })).ShippingOverdue).toBe(1);
    const item = (await operator('GET', '/jobs')).value.find((j: any) => j.Name === name);
    expect(item).toMatchObject({
      SubscriptionId: svc.sub,
      StorageAccountName: CUSTOMER1.name,
      Properties: { State: 'Shipping' },
      Datacenter: { Alerts: [{ Kind: 'ShippingOverdue', Time: now, Message: expect.any(String) }] },
    });
    expect((await job(name)).DriveList[0].State).toBe('NeverReceived');
    const received = await operator('POST', opPath(name, '/receive'), { Drives: [{ DriveId: 'L1' }] });
    expect(received.Datacenter).not.toHaveProperty('Alerts');
    expect((await job(name)).DriveList[0].State).toBe('Received');
  });

  const job = (name: string) => getJob(CUSTOMER1.name, name);
});
