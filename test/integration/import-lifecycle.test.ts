import { completeCopy } from '../../shared/import-export/datacenter/complete-drive';
import { progressCopy, startCopy } from '../../shared/import-export/datacenter/drive-copy';
import { shipDrives } from '../../shared/import-export/datacenter/ship';
import { blobNames, CUSTOMER1, downloadXml } from '../support/customer-blobs';
import { manifestFor } from '../support/datacenter';
import { BLOBS, receivedImport } from '../support/received-import';
import { testRuntime } from '../support/runtime';
import { customerCancels } from '../support/shipping';

const rt = testRuntime();
const deps = rt.datacenter;
const PKG = { CarrierName: 'FedEx', TrackingNumber: '1Z999', DriveCount: 2, ShipDate: '2024-02-01' };
const receivedJob = (driveIds: string[], props = {}) => receivedImport(rt, driveIds, props);

describe('an import job through receive, start, progress, complete and ship (docs/contract/import-export.md#b)', () => {
  it('writes the error log, verbose log and manifest backup before recording their URIs', async () => {
    const { at, name, states } = await receivedJob(['DRIVE-A', 'DRIVE-B'], {
      EnableVerboseLog: true,
      BackupDriveManifest: true,
    });
    await startCopy(deps, at, 'DRIVE-A');
    const halfway = await progressCopy(deps, at, 'DRIVE-A', { PercentComplete: 50, BytesSucceeded: 1536 });
    expect(halfway.value.PercentComplete).toBe(25);
    const manifest = manifestFor('DRIVE-A').xml;
    const done = await completeCopy(deps, at, 'drive-a', {
      CopyStatus: 'CompletedWithErrors',
      Manifest: manifest,
      Blobs: BLOBS,
    });
    const d = done.value.DriveList[0]!;
    expect(d).toMatchObject({
      State: 'CompletedMoreInfo',
      CopyStatus: 'CompletedWithErrors',
      PercentComplete: 100,
      BytesTotal: 3072,
    });
    expect(done.value.State).toBe('Transferring');

    const names = await blobNames(CUSTOMER1.name, states);
    const stampOf = /^waies\/[^_]+_DRIVE-A_(\d{8}-\d{6}-\d{3})_error\.xml$/.exec(
      names.find((n) => n.endsWith('_error.xml'))!,
    )![1];
    expect(names.sort()).toEqual(
      [
        `waies/${name}_DRIVE-A_${stampOf}_error.xml`,
        `waies/${name}_DRIVE-A_${stampOf}_manifest.xml`,
        `waies/${name}_DRIVE-A_${stampOf}_verbose.xml`,
      ].sort(),
    );
    expect(d.ErrorLogUri).toMatch(
      new RegExp(`/customer1/${states}/waies/${name}_DRIVE-A_${stampOf}_error\\.xml$`),
    );

    const verbose = (await downloadXml(d.VerboseLogUri!)).DriveLog;
    expect(verbose['@_Version']).toBe('2014-11-01');
    expect(verbose.DriveId).toBe('DRIVE-A');
    expect(verbose.Status).toBe('CompletedWithErrors');
    expect(verbose.Blob.map((b: any) => b.BlobPath)).toEqual(['photos/p0.jpg', 'photos/p1.jpg']);

    const error = (await downloadXml(d.ErrorLogUri!)).DriveLog;
    expect(error.Blob).toHaveLength(1);
    expect(error.Blob[0]).toMatchObject({ '@_Status': 'CompletedWithErrors', BlobPath: 'photos/p1.jpg' });
    expect(error.Blob[0].BlockList.Block).toEqual([
      {
        '@_Offset': '1024',
        '@_Length': '1024',
        '@_Hash': 'AA2585F6F6FD01C4AD4256E018240CD4',
        '@_Status': 'Corrupted',
      },
    ]);

    const backup = await downloadXml(d.ManifestUri!);
    expect(backup.DriveManifest.Drive.DriveId).toBe('DRIVE-A');

    await startCopy(deps, at, 'DRIVE-B');
    const last = await completeCopy(deps, at, 'DRIVE-B', {
      CopyStatus: 'Completed',
      Manifest: manifestFor('DRIVE-B').xml,
      Blobs: [BLOBS[0]!],
    });
    expect(last.value.State).toBe('Packaging');
    expect(last.value.PercentComplete).toBe(100);
    expect(last.value.DriveList[1]).toMatchObject({ State: 'Completed', CopyStatus: 'Completed' });

    const shipped = await shipDrives(deps, at, PKG);
    expect(shipped.value.State).toBe('Closed');
    expect(shipped.value.ReturnPackage).toEqual(PKG);
    expect(shipped.value.DriveList.map((x) => x.State)).toEqual(['ShippedBack', 'ShippedBack']);
  });

  it('writes only the error log when verbose logs and manifest backups are off', async () => {
    const { at, states } = await receivedJob(['ONLY1']);
    await startCopy(deps, at, 'ONLY1');
    const done = await completeCopy(deps, at, 'ONLY1', {
      CopyStatus: 'Completed',
      Manifest: manifestFor('ONLY1').xml,
      Blobs: BLOBS.slice(0, 1),
    });
    const d = done.value.DriveList[0]!;
    expect(d).not.toHaveProperty('VerboseLogUri');
    expect(d).not.toHaveProperty('ManifestUri');
    expect(
      (await blobNames(CUSTOMER1.name, states)).map((n) => n.replace(/_\d{8}-\d{6}-\d{3}_/, '_T_')),
    ).toEqual([expect.stringMatching(/_ONLY1_T_error\.xml$/)]);
    const error = (await downloadXml(d.ErrorLogUri!)).DriveLog;
    expect(error).toEqual({ '@_Version': '2014-11-01', DriveId: 'ONLY1', Status: 'Completed' });
    expect(done.value.State).toBe('Packaging');
    expect((await shipDrives(deps, at, PKG)).value.State).toBe('Completed');
  });

  it('a repeated complete changes nothing and writes nothing more', async () => {
    const { at, states } = await receivedJob(['REP1', 'REP2']);
    await startCopy(deps, at, 'REP1');
    const report = { CopyStatus: 'Completed' as const, Manifest: manifestFor('REP1').xml };
    const first = await completeCopy(deps, at, 'REP1', report);
    const again = await completeCopy(deps, at, 'REP1', report);
    expect(again.etag).toBe(first.etag);
    expect(await blobNames(CUSTOMER1.name, states)).toHaveLength(1);
  });

  it('concurrent completions of all 10 drives of one job all land', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `C${i + 1}`);
    const { at } = await receivedJob(ids);
    for (const id of ids) await startCopy(deps, at, id);
    await Promise.all(
      ids.map((id) =>
        completeCopy(deps, at, id, {
          CopyStatus: 'Completed',
          Manifest: manifestFor(id).xml,
          Blobs: BLOBS.slice(0, 1),
        }),
      ),
    );
    const job = (await rt.jobs.store.get(at.subscriptionId, at.jobName))!.value;
    expect(job.DriveList.map((d) => d.State)).toEqual(Array(10).fill('Completed'));
    expect(new Set(job.DriveList.map((d) => d.ErrorLogUri)).size).toBe(10);
    for (const d of job.DriveList)
      expect((await downloadXml(d.ErrorLogUri!)).DriveLog.DriveId).toBe(d.DriveId);
    expect(job.State).toBe('Packaging');
    expect(job.PercentComplete).toBe(100);
  });
});

describe('cancellation (docs/contract/import-export.md#a8)', () => {
  it('a cancelled job never starts a drive, finishes the one in flight, and ends Completed', async () => {
    const { at, sub, name } = await receivedJob(['K1', 'K2']);
    await startCopy(deps, at, 'K1');
    await customerCancels(rt, { subscriptionId: sub, storageAccountName: CUSTOMER1.name, jobName: name });
    await expect(startCopy(deps, at, 'K2')).rejects.toMatchObject({ code: 'InvalidJobState' });
    const done = await completeCopy(deps, at, 'K1', {
      CopyStatus: 'CompletedWithErrors',
      Manifest: manifestFor('K1').xml,
    });
    expect(done.value.State).toBe('Packaging');
    expect(done.value.DriveList.map((d) => d.State)).toEqual(['CompletedMoreInfo', 'Received']);
    const shipped = await shipDrives(deps, at, PKG);
    expect(shipped.value.State).toBe('Completed');
    expect(shipped.value.DriveList.map((d) => d.State)).toEqual(['ShippedBack', 'ShippedBack']);
  });
});
