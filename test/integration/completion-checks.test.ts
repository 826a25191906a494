import { createHash } from 'node:crypto';
import { completeCopy } from '../../shared/import-export/datacenter/complete-drive';
import { writeJob } from '../../shared/import-export/model/rewrite-job';
import { startCopy } from '../../shared/import-export/datacenter/drive-copy';
import { receivePackage } from '../../shared/import-export/datacenter/receive';
import {
  blobNames,
  containerSas,
  CUSTOMER1,
  CUSTOMER2,
  downloadXml,
  serviceOf,
} from '../support/customer-blobs';
import { importDefinition, manifestFor, shippedJob, uniqueName } from '../support/datacenter';
import { BLOBS, receivedImport } from '../support/received-import';
import { newSubscription, testRuntime } from '../support/runtime';

/** The service's own checks of a completion, and where and whether its blobs get written (docs/contract/import-export.md#b, #b2, #b3). */
const rt = testRuntime();
const deps = rt.datacenter;
const receivedJob = (driveIds: string[], props = {}, hashes: Record<string, string> = {}) =>
  receivedImport(rt, driveIds, props, hashes);

describe('completion checks of an import drive (docs/contract/import-export.md#b1-complete)', () => {
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

  /** An ARM job's drive may carry a SHA-256 manifestHash (docs/arm-import-export.md#d1). */
  async function withHash(at: { subscriptionId: string; jobName: string }, hash: string) {
    const stored = (await rt.jobs.store.get(at.subscriptionId, at.jobName))!;
    const DriveList = stored.value.DriveList.map((d) => ({ ...d, ManifestHash: hash }));
    const job = { ...stored.value, DriveList };
    await writeJob(rt.jobs.store, { kind: 'update', previous: stored, job, activeJobLimit: 20 });
  }
  const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex').toUpperCase();

  it.each([
    ['a 32-digit hash as MD5', 'md5'],
    ['a 64-digit hash as SHA-256', 'sha256'],
  ])('checks %s, in any case, and accepts the matching manifest', async (_what, algorithm) => {
    const { at } = await receivedJob(['HSH1']);
    const xml = manifestFor('HSH1').xml;
    await withHash(at, createHash(algorithm).update(xml, 'utf8').digest('hex').toLowerCase());
    await startCopy(deps, at, 'HSH1');
    const done = await completeCopy(deps, at, 'HSH1', {
      CopyStatus: 'Completed',
      Manifest: xml,
      Blobs: BLOBS,
    });
    expect(done.value.DriveList[0]).toMatchObject({ State: 'Completed', CopyStatus: 'Completed' });
  });

  it('records a manifest whose SHA-256 is not a 64-digit ManifestHash as ManifestCorrupted', async () => {
    const { at } = await receivedJob(['HSH2']);
    const xml = manifestFor('HSH2').xml;
    await withHash(at, sha256(xml.replace('p0', 'pX')));
    await startCopy(deps, at, 'HSH2');
    const done = await completeCopy(deps, at, 'HSH2', {
      CopyStatus: 'Completed',
      Manifest: xml,
      Blobs: BLOBS,
    });
    expect(done.value.DriveList[0]).toMatchObject({
      State: 'CompletedMoreInfo',
      CopyStatus: 'ManifestCorrupted',
    });
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

describe('an import job with a container SAS (docs/contract/import-export.md#b2, #b3)', () => {
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
