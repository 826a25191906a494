import { classicPutCommand } from '../../shared/surfaces/classic-import-export/classic-job-input';
import { advance } from '../../shared/import-export/datacenter/advance';
import { putJob } from '../../shared/import-export/customer/put-job';
import { CUSTOMER1, CUSTOMER2, downloadXml, putBlob } from '../support/customer-blobs';
import { importDefinition, shippedJob, uniqueName } from '../support/datacenter';
import { newSubscription, testRuntime } from '../support/runtime';
import { customerCancels, RETURN_ADDRESS } from '../support/shipping';

const rt = testRuntime();
const deps = rt.datacenter;

describe('the sandbox moves a job one natural step at a time (docs/contract/import-export.md#b, advance)', () => {
  it('takes an import job from Shipping to Completed with clean logs and manifest backups', async () => {
    const sub = newSubscription();
    const name = uniqueName('Sbx');
    await shippedJob(
      rt,
      sub,
      name,
      CUSTOMER1.name,
      importDefinition(['S1', 'S2'], { EnableVerboseLog: true, BackupDriveManifest: true }),
    );
    const at = { subscriptionId: sub, jobName: name };
    const steps = [];
    for (let i = 0; i < 4; i++) steps.push((await advance(deps, at)).value);
    expect(steps.map((j) => j.State)).toEqual(['Received', 'Transferring', 'Packaging', 'Completed']);
    expect(steps[0]!.DriveList.map((d) => d.State)).toEqual(['Received', 'Received']);
    expect(steps[1]!.DriveList.map((d) => d.CopyStatus)).toEqual(['InProgress', 'InProgress']);
    const done = steps[2]!;
    expect(done.PercentComplete).toBe(100);
    for (const d of done.DriveList) {
      expect(d).toMatchObject({ State: 'Completed', CopyStatus: 'Completed', PercentComplete: 100 });
      expect((await downloadXml(d.ErrorLogUri!)).DriveLog).toEqual({
        '@_Version': '2014-11-01',
        DriveId: d.DriveId,
        Status: 'Completed',
      });
      expect((await downloadXml(d.VerboseLogUri!)).DriveLog.Status).toBe('Completed');
      expect((await downloadXml(d.ManifestUri!)).DriveManifest.Drive.DriveId).toBe(d.DriveId);
    }
    const shipped = steps[3]!;
    expect(shipped.ReturnPackage).toMatchObject({
      CarrierName: 'FedEx',
      TrackingNumber: expect.stringMatching(/^SANDBOX\d{12}$/),
      DriveCount: 2,
    });
    expect(shipped.DriveList.map((d) => d.State)).toEqual(['ShippedBack', 'ShippedBack']);
    await expect(advance(deps, at)).rejects.toMatchObject({ code: 'InvalidJobState' });
  });

  it('takes an export job through planning, with verbose logs listing the exported blobs', async () => {
    const c = uniqueName('sbx');
    await putBlob(CUSTOMER2.name, c, 'a.txt', 12);
    await putBlob(CUSTOMER2.name, c, 'b/c.txt', 34);
    const sub = newSubscription();
    const name = uniqueName('SbxE');
    await shippedJob(rt, sub, name, CUSTOMER2.name, {
      Properties: {
        StorageAccountKey: CUSTOMER2.key,
        Location: 'West US',
        Type: 'Export',
        ReturnAddress: RETURN_ADDRESS,
        EnableVerboseLog: true,
        BackupDriveManifest: true,
      },
      Export: { BlobList: { BlobPathPrefix: [`/${c}/`] } },
    });
    const at = { subscriptionId: sub, jobName: name };
    const received = (await advance(deps, at)).value;
    // shippedJob's DeliveryPackage says 2 drives: the sandbox receives two blank drives.
    expect(received.DriveList.map((d) => [d.DriveId, d.State])).toEqual([
      ['SANDBOX01', 'Received'],
      ['SANDBOX02', 'Received'],
    ]);
    await advance(deps, at);
    const packaged = (await advance(deps, at)).value;
    expect(packaged.State).toBe('Packaging');
    const first = packaged.DriveList[0]!;
    const verbose = (await downloadXml(first.VerboseLogUri!)).DriveLog;
    expect(verbose.Blob.map((b: any) => [b.BlobPath, b.Length, b['@_Status']])).toEqual([
      [`${c}/a.txt`, '12', 'Completed'],
      [`${c}/b/c.txt`, '34', 'Completed'],
    ]);
    expect(verbose.Blob[0].LastModified).toBeDefined();
    const manifest = (await downloadXml(first.ManifestUri!)).DriveManifest.Drive;
    expect(manifest.BlobList.Blob.map((b: any) => b.FilePath)).toEqual([`\\${c}\\a.txt`, `\\${c}\\b\\c.txt`]);
    expect((await advance(deps, at)).value.State).toBe('Completed');
  });

  it('refuses a Creating job: the customer moves it to Shipping', async () => {
    const sub = newSubscription();
    const name = uniqueName('Cre');
    await putJob(
      rt.jobs,
      classicPutCommand({
        subscriptionId: sub,
        storageAccountName: CUSTOMER1.name,
        jobName: name,
        version: '2014-11-01',
        definition: importDefinition(['X1']),
        conditions: { kind: 'none' },
      }),
    );
    await expect(advance(deps, { subscriptionId: sub, jobName: name })).rejects.toMatchObject({
      code: 'InvalidJobState',
    });
    expect((await rt.jobs.store.get(sub, name))!.value.State).toBe('Creating');
  });

  it('moves a cancelled Received job straight to Packaging, copying nothing', async () => {
    const sub = newSubscription();
    const name = uniqueName('Can');
    await shippedJob(rt, sub, name, CUSTOMER1.name, importDefinition(['K1']));
    const at = { subscriptionId: sub, jobName: name };
    await advance(deps, at);
    await customerCancels(rt, { subscriptionId: sub, storageAccountName: CUSTOMER1.name, jobName: name });
    const packaged = (await advance(deps, at)).value;
    expect(packaged.State).toBe('Packaging');
    expect(packaged.DriveList[0]).not.toHaveProperty('ErrorLogUri');
    expect((await advance(deps, at)).value.State).toBe('Completed');
  });
});
