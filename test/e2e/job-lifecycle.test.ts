import { CUSTOMER1, CUSTOMER2, downloadXml, putBlob } from '../support/customer-blobs';
import { KEYS, manifestFor, uniqueName } from '../support/datacenter';
import { extendedCode, startService, type TestService } from '../support/service';
import { delivery, RETURN_ADDRESS } from '../support/shipping';

/**
 * Whole lives over real HTTP (SPEC B): an import and an export job, each driven by customer calls
 * and operator calls, with Get Job checked after every step.
 */
let svc: TestService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(() => svc.stop());

const jobPath = (account: string, name: string) => `/storageaccounts/${account}/jobs/${name}`;
const opPath = (name: string, rest = '') => `/subscriptions/${svc.sub}/jobs/${name}${rest}`;

async function getJob(account: string, name: string): Promise<any> {
  const res = await svc.call('GET', jobPath(account, name));
  expect(res.status).toBe(200);
  return res.json();
}

async function operator(method: string, path: string, body?: unknown, status = 200): Promise<any> {
  const res = await svc.operator(method, path, body);
  if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function refused(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(await extendedCode(res)).toBe(code);
}

/** The customer's Update Job Properties (SPEC A.7): the package is on its way. */
async function customerMarksShipping(account: string, name: string, DeliveryPackage = delivery()) {
  const res = await svc.call('PATCH', jobPath(account, name), {
    body: { Properties: { State: 'Shipping', DeliveryPackage } },
  });
  expect(res.status).toBe(200);
  return DeliveryPackage;
}

const BLOB = (path: string, length: number, status = 'Completed') => ({
  BlobPath: path,
  FilePath: `\\${path.replace(/\//g, '\\')}`,
  Length: length,
  Status: status,
  ImportDisposition: { Status: 'Created' },
  Blocks: [{ Offset: 0, Length: length, Status: status === 'Completed' ? 'Completed' : 'Corrupted' }],
});

describe('an import job from Put Job to Completed', () => {
  const name = uniqueName('Import');
  const states = uniqueName('logs');
  const drives = ['DRIVE-ONE', 'DRIVE-TWO'];
  const job = () => getJob(CUSTOMER1.name, name);

  it('lives its whole life over HTTP', async () => {
    const put = await svc.call('PUT', jobPath(CUSTOMER1.name, name), {
      body: {
        Properties: {
          StorageAccountKey: CUSTOMER1.key,
          Location: 'West US',
          Type: 'Import',
          ReturnAddress: RETURN_ADDRESS,
          ImportExportStatesPath: states,
          EnableVerboseLog: true,
          BackupDriveManifest: true,
        },
        DriveList: drives.map((DriveId, i) => ({
          DriveId,
          BitLockerKey: KEYS[i]!,
          ManifestFile: '\\DriveManifest.xml',
          ManifestHash: manifestFor(DriveId).hash,
        })),
      },
    });
    expect(put.status).toBe(201);
    let got = await job();
    expect(got.Properties.State).toBe('Creating');
    expect(got.Properties).not.toHaveProperty('PercentComplete');

    // A Creating job is the customer's: the datacenter can neither receive nor advance it.
    await refused(
      await svc.operator('POST', opPath(name, '/receive'), { Drives: [{ DriveId: 'DRIVE-ONE' }] }),
      409,
      'InvalidJobState',
    );
    await refused(await svc.operator('POST', opPath(name, '/advance')), 409, 'InvalidJobState');
    expect((await job()).Properties.State).toBe('Creating');

    const sent = await customerMarksShipping(CUSTOMER1.name, name);
    got = await job();
    expect(got.Properties).toMatchObject({ State: 'Shipping', DeliveryPackage: sent });
    const worklist = await operator('GET', '/jobs');
    expect(worklist.value.map((j: any) => j.Name)).toContain(name);

    // The package holds one of the two drives, and a drive of no job.
    const received = await operator('POST', opPath(name, '/receive'), {
      Drives: [{ DriveId: 'DRIVE-ONE' }],
      ExtraDrives: ['STRAY-1'],
    });
    expect(received.Datacenter.ExtraDrives).toEqual(['STRAY-1']);
    got = await job();
    expect(got.Properties.State).toBe('Received');
    expect(got.DriveList.map((d: any) => d.State)).toEqual(['Received', 'NeverReceived']);
    expect(got.DriveList[0]).not.toHaveProperty('CopyStatus');

    // Receiving it again changes nothing (same ETag); then the late drive arrives.
    const again = await svc.operator('POST', opPath(name, '/receive'), {
      Drives: [{ DriveId: 'DRIVE-ONE' }],
      ExtraDrives: ['STRAY-1'],
    });
    expect(again.headers.get('etag')).toBe(
      (await svc.call('GET', jobPath(CUSTOMER1.name, name))).headers.get('etag'),
    );
    await operator('POST', opPath(name, '/receive'), { Drives: [{ DriveId: 'DRIVE-TWO' }] });
    got = await job();
    expect(got.DriveList.map((d: any) => d.State)).toEqual(['Received', 'Received']);

    await operator('POST', opPath(name, '/drives/DRIVE-ONE/start'));
    got = await job();
    expect(got.Properties).toMatchObject({ State: 'Transferring', PercentComplete: 0 });
    expect(got.DriveList[0]).toMatchObject({
      State: 'Transferring',
      CopyStatus: 'InProgress',
      PercentComplete: 0,
    });
    expect(got.DriveList[1]).not.toHaveProperty('CopyStatus');

    await operator('POST', opPath(name, '/drives/DRIVE-ONE/progress'), {
      PercentComplete: 40,
      BytesSucceeded: 4096,
    });
    got = await job();
    expect(got.DriveList[0].PercentComplete).toBe(40);
    expect(got.Properties.PercentComplete).toBe(20);

    await operator('POST', opPath(name, '/drives/DRIVE-ONE/complete'), {
      CopyStatus: 'Completed',
      Manifest: manifestFor('DRIVE-ONE').xml,
      Blobs: [BLOB('photos/p0.jpg', 1024)],
    });
    got = await job();
    const one = got.DriveList[0];
    expect(one).toMatchObject({ State: 'Completed', CopyStatus: 'Completed', PercentComplete: 100 });
    expect(got.Properties.State).toBe('Transferring');
    for (const [uri, kind] of [
      [one.ErrorLogUri, 'error'],
      [one.VerboseLogUri, 'verbose'],
      [one.ManifestUri, 'manifest'],
    ]) {
      expect(uri).toMatch(
        new RegExp(`/customer1/${states}/waies/${name}_DRIVE-ONE_\\d{8}-\\d{6}-\\d{3}_${kind}\\.xml$`),
      );
    }
    expect((await downloadXml(one.ErrorLogUri)).DriveLog).toEqual({
      '@_Version': '2014-11-01',
      DriveId: 'DRIVE-ONE',
      Status: 'Completed',
    });
    expect((await downloadXml(one.VerboseLogUri)).DriveLog.Blob[0].BlobPath).toBe('photos/p0.jpg');
    expect((await downloadXml(one.ManifestUri)).DriveManifest.Drive.DriveId).toBe('DRIVE-ONE');

    await operator('POST', opPath(name, '/drives/DRIVE-TWO/start'));
    await operator('POST', opPath(name, '/drives/DRIVE-TWO/complete'), {
      CopyStatus: 'CompletedWithWarnings',
      Manifest: manifestFor('DRIVE-TWO').xml,
      Blobs: [{ ...BLOB('photos/p1.jpg', 10), ImportDisposition: { Status: 'Renamed' } }],
    });
    got = await job();
    expect(got.Properties).toMatchObject({ State: 'Packaging', PercentComplete: 100 });
    expect(got.DriveList[1]).toMatchObject({
      State: 'CompletedMoreInfo',
      CopyStatus: 'CompletedWithWarnings',
    });
    expect(
      (await downloadXml(got.DriveList[1].ErrorLogUri)).DriveLog.Blob[0].ImportDisposition['@_Status'],
    ).toBe('Renamed');

    const ret = {
      CarrierName: 'FedEx',
      TrackingNumber: '777777777777',
      DriveCount: 3,
      ShipDate: '2024-03-01',
    };
    await operator('POST', opPath(name, '/ship'), { ReturnPackage: ret });
    got = await job();
    expect(got.Properties).toMatchObject({ State: 'Completed', ReturnPackage: ret });
    expect(got.DriveList.map((d: any) => d.State)).toEqual(['ShippedBack', 'ShippedBack']);
    expect((await operator('GET', '/jobs')).value.map((j: any) => j.Name)).not.toContain(name);
    await refused(
      await svc.operator('POST', opPath(name, '/drives/DRIVE-ONE/progress'), { PercentComplete: 1 }),
      409,
      'InvalidJobState',
    );
  });
});

describe('an export job from Put Job to Completed', () => {
  const name = uniqueName('Export');
  const c = uniqueName('photos');
  const job = () => getJob(CUSTOMER2.name, name);

  it('lives its whole life over HTTP, with planning and the incomplete blob list', async () => {
    await putBlob(CUSTOMER2.name, c, 'a.jpg', 400);
    await putBlob(CUSTOMER2.name, c, 'b.jpg', 300);
    await putBlob(CUSTOMER2.name, c, 'c.jpg', 500);
    const put = await svc.call('PUT', jobPath(CUSTOMER2.name, name), {
      body: {
        Properties: {
          StorageAccountKey: CUSTOMER2.key,
          Location: 'West US',
          Type: 'Export',
          ReturnAddress: RETURN_ADDRESS,
        },
        Export: { BlobList: { BlobPathPrefix: [`/${c}/`] } },
      },
    });
    expect(put.status).toBe(201);
    let got = await job();
    expect(got).not.toHaveProperty('DriveList');

    await customerMarksShipping(CUSTOMER2.name, name);
    expect((await job()).Properties.State).toBe('Shipping');

    await operator('POST', opPath(name, '/receive'), {
      Drives: [{ DriveId: 'BLANK-1', CapacityBytes: 750 }],
    });
    got = await job();
    expect(got.Properties.State).toBe('Received');
    expect(got.DriveList).toEqual([{ DriveId: 'BLANK-1', State: 'Received' }]);
    const incomplete = await downloadXml(got.Properties.IncompleteBlobListUri);
    expect(incomplete.BlobList.BlobPath).toEqual([{ '#text': `${c}/c.jpg`, '@_IncludeSnapshots': 'false' }]);
    const planned = await operator('GET', opPath(name, '/drives/BLANK-1/blobs'));
    expect(planned.value.map((b: any) => `${b.container}/${b.name}`)).toEqual([`${c}/a.jpg`, `${c}/b.jpg`]);

    await operator('POST', opPath(name, '/advance'));
    got = await job();
    expect(got.Properties).toMatchObject({ State: 'Transferring', PercentComplete: 0 });
    expect(got.DriveList[0]).toMatchObject({ State: 'Transferring', CopyStatus: 'InProgress' });

    await operator('POST', opPath(name, '/drives/BLANK-1/progress'), {
      PercentComplete: 50,
      BytesSucceeded: 350,
    });
    expect((await job()).Properties.PercentComplete).toBe(50);

    await operator('POST', opPath(name, '/drives/BLANK-1/complete'), {
      CopyStatus: 'Completed',
      Blobs: [
        {
          BlobPath: `${c}/a.jpg`,
          FilePath: `\\${c}\\a.jpg`,
          Length: 400,
          LastModified: '2024-01-01T00:00:00Z',
          Status: 'Completed',
        },
        { BlobPath: `${c}/b.jpg`, FilePath: `\\${c}\\b.jpg`, Length: 300, Status: 'Completed' },
      ],
    });
    got = await job();
    expect(got.Properties).toMatchObject({ State: 'Packaging', PercentComplete: 100 });
    expect(got.DriveList[0]).toMatchObject({ State: 'Completed', CopyStatus: 'Completed' });
    expect(got.DriveList[0]).not.toHaveProperty('BitLockerKey');
    expect((await downloadXml(got.DriveList[0].ErrorLogUri)).DriveLog.Status).toBe('Completed');

    await operator('POST', opPath(name, '/advance'));
    got = await job();
    expect(got.Properties.State).toBe('Completed');
    expect(got.Properties.ReturnPackage.TrackingNumber).toMatch(/^SANDBOX\d{12}$/);
    expect(got.DriveList[0].State).toBe('ShippedBack');
    expect(got.DriveList[0].BitLockerKey).toMatch(/^\d{6}(-\d{6}){7}$/);
  });
});

describe('a job cancelled by its customer (SPEC A.8)', () => {
  it('never starts another drive, finishes the one in flight, and ends Completed', async () => {
    const name = uniqueName('Cancel');
    const drives = ['CAN-1', 'CAN-2'];
    await svc.call('PUT', jobPath(CUSTOMER1.name, name), {
      body: {
        Properties: {
          StorageAccountKey: CUSTOMER1.key,
          Location: 'West US',
          Type: 'Import',
          ReturnAddress: RETURN_ADDRESS,
        },
        DriveList: drives.map((DriveId, i) => ({
          DriveId,
          BitLockerKey: KEYS[i]!,
          ManifestFile: '\\m.xml',
          ManifestHash: manifestFor(DriveId).hash,
        })),
      },
    });
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
    await svc.call('PUT', jobPath(CUSTOMER1.name, name), {
      body: {
        Properties: {
          StorageAccountKey: CUSTOMER2.key,
          Location: 'West US',
          Type: 'Import',
          ReturnAddress: RETURN_ADDRESS,
        },
        DriveList: [
          {
            DriveId: 'D1',
            BitLockerKey: KEYS[0],
            ManifestFile: '\\m.xml',
            ManifestHash: manifestFor('D1').hash,
          },
        ],
      },
    });
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

describe('overdue shipments in the worklist (SPEC B, C.2)', () => {
  // Last in this file: the sweep runs 15 days ahead over every job of this service.
  it('shows the sweeper’s alert with the job, and the late package clears it', async () => {
    const name = uniqueName('Late');
    await svc.call('PUT', jobPath(CUSTOMER1.name, name), {
      body: {
        Properties: {
          StorageAccountKey: CUSTOMER1.key,
          Location: 'West US',
          Type: 'Import',
          ReturnAddress: RETURN_ADDRESS,
        },
        DriveList: [
          {
            DriveId: 'L1',
            BitLockerKey: KEYS[0],
            ManifestFile: '\\m.xml',
            ManifestHash: manifestFor('L1').hash,
          },
        ],
      },
    });
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
