import { CUSTOMER2, downloadXml, putBlob } from '../support/customer-blobs';
import { uniqueName } from '../support/datacenter';
import { lifecycle } from '../support/lifecycle';
import { startService, type TestService } from '../support/service';
import { RETURN_ADDRESS } from '../support/shipping';

/**
 * An export job's whole life over real HTTP (docs/contract/import-export.md#b): planning against the customer's storage, the
 * incomplete blob list, the BitLocker key shown once shipped back; Get Job after every step.
 */
let svc: TestService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(() => svc.stop());

const { jobPath, opPath, getJob, operator, customerMarksShipping } = lifecycle(() => svc);

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

    const answer = await operator('POST', opPath(name, '/receive'), {
      Drives: [{ DriveId: 'BLANK-1', CapacityBytes: 750 }],
    });
    // The operator's answer keeps Get Job's secrecy: no account key, no export BitLocker key yet.
    expect(JSON.stringify(answer)).not.toContain(CUSTOMER2.key);
    expect(answer.DriveList[0]).not.toHaveProperty('BitLockerKey');
    expect(answer.Datacenter.Drives[0]).toMatchObject({
      CapacityBytes: 750,
      PlannedBlobs: 2,
      BytesTotal: 700,
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
