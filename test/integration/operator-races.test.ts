import { advance } from '../../shared/import-export/datacenter/advance';
import { completeCopy } from '../../shared/import-export/datacenter/complete-drive';
import { startCopy } from '../../shared/import-export/datacenter/drive-copy';
import { fault, resolve } from '../../shared/import-export/datacenter/faults';
import { plannedBlobs } from '../../shared/import-export/datacenter/planned-blobs';
import type { DatacenterDeps } from '../../shared/import-export/datacenter/ports';
import { receivePackage } from '../../shared/import-export/datacenter/receive';
import { KernelError } from '../../shared/kernel/errors';
import type { JobStore } from '../../shared/import-export/model/ports';
import type { JobDefinition } from '../../shared/surfaces/classic-import-export/classic-job-input';
import { blobNames, CUSTOMER1, CUSTOMER2, downloadXml, putBlob } from '../support/customer-blobs';
import { manifestFor, shippedJob, uniqueName } from '../support/datacenter';
import { receivedImport } from '../support/received-import';
import { newSubscription, testRuntime } from '../support/runtime';
import { gate, holdingFirstWrite } from '../support/races';
import { customerCancels, RETURN_ADDRESS } from '../support/shipping';

/**
 * Operator actions racing each other on one job (docs/contract/import-export.md#d4, B.3): whatever
 * the interleaving, what the job points to in the customer's storage says what the job records,
 * and no blob is left that the job does not point to.
 */
const rt = testRuntime();
const deps = rt.datacenter;
/** A second process on the same tables. */
const other = testRuntime({ STORAGE_PREFIX: rt.config.storagePrefix });

/** The real store, its first `write` failing with a 503 before it reaches the table. */
function failingFirstWrite(store: JobStore): JobStore {
  let first = true;
  return new Proxy(store, {
    get(t, prop, receiver) {
      const value = Reflect.get(t, prop, receiver) as unknown;
      if (prop !== 'write') return typeof value === 'function' ? value.bind(t) : value;
      return (...args: Parameters<JobStore['write']>) => {
        if (!first) return t.write(...args);
        first = false;
        return Promise.reject(new KernelError('ServiceUnavailable', 'the store is down'));
      };
    },
  });
}

const relative = (uri: string, container: string) =>
  decodeURIComponent(uri.slice(uri.indexOf(`/${container}/`) + container.length + 2));

/**
 * A Shipping export job over a fresh container of the customer's storage holding `blobs` (100 bytes
 * each), with a states path of its own.
 */
async function shippedExport(tag: string, blobs: string[]) {
  const c = uniqueName(tag);
  for (const b of blobs) await putBlob(CUSTOMER2.name, c, b, 100);
  const states = uniqueName(`${tag}states`);
  const at = { subscriptionId: newSubscription(), jobName: uniqueName(tag) };
  const definition: JobDefinition = {
    Properties: {
      StorageAccountKey: CUSTOMER2.key,
      Location: 'West US',
      Type: 'Export',
      ReturnAddress: RETURN_ADDRESS,
      ImportExportStatesPath: states,
    },
    Export: { BlobList: { BlobPathPrefix: [`/${c}/`] } },
  };
  await shippedJob(rt, at.subscriptionId, at.jobName, CUSTOMER2.name, definition);
  return { c, states, at };
}

describe('operator races on one job', () => {
  it('two receives of an export racing: the incomplete list selects exactly what no drive got, and is the only one left', async () => {
    const { c, states, at } = await shippedExport('race', ['a.bin', 'b.bin', 'c.bin']);

    const g = gate();
    const paused: DatacenterDeps = { ...deps, store: holdingFirstWrite(deps.store, g) };
    const second = receivePackage(paused, at, { Drives: [{ DriveId: 'BLANK2', CapacityBytes: 150 }] });
    await g.reached;
    await receivePackage(deps, at, { Drives: [{ DriveId: 'BLANK1', CapacityBytes: 150 }] });
    g.release();
    const job = (await second).value;

    expect(job.DriveList.map((d) => d.DriveId)).toEqual(['BLANK1', 'BLANK2']);
    const planned = [
      ...(await plannedBlobs(deps, at, 'BLANK1')),
      ...(await plannedBlobs(deps, at, 'BLANK2')),
    ].map((i) => `${i.container}/${i.name}`);
    expect(planned.sort()).toEqual([`${c}/a.bin`, `${c}/b.bin`]);
    const doc = await downloadXml(job.IncompleteBlobListUri!);
    expect([doc.BlobList.BlobPath].flat().map((p: { '#text': string }) => p['#text'])).toEqual([
      `${c}/c.bin`,
    ]);
    expect(await blobNames(CUSTOMER2.name, states)).toEqual([relative(job.IncompleteBlobListUri!, states)]);
  });

  it.each([
    [
      'complete',
      (d: DatacenterDeps, at: { subscriptionId: string; jobName: string }) =>
        completeCopy(d, at, 'R1', { CopyStatus: 'Completed', Manifest: manifestFor('R1').xml }),
    ],
    ['advance', advance],
  ])('%s losing to a fault of the job leaves no log behind', async (_, act) => {
    const { at, states } = await receivedImport(rt, ['R1'], {
      EnableVerboseLog: true,
      BackupDriveManifest: true,
    });
    await startCopy(deps, at, 'R1');
    const g = gate();
    const paused: DatacenterDeps = { ...deps, store: holdingFirstWrite(deps.store, g) };
    const losing = act(paused, at);
    await g.reached;
    await fault(deps, at, { Reason: 'the copy station broke' });
    g.release();
    await expect(losing).rejects.toMatchObject({ code: 'InvalidJobState' });
    expect(await blobNames(CUSTOMER1.name, states)).toEqual([]);
  });

  it('an export receive retried after a 503 plans what the customer’s storage holds by then', async () => {
    const { c, at } = await shippedExport('retry', ['a.bin', 'b.bin']);
    const cmd = { Drives: [{ DriveId: 'BLANK1', CapacityBytes: 150 }] };
    await expect(
      receivePackage({ ...deps, store: failingFirstWrite(deps.store) }, at, cmd),
    ).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    await putBlob(CUSTOMER2.name, c, 'c.bin', 100);
    const job = (await receivePackage(deps, at, cmd)).value;
    const doc = await downloadXml(job.IncompleteBlobListUri!);
    expect([doc.BlobList.BlobPath].flat().map((p: { '#text': string }) => p['#text'])).toEqual([
      `${c}/b.bin`,
      `${c}/c.bin`,
    ]);
  });

  it('a drive resolved to Completed while its job was faulted: the job resolved to Transferring moves on to Packaging', async () => {
    const { at } = await receivedImport(rt, ['F1']);
    await startCopy(deps, at, 'F1');
    await fault(deps, at, { Reason: 'the station broke', DriveId: 'F1' });
    await fault(deps, at, { Reason: 'the whole bay is down' });
    await resolve(deps, at, { DriveId: 'F1', State: 'Completed' });
    const job = (await resolve(deps, at, {})).value;
    expect(job.DriveList[0]!.State).toBe('Completed');
    expect(job.State).toBe('Packaging');
  });

  it('an export receive that finds its job deleted meanwhile leaves no incomplete list', async () => {
    const { states, at } = await shippedExport('gone', ['a.bin', 'b.bin']);
    const g = gate();
    const paused: DatacenterDeps = { ...deps, store: holdingFirstWrite(deps.store, g) };
    const losing = receivePackage(paused, at, { Drives: [{ DriveId: 'BLANK1', CapacityBytes: 150 }] });
    await g.reached;
    // The sweep closed it (44 days in Shipping) and the customer deleted it.
    const found = await deps.store.get(at.subscriptionId, at.jobName);
    await deps.store.write({ kind: 'delete', previous: found! });
    g.release();
    await expect(losing).rejects.toMatchObject({ code: 'ResourceNotFound' });
    expect(await blobNames(CUSTOMER2.name, states)).toEqual([]);
  });

  it('a cancel that comes after the last started drive completed: the job moves on to Packaging', async () => {
    const { at, sub, name } = await receivedImport(rt, ['K1', 'K2']);
    await startCopy(deps, at, 'K1');
    await completeCopy(deps, at, 'K1', { CopyStatus: 'Completed', Manifest: manifestFor('K1').xml });
    await customerCancels(rt, { subscriptionId: sub, storageAccountName: CUSTOMER1.name, jobName: name });
    const job = (await deps.store.get(sub, name))!.value;
    expect(job.DriveList.map((d) => d.State)).toEqual(['Completed', 'Received']);
    expect(job.State).toBe('Packaging');
  });

  it('the same export receive from two processes at once: one plan, one incomplete list, the one the job names', async () => {
    const { c, states, at } = await shippedExport('twice', ['a.bin', 'b.bin', 'c.bin']);
    const cmd = { Drives: [{ DriveId: 'BLANK1', CapacityBytes: 150 }] };
    const answers = await Promise.all(
      [deps, other.datacenter, deps, other.datacenter].map((d) => receivePackage(d, at, cmd)),
    );
    const job = (await deps.store.get(at.subscriptionId, at.jobName))!.value;
    for (const a of answers) expect(a.value.DriveList[0]!.BitLockerKey).toBe(job.DriveList[0]!.BitLockerKey);
    const doc = await downloadXml(job.IncompleteBlobListUri!);
    expect([doc.BlobList.BlobPath].flat().map((p: { '#text': string }) => p['#text'])).toEqual([
      `${c}/b.bin`,
      `${c}/c.bin`,
    ]);
    expect(await blobNames(CUSTOMER2.name, states)).toEqual([relative(job.IncompleteBlobListUri!, states)]);
  });
});
