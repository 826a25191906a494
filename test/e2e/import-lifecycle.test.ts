import { CUSTOMER1, downloadXml } from '../support/customer-blobs';
import { manifestFor, uniqueName } from '../support/datacenter';
import { lifecycle } from '../support/lifecycle';
import { startService, type TestService } from '../support/service';

/**
 * An import job's whole life over real HTTP (docs/contract/import-export.md#b): customer calls and operator calls, with Get
 * Job checked after every step, and every blob the service wrote downloaded and parsed.
 */
let svc: TestService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(() => svc.stop());

const { jobPath, opPath, getJob, operator, refused, putImport, customerMarksShipping } = lifecycle(() => svc);

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
    await putImport(CUSTOMER1.name, CUSTOMER1.key, name, drives, {
      ImportExportStatesPath: states,
      EnableVerboseLog: true,
      BackupDriveManifest: true,
    });
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
