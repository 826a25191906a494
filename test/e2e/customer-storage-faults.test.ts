import { stamp } from '../../shared/import-export/datacenter/blob-names';
import { BlobPlanStore } from '../../shared/adapters/blob/blob-plan-store';
import { ServiceBlobs } from '../../shared/adapters/blob/service-blobs';
import { blobNames, containerSas, CUSTOMER1, putBlob, serviceOf } from '../support/customer-blobs';
import { manifestFor, uniqueName } from '../support/datacenter';
import { lifecycle } from '../support/lifecycle';
import { TestClock } from '../support/runtime';
import { startService, type TestService } from '../support/service';
import { RETURN_ADDRESS } from '../support/shipping';

/**
 * docs/contract/import-export.md#b3: the blobs of an operator action are written before the job records them, so a write
 * that fails (storage refuses it, or fails half-way through an action's blobs) answers 502
 * StorageWriteFailed and leaves the job exactly as it was; the service's own storage out of reach
 * is 503 (docs/contract/import-export.md#d6). The clock is fixed, so the names of the blobs a call will write are known.
 */
const clock = new TestClock(new Date());
let svc: TestService;
beforeAll(async () => {
  svc = await startService({}, { now: clock.now });
});
afterAll(() => svc.stop());

const { jobPath, opPath, operator, putImport, customerMarksShipping } = lifecycle(() => svc);

async function versionOf(account: string, name: string): Promise<{ etag: string | null; body: any }> {
  const res = await svc.call('GET', jobPath(account, name));
  expect(res.status).toBe(200);
  return { etag: res.headers.get('etag'), body: await res.json() };
}

async function refused502(res: Response, reason: RegExp) {
  expect(res.status).toBe(502);
  const body = (await res.json()) as any;
  expect(body['odata.error']['azure.values']).toEqual([
    { ExtendedCode: 'StorageWriteFailed' },
    { ExtendedInformation: expect.stringMatching(reason) },
  ]);
}

/** A container of customer1 whose stored access policy `readonly` may read and list, not write. */
async function readOnlyContainer(): Promise<string> {
  const name = uniqueName('readonly');
  const container = serviceOf(CUSTOMER1.name).getContainerClient(name);
  await container.create();
  await container.setAccessPolicy(undefined, [
    { id: 'readonly', accessPolicy: { permissions: 'rl', expiresOn: new Date('2099-01-01') } },
  ]);
  return name;
}

describe('a blob write that fails leaves the job as it was', () => {
  it('half-way through a completion (its manifest backup is leased): 502, nothing recorded; then it completes', async () => {
    const name = uniqueName('Half');
    const states = uniqueName('halfstates');
    await putImport(CUSTOMER1.name, CUSTOMER1.key, name, ['H1'], {
      ImportExportStatesPath: states,
      EnableVerboseLog: true,
      BackupDriveManifest: true,
    });
    await customerMarksShipping(CUSTOMER1.name, name);
    await operator('POST', opPath(name, '/receive'), { Drives: [{ DriveId: 'H1' }] });
    await operator('POST', opPath(name, '/drives/H1/start'));
    const backup = `waies/${name}_H1_${stamp(clock.now())}_manifest.xml`;
    const leased = await putBlob(CUSTOMER1.name, states, backup, 'in the way');
    const lease = leased.getBlobLeaseClient();
    await lease.acquireLease(-1);
    const before = await versionOf(CUSTOMER1.name, name);

    const report = { CopyStatus: 'Completed', Manifest: manifestFor('H1').xml };
    await refused502(
      await svc.operator('POST', opPath(name, '/drives/H1/complete'), report),
      /^412 LeaseIdMissing/,
    );
    const after = await versionOf(CUSTOMER1.name, name);
    expect(after).toEqual(before);
    expect(after.body.DriveList[0]).toMatchObject({ State: 'Transferring', CopyStatus: 'InProgress' });
    expect(after.body.DriveList[0]).not.toHaveProperty('ErrorLogUri');
    // The logs written before the failure stay, unreferenced; the job never points at a missing blob.
    expect((await blobNames(CUSTOMER1.name, states)).length).toBe(3);

    await lease.releaseLease();
    const done = await operator('POST', opPath(name, '/drives/H1/complete'), report);
    expect(done.DriveList[0].State).toBe('Completed');
    expect(done.DriveList[0].ManifestUri).toMatch(new RegExp(`${backup.replace(/\./g, '\\.')}$`));
  });

  it('an export receive whose incomplete blob list storage refuses (a read-only SAS): 502, the job still Shipping', async () => {
    const container = await readOnlyContainer();
    for (const [blob, size] of [
      ['a.bin', 400],
      ['b.bin', 300],
      ['c.bin', 500],
    ] as const)
      await putBlob(CUSTOMER1.name, container, blob, size);
    const name = uniqueName('RoExport');
    const put = await svc.call('PUT', jobPath(CUSTOMER1.name, name), {
      body: {
        Properties: {
          ContainerSas: containerSas(CUSTOMER1.name, container, { identifier: 'readonly' }),
          Location: 'West US',
          Type: 'Export',
          ReturnAddress: RETURN_ADDRESS,
        },
        Export: { BlobList: { BlobPathPrefix: [`/${container}/`] } },
      },
    });
    expect(put.status).toBe(201);
    await customerMarksShipping(CUSTOMER1.name, name);
    const before = await versionOf(CUSTOMER1.name, name);
    const res = await svc.operator('POST', opPath(name, '/receive'), {
      Drives: [{ DriveId: 'RO-1', CapacityBytes: 750 }],
    });
    await refused502(res, /^403/);
    expect(await versionOf(CUSTOMER1.name, name)).toEqual(before);
    expect(before.body).not.toHaveProperty('DriveList');
    expect(await blobNames(CUSTOMER1.name, container)).toEqual(['a.bin', 'b.bin', 'c.bin']);
  });

  it('an import completion under a read-only SAS, and the sandbox advancing a job it cannot log: 502, unchanged', async () => {
    const container = await readOnlyContainer();
    const name = uniqueName('RoImport');
    await putImport(CUSTOMER1.name, CUSTOMER1.key, name, ['R1'], {
      StorageAccountKey: undefined,
      ContainerSas: containerSas(CUSTOMER1.name, container, { identifier: 'readonly' }),
    });
    await customerMarksShipping(CUSTOMER1.name, name);
    await operator('POST', opPath(name, '/advance'));
    await operator('POST', opPath(name, '/advance'));
    const before = await versionOf(CUSTOMER1.name, name);
    expect(before.body.Properties.State).toBe('Transferring');
    await refused502(
      await svc.operator('POST', opPath(name, '/drives/R1/complete'), {
        CopyStatus: 'Completed',
        Manifest: manifestFor('R1').xml,
      }),
      /^403/,
    );
    await refused502(await svc.operator('POST', opPath(name, '/advance')), /^403/);
    expect(await versionOf(CUSTOMER1.name, name)).toEqual(before);
    expect(await blobNames(CUSTOMER1.name, container)).toEqual([]);
  });
});

describe("the service's own blob storage out of reach", () => {
  it('an export receive that cannot save its plan answers 503 with Retry-After, and the job is unchanged', async () => {
    const source = uniqueName('plansrc');
    await putBlob(CUSTOMER1.name, source, 'a.bin', 10);
    const name = uniqueName('NoPlan');
    const put = await svc.call('PUT', jobPath(CUSTOMER1.name, name), {
      body: {
        Properties: {
          StorageAccountKey: CUSTOMER1.key,
          Location: 'West US',
          Type: 'Export',
          ReturnAddress: RETURN_ADDRESS,
        },
        Export: { BlobList: { BlobPathPrefix: [`/${source}/`] } },
      },
    });
    expect(put.status).toBe(201);
    await customerMarksShipping(CUSTOMER1.name, name);
    const before = await versionOf(CUSTOMER1.name, name);
    const dead = process.env.AzureWebJobsStorage!.replace(
      /BlobEndpoint=[^;]+/,
      'BlobEndpoint=http://127.0.0.1:9/devstoreaccount1',
    );
    const plans = svc.rt.datacenter.plans;
    svc.rt.datacenter.plans = new BlobPlanStore(
      new ServiceBlobs({ kind: 'connectionString', connectionString: dead }, svc.rt.config.storagePrefix),
    );
    try {
      const res = await svc.operator('POST', opPath(name, '/receive'), {
        Drives: [{ DriveId: 'P1', CapacityBytes: 100 }],
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(((await res.json()) as any)['odata.error']['azure.values'][0].ExtendedCode).toBe(
        'ServiceUnavailable',
      );
    } finally {
      svc.rt.datacenter.plans = plans;
    }
    expect(await versionOf(CUSTOMER1.name, name)).toEqual(before);
    expect(
      (await operator('POST', opPath(name, '/receive'), { Drives: [{ DriveId: 'P1', CapacityBytes: 100 }] }))
        .Properties.State,
    ).toBe('Received');
  });
});
