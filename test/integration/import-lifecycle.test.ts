import { completeCopy } from '../../shared/domain/complete-drive';
import { progressCopy, startCopy } from '../../shared/domain/drive-copy';
import { receivePackage } from '../../shared/domain/receive';
import { shipDrives } from '../../shared/domain/ship';
import {
  blobNames,
  containerSas,
  CUSTOMER1,
  CUSTOMER2,
  downloadXml,
  serviceOf,
} from '../support/customer-blobs';
import { importDefinition, manifestFor, shippedJob, uniqueName } from '../support/datacenter';
import { newSubscription, testRuntime } from '../support/runtime';
import { customerCancels } from '../support/shipping';

const rt = testRuntime();
const deps = rt.datacenter;
const PKG = { CarrierName: 'FedEx', TrackingNumber: '1Z999', DriveCount: 2, ShipDate: '2024-02-01' };

async function receivedJob(driveIds: string[], props = {}, hashes: Record<string, string> = {}) {
  const sub = newSubscription();
  const name = uniqueName('Imp');
  const states = uniqueName('states');
  const definition = importDefinition(driveIds, { ImportExportStatesPath: states, ...props }, hashes);
  await shippedJob(rt, sub, name, CUSTOMER1.name, definition);
  const at = { subscriptionId: sub, jobName: name };
  await receivePackage(deps, at, { Drives: driveIds.map((DriveId) => ({ DriveId })) });
  return { at, sub, name, states };
}

const BLOBS = [
  {
    BlobPath: 'photos/p0.jpg',
    FilePath: '\\photos\\p0.jpg',
    Length: 1024,
    Status: 'Completed' as const,
    ImportDisposition: { Status: 'Created' as const },
    Blocks: [{ Offset: 0, Length: 1024, Status: 'Completed' as const }],
  },
  {
    BlobPath: 'photos/p1.jpg',
    FilePath: '\\photos\\p1.jpg',
    Length: 2048,
    Status: 'CompletedWithErrors' as const,
    ImportDisposition: { Status: 'Overwritten' as const, Value: 'overwrite' as const },
    Blocks: [
      { Offset: 0, Length: 1024, Status: 'Completed' as const },
      { Offset: 1024, Length: 1024, Hash: 'AA2585F6F6FD01C4AD4256E018240CD4', Status: 'Corrupted' as const },
    ],
  },
];

describe('an import job through receive, start, progress, complete and ship (SPEC B)', () => {
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

  it('records a manifest whose MD5 is not ManifestHash as ManifestCorrupted, with a log that copied nothing', async () => {
    const { at } = await receivedJob(['MAN1']);
    await startCopy(deps, at, 'MAN1');
    const altered = manifestFor('MAN1').xml.replace('p0', 'pX');
    const done = await completeCopy(deps, at, 'MAN1', {
      CopyStatus: 'Completed',
      Manifest: altered,
      Blobs: BLOBS,
    });
    expect(done.value.DriveList[0]).toMatchObject({
      State: 'CompletedMoreInfo',
      CopyStatus: 'ManifestCorrupted',
    });
    const log = (await downloadXml(done.value.DriveList[0]!.ErrorLogUri!)).DriveLog;
    expect(log).toEqual({ '@_Version': '2014-11-01', DriveId: 'MAN1', Status: 'ManifestCorrupted' });
  });

  it('records a manifest that names another drive as ManifestDriveIdMismatch, with a log that copied nothing', async () => {
    const other = manifestFor('OTHER');
    // The customer declared the hash of a manifest that names another drive.
    const { at } = await receivedJob(['MAN2'], {}, { MAN2: other.hash });
    await startCopy(deps, at, 'MAN2');
    const done = await completeCopy(deps, at, 'MAN2', {
      CopyStatus: 'Completed',
      Manifest: other.xml,
      Blobs: BLOBS,
    });
    expect(done.value.DriveList[0]).toMatchObject({
      State: 'CompletedMoreInfo',
      CopyStatus: 'ManifestDriveIdMismatch',
    });
    const log = (await downloadXml(done.value.DriveList[0]!.ErrorLogUri!)).DriveLog;
    expect(log).toEqual({ '@_Version': '2014-11-01', DriveId: 'MAN2', Status: 'ManifestDriveIdMismatch' });
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

  it('concurrent completions of different drives of one job all land', async () => {
    const ids = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'];
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
    expect(job.DriveList.map((d) => d.State)).toEqual(Array(6).fill('Completed'));
    expect(job.DriveList.every((d) => d.ErrorLogUri !== undefined)).toBe(true);
    expect(job.State).toBe('Packaging');
    expect(job.PercentComplete).toBe(100);
  });

  it('a failed write answers 502 StorageWriteFailed with the reason and leaves the job unchanged', async () => {
    const sub = newSubscription();
    const name = uniqueName('Bad');
    // The job's key is not the account's: storage refuses every write.
    await shippedJob(
      rt,
      sub,
      name,
      CUSTOMER1.name,
      importDefinition(['W1'], { StorageAccountKey: CUSTOMER2.key }),
    );
    const at = { subscriptionId: sub, jobName: name };
    await receivePackage(deps, at, { Drives: [{ DriveId: 'W1' }] });
    const before = await startCopy(deps, at, 'W1');
    const err = await completeCopy(deps, at, 'W1', {
      CopyStatus: 'Completed',
      Manifest: manifestFor('W1').xml,
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'StorageWriteFailed', detail: expect.stringMatching(/^403/) });
    const after = (await rt.jobs.store.get(sub, name))!;
    expect(after.etag).toBe(before.etag);
    expect(after.value.DriveList[0]).toMatchObject({ State: 'Transferring', CopyStatus: 'InProgress' });
  });

  it('an import completion without its Manifest is refused (the service verifies it)', async () => {
    const { at } = await receivedJob(['NOM1']);
    await startCopy(deps, at, 'NOM1');
    await expect(completeCopy(deps, at, 'NOM1', { CopyStatus: 'Completed' })).rejects.toMatchObject({
      code: 'InvalidRequestBody',
    });
    const failed = await completeCopy(deps, at, 'NOM1', { CopyStatus: 'DiskNotFound' });
    expect(failed.value.DriveList[0]).toMatchObject({
      State: 'CompletedMoreInfo',
      CopyStatus: 'DiskNotFound',
    });
  });
});

describe('an import job with a container SAS (SPEC B.2, B.3)', () => {
  it('writes its logs beneath the SAS container, in the states path, and nowhere else', async () => {
    const container = uniqueName('sasimp');
    await serviceOf(CUSTOMER1.name).getContainerClient(container).create();
    const sub = newSubscription();
    const name = uniqueName('Sas');
    const definition = importDefinition(['S1'], {
      StorageAccountKey: undefined,
      ContainerSas: containerSas(CUSTOMER1.name, container, { permissions: 'rwd' }),
      ImportExportStatesPath: 'copylogs',
      EnableVerboseLog: true,
    });
    await shippedJob(rt, sub, name, CUSTOMER1.name, definition);
    const at = { subscriptionId: sub, jobName: name };
    await receivePackage(deps, at, { Drives: [{ DriveId: 'S1' }] });
    await startCopy(deps, at, 'S1');
    const done = await completeCopy(deps, at, 'S1', {
      CopyStatus: 'Completed',
      Manifest: manifestFor('S1').xml,
    });
    const d = done.value.DriveList[0]!;
    expect(d.ErrorLogUri).toMatch(
      new RegExp(`/customer1/${container}/copylogs/waies/${name}_S1_[\\d-]+_error\\.xml$`),
    );
    expect(d.ErrorLogUri).not.toContain('sig=');
    expect((await downloadXml(d.VerboseLogUri!)).DriveLog.DriveId).toBe('S1');
    const names = await blobNames(CUSTOMER1.name, container);
    expect(names).toHaveLength(2);
    expect(names.every((n) => n.startsWith('copylogs/waies/'))).toBe(true);
    expect(await blobNames(CUSTOMER1.name, 'copylogs')).toEqual([]);
  });
});

describe('cancellation (SPEC A.8)', () => {
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
