import { completeCopy } from '../../shared/import-export/datacenter/complete-drive';
import { startCopy } from '../../shared/import-export/datacenter/drive-copy';
import type { JobDefinition } from '../../shared/surfaces/classic-import-export/classic-job-input';
import { plannedBlobs } from '../../shared/import-export/datacenter/planned-blobs';
import { receivePackage } from '../../shared/import-export/datacenter/receive';
import { shipDrives } from '../../shared/import-export/datacenter/ship';
import { isRecoveryPassword } from '../../shared/surfaces/classic-import-export/wire/put-job.schema';
import { blobFormats } from '../../shared/adapters/xml/blob-formats';
import { containerSas, CUSTOMER2, downloadXml, putBlob, serviceOf } from '../support/customer-blobs';
import { shippedJob, uniqueName } from '../support/datacenter';
import { newSubscription, testRuntime } from '../support/runtime';
import { RETURN_ADDRESS } from '../support/shipping';

const rt = testRuntime();
const deps = rt.datacenter;
const PKG = { CarrierName: 'FedEx', TrackingNumber: '1Z1', DriveCount: 1 };

function exportDefinition(
  selection: JobDefinition['Export'],
  props: Partial<JobDefinition['Properties']> = {},
): JobDefinition {
  return {
    Properties: {
      StorageAccountKey: CUSTOMER2.key,
      Location: 'West US',
      Type: 'Export',
      ReturnAddress: RETURN_ADDRESS,
      ...props,
    },
    Export: selection,
  };
}

async function exportJob(
  selection: JobDefinition['Export'],
  props: Partial<JobDefinition['Properties']> = {},
) {
  const sub = newSubscription();
  const name = uniqueName('Exp');
  await shippedJob(rt, sub, name, CUSTOMER2.name, exportDefinition(selection, props));
  return { subscriptionId: sub, jobName: name };
}

const paths = (items: { container: string; name: string; snapshot?: string }[]) =>
  items.map((i) => `${i.container}/${i.name}${i.snapshot ? '@snap' : ''}`);

describe('export planning on the customer’s storage (docs/contract/import-export.md#b, Receive; B.2)', () => {
  const c = uniqueName('pics');
  let snapshot: string;
  beforeAll(async () => {
    const redmond = await putBlob(CUSTOMER2.name, c, 'city/redmond.jpg', 100);
    snapshot = (await redmond.createSnapshot()).snapshot!;
    await putBlob(CUSTOMER2.name, c, 'city/seattle.jpg', 300);
    await putBlob(CUSTOMER2.name, c, 'image.png', 50);
    await putBlob(CUSTOMER2.name, c, 'image/photo.png', 60);
    await putBlob(CUSTOMER2.name, `${c}kids`, 'toy.png', 70);
  });

  it('resolves paths (with snapshots) and prefixes, assigns them by capacity, and gives each drive a recovery key', async () => {
    const at = await exportJob({
      BlobList: { BlobPath: [`${c}/city/redmond.jpg`], BlobPathPrefix: [`/${c}/image`, `/${c}kids`] },
    });
    const received = await receivePackage(deps, at, {
      Drives: [
        { DriveId: 'BLANK1', CapacityBytes: 210 },
        { DriveId: 'BLANK2', CapacityBytes: 1000 },
      ],
    });
    const job = received.value;
    expect(job.State).toBe('Received');
    expect(job.DriveList.map((d) => [d.DriveId, d.State, d.PlannedBlobs, d.BytesTotal])).toEqual([
      ['BLANK1', 'Received', 2, 200],
      ['BLANK2', 'Received', 3, 180],
    ]);
    const keys = job.DriveList.map((d) => d.BitLockerKey!);
    expect(keys.every(isRecoveryPassword)).toBe(true);
    expect(new Set(keys).size).toBe(2);
    expect(job).not.toHaveProperty('IncompleteBlobListUri');
    // In path order, first fit: image.png no longer fits in the 10 bytes BLANK1 has left.
    expect(paths(await plannedBlobs(deps, at, 'BLANK1'))).toEqual([
      `${c}/city/redmond.jpg`,
      `${c}/city/redmond.jpg@snap`,
    ]);
    expect(paths(await plannedBlobs(deps, at, 'BLANK2'))).toEqual([
      `${c}/image.png`,
      `${c}/image/photo.png`,
      `${c}kids/toy.png`,
    ]);
  });

  it('writes the incomplete blob list when the drives are too small, and it selects exactly what was left out', async () => {
    const at = await exportJob({ BlobList: { BlobPathPrefix: [`/${c}/city/`] } });
    const job = (await receivePackage(deps, at, { Drives: [{ DriveId: 'SMALL', CapacityBytes: 250 }] }))
      .value;
    expect(job.IncompleteBlobListUri).toMatch(
      new RegExp(
        `/customer2/waimportexport/waies/${at.jobName}_\\d{8}-\\d{6}-\\d{3}_incomplete-blobs\\.xml$`,
      ),
    );
    const doc = await downloadXml(job.IncompleteBlobListUri!);
    expect(doc.BlobList.BlobPath).toEqual([
      { '#text': `${c}/city/seattle.jpg`, '@_IncludeSnapshots': 'false' },
    ]);
    expect(paths(await plannedBlobs(deps, at, 'SMALL'))).toEqual([
      `${c}/city/redmond.jpg`,
      `${c}/city/redmond.jpg@snap`,
    ]);
  });

  it('reads a <BlobList> blob with IncludeSnapshots and SnapshotTime', async () => {
    const list = blobFormats.blobList({
      BlobPath: [
        { Path: `${c}/city/redmond.jpg`, SnapshotTime: snapshot },
        { Path: `${c}/image.png`, IncludeSnapshots: 'false' },
      ],
      BlobPathPrefix: [`/${c}kids/`],
    });
    await putBlob(CUSTOMER2.name, `${c}lists`, 'export.xml', list);
    const at = await exportJob({ BlobListBlobPath: `${c}lists/export.xml` });
    await receivePackage(deps, at, { Drives: [{ DriveId: 'L1', CapacityBytes: 10_000 }] });
    expect(paths(await plannedBlobs(deps, at, 'L1'))).toEqual([
      `${c}/city/redmond.jpg@snap`,
      `${c}/image.png`,
      `${c}kids/toy.png`,
    ]);
  });

  it('selects the root container with $root, and everything with /', async () => {
    await putBlob(CUSTOMER2.name, '$root', `${c}-root.txt`, 10);
    const rooted = await exportJob({ BlobList: { BlobPath: [`$root/${c}-root.txt`] } });
    await receivePackage(deps, rooted, { Drives: [{ DriveId: 'R1', CapacityBytes: 100 }] });
    expect(paths(await plannedBlobs(deps, rooted, 'R1'))).toEqual([`$root/${c}-root.txt`]);
    const everything = await exportJob({ BlobList: { BlobPathPrefix: ['/'] } });
    await receivePackage(deps, everything, { Drives: [{ DriveId: 'ALL', CapacityBytes: 10 ** 12 }] });
    expect(paths(await plannedBlobs(deps, everything, 'ALL'))).toEqual(
      expect.arrayContaining([`$root/${c}-root.txt`, `${c}/city/seattle.jpg`, `${c}kids/toy.png`]),
    );
  });

  it('a malformed blob list makes the drives BlobListFormatInvalid, as their log says', async () => {
    await putBlob(CUSTOMER2.name, `${c}lists`, 'bad.xml', '<BlobList><Blob>oops</Blob></BlobList>');
    const at = await exportJob({ BlobListBlobPath: `${c}lists/bad.xml` });
    const received = await receivePackage(deps, at, { Drives: [{ DriveId: 'M1', CapacityBytes: 100 }] });
    expect(received.value.ExportPlan).toMatchObject({ Failure: 'BlobListFormatInvalid' });
    await startCopy(deps, at, 'M1');
    const done = await completeCopy(deps, at, 'M1', { CopyStatus: 'Completed' });
    expect(done.value.DriveList[0]).toMatchObject({
      State: 'CompletedMoreInfo',
      CopyStatus: 'BlobListFormatInvalid',
    });
    expect((await downloadXml(done.value.DriveList[0]!.ErrorLogUri!)).DriveLog.Status).toBe(
      'BlobListFormatInvalid',
    );
    expect((await shipDrives(deps, at, PKG)).value.State).toBe('Closed');
  });

  it('a blob list that does not exist is BlobListFormatInvalid too', async () => {
    const at = await exportJob({ BlobListBlobPath: `${c}lists/missing.xml` });
    const received = await receivePackage(deps, at, { Drives: [{ DriveId: 'M2', CapacityBytes: 100 }] });
    expect(received.value.ExportPlan).toMatchObject({
      Failure: 'BlobListFormatInvalid',
      Detail: expect.stringMatching(/does not exist/),
    });
  });

  it('storage denying access (403) is BlobRequestForbidden in the log, never an error', async () => {
    const sas = uniqueName('denied');
    const container = serviceOf(CUSTOMER2.name).getContainerClient(sas);
    await container.create();
    await putBlob(CUSTOMER2.name, sas, 'a.txt', 10);
    // A stored access policy that may write (the logs) but neither list nor read.
    await container.setAccessPolicy(undefined, [
      { id: 'writeonly', accessPolicy: { permissions: 'w', expiresOn: new Date(Date.now() + 86_400_000) } },
    ]);
    const at = await exportJob(
      { BlobList: { BlobPathPrefix: [`/${sas}/`] } },
      {
        StorageAccountKey: undefined,
        ContainerSas: containerSas(CUSTOMER2.name, sas, { identifier: 'writeonly' }),
      },
    );
    const received = await receivePackage(deps, at, { Drives: [{ DriveId: 'F1', CapacityBytes: 100 }] });
    expect(received.value.ExportPlan).toMatchObject({
      Failure: 'BlobRequestForbidden',
      Detail: expect.stringMatching(/^403/),
    });
    await startCopy(deps, at, 'F1');
    const done = await completeCopy(deps, at, 'F1', { CopyStatus: 'Completed' });
    expect(done.value.DriveList[0]).toMatchObject({
      State: 'CompletedMoreInfo',
      CopyStatus: 'CompletedWithErrors',
    });
    const uri = done.value.DriveList[0]!.ErrorLogUri!;
    expect(uri).toMatch(new RegExp(`/customer2/${sas}/waimportexport/waies/`));
    expect((await downloadXml(uri)).DriveLog.Status).toBe('BlobRequestForbidden');
  });

  it('with a SAS, plans inside the SAS container and writes the incomplete list beneath it', async () => {
    const sas = uniqueName('sasx');
    await putBlob(CUSTOMER2.name, sas, 'a.bin', 40);
    await putBlob(CUSTOMER2.name, sas, 'b.bin', 40);
    const at = await exportJob(
      { BlobList: { BlobPathPrefix: [`/${sas}/`] } },
      {
        StorageAccountKey: undefined,
        ContainerSas: containerSas(CUSTOMER2.name, sas, { permissions: 'rwl' }),
        ImportExportStatesPath: 'logs',
      },
    );
    const job = (await receivePackage(deps, at, { Drives: [{ DriveId: 'S1', CapacityBytes: 50 }] })).value;
    expect(paths(await plannedBlobs(deps, at, 'S1'))).toEqual([`${sas}/a.bin`]);
    expect(job.IncompleteBlobListUri).toMatch(
      new RegExp(`/customer2/${sas}/logs/waies/.*_incomplete-blobs\\.xml$`),
    );
    expect(job.IncompleteBlobListUri).not.toContain('sig=');
    expect((await downloadXml(job.IncompleteBlobListUri!)).BlobList.BlobPath[0]['#text']).toBe(
      `${sas}/b.bin`,
    );
  });

  it('receiving the same drives again changes nothing; a late blank drive joins and the export is planned again', async () => {
    const at = await exportJob({ BlobList: { BlobPathPrefix: [`/${c}/city/`] } });
    const first = await receivePackage(deps, at, { Drives: [{ DriveId: 'E1', CapacityBytes: 250 }] });
    expect(first.value.IncompleteBlobListUri).toBeDefined();
    const again = await receivePackage(deps, at, { Drives: [{ DriveId: 'e1', CapacityBytes: 250 }] });
    expect(again.etag).toBe(first.etag);
    await expect(
      receivePackage(deps, at, { Drives: [{ DriveId: 'E1', CapacityBytes: 9 }] }),
    ).rejects.toMatchObject({
      code: 'InvalidJobState',
    });
    const late = await receivePackage(deps, at, { Drives: [{ DriveId: 'E2', CapacityBytes: 1000 }] });
    expect(late.value.DriveList.map((d) => [d.DriveId, d.PlannedBlobs])).toEqual([
      ['E1', 2],
      ['E2', 1],
    ]);
    expect(late.value).not.toHaveProperty('IncompleteBlobListUri');
    expect(late.value.DriveList[0]!.BitLockerKey).toBe(first.value.DriveList[0]!.BitLockerKey);
  });
});
