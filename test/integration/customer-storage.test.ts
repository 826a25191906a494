import { randomBytes } from 'node:crypto';
import { CustomerStorageFailure } from '../../shared/import-export/model/errors';
import type { Credential, Job } from '../../shared/import-export/model/model';
import { CustomerBlobStorage } from '../../shared/adapters/blob/customer-blob-storage';
import {
  blobNames,
  containerSas,
  CUSTOMER1,
  CUSTOMER2,
  download,
  putBlob,
  serviceOf,
} from '../support/customer-blobs';
import { importJob } from '../support/job-values';

const storage = new CustomerBlobStorage(process.env.CUSTOMER_BLOB_ENDPOINT ?? '', 10_000);
const unique = (p: string) => `${p}${randomBytes(4).toString('hex')}`;

function jobOn(account: string, credential: Credential, statesPath: string): Job {
  return importJob({
    StorageAccountName: account,
    Credential: credential,
    ImportExportStatesPath: statesPath,
  });
}
const keyOf = (a: { key: string }): Credential => ({ Kind: 'StorageAccountKey', Key: a.key });
const sasOf = (sas: string): Credential => {
  const [Container, Token] = sas.split('?') as [string, string];
  return { Kind: 'ContainerSas', Container, Token };
};

async function failureOf(p: Promise<unknown>): Promise<CustomerStorageFailure> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CustomerStorageFailure);
  return err as CustomerStorageFailure;
}

describe('the customer’s storage with the account key (docs/contract/import-export.md#b2, #b3)', () => {
  it('writes an application/xml block blob into the states container, creating it, and answers its URL without the key', async () => {
    const states = unique('states');
    const job = jobOn(CUSTOMER1.name, keyOf(CUSTOMER1), states);
    const { url, outcome } = await storage.writeState(
      job,
      'waies/MySampleJob_D1_20240101-000000-000_error.xml',
      '<a/>',
    );
    expect(outcome).toBe('written');
    expect(url).toBe(
      `${process.env.CUSTOMER_BLOB_ENDPOINT!.replace('{account}', 'customer1')}/${states}/waies/MySampleJob_D1_20240101-000000-000_error.xml`,
    );
    expect(url).not.toContain('?');
    expect(await download(url)).toEqual({ text: '<a/>', contentType: 'application/xml' });
  });

  it('lists blobs with their snapshots, in one container or in every container with a prefix', async () => {
    const c = unique('bob');
    const blob = await putBlob(CUSTOMER2.name, c, 'dir/a.txt', 'hello');
    const snap = await blob.createSnapshot();
    await putBlob(CUSTOMER2.name, `${c}kids`, 'b.txt', 'hi');
    const job = jobOn(CUSTOMER2.name, keyOf(CUSTOMER2), 'waimportexport');
    const one = await storage.list(job, { container: { exact: c }, blobPrefix: 'dir/' });
    expect(one.map((i) => [i.name, i.snapshot ?? null, i.length])).toEqual(
      expect.arrayContaining([
        ['dir/a.txt', null, 5],
        ['dir/a.txt', snap.snapshot, 5],
      ]),
    );
    const both = await storage.list(job, { container: { prefix: c }, blobPrefix: '' });
    expect(new Set(both.map((i) => i.container))).toEqual(new Set([c, `${c}kids`]));
  });

  it('reads a blob’s text, and reports a missing one as NotFound', async () => {
    const c = unique('lists');
    await putBlob(CUSTOMER1.name, c, 'list.xml', '\uFEFF<BlobList/>');
    const job = jobOn(CUSTOMER1.name, keyOf(CUSTOMER1), 'waimportexport');
    expect(await storage.read(job, c, 'list.xml', 1024)).toBe('<BlobList/>');
    expect((await failureOf(storage.read(job, c, 'none.xml', 1024))).kind).toBe('NotFound');
  });

  it('refuses a blob longer than the bound by its length, as TooLarge, without reading it', async () => {
    const c = unique('lists');
    await putBlob(CUSTOMER1.name, c, 'big.xml', 'x'.repeat(4096));
    const job = jobOn(CUSTOMER1.name, keyOf(CUSTOMER1), 'waimportexport');
    const failure = await failureOf(storage.read(job, c, 'big.xml', 4095));
    expect(failure.kind).toBe('TooLarge');
    expect(failure.reason).toContain('4095 bytes');
    expect(await storage.read(job, c, 'big.xml', 4096)).toHaveLength(4096);
  });

  it('never replaces a state blob already there: it answers whether the one there has the same text', async () => {
    const states = unique('states');
    const job = jobOn(CUSTOMER1.name, keyOf(CUSTOMER1), states);
    const name = 'waies/J_D1_20240101-000000-000_error.xml';
    const first = await storage.writeState(job, name, '<a>1</a>');
    expect(first.outcome).toBe('written');
    expect((await storage.writeState(job, name, '<a>1</a>')).outcome).toBe('same');
    expect((await storage.writeState(job, name, '<a>2</a>')).outcome).toBe('different');
    expect((await storage.writeState(job, name, '<a>22</a>')).outcome).toBe('different');
    expect((await download(first.url)).text).toBe('<a>1</a>');
  });

  it('reports a wrong key as Forbidden (403), with a reason that carries no secret', async () => {
    const job = jobOn(CUSTOMER1.name, keyOf(CUSTOMER2), 'waimportexport');
    const failure = await failureOf(storage.writeState(job, 'waies/x.xml', '<a/>'));
    expect(failure.kind).toBe('Forbidden');
    expect(failure.reason).toMatch(/^403/);
    expect(failure.reason).not.toContain(CUSTOMER2.key);
  });
});

describe('the customer’s storage with a container SAS (docs/contract/import-export.md#b2, #b3)', () => {
  it('writes beneath the SAS container, in the states path as a virtual directory, and never outside it', async () => {
    const c = unique('sas');
    await serviceOf(CUSTOMER1.name).getContainerClient(c).create();
    const sas = containerSas(CUSTOMER1.name, c);
    const job = jobOn(CUSTOMER1.name, sasOf(sas), 'mylogs/run1');
    const { url } = await storage.writeState(job, 'waies/J_D_20240101-000000-000_error.xml', '<a/>');
    expect(url).toBe(
      `${process.env.CUSTOMER_BLOB_ENDPOINT!.replace('{account}', 'customer1')}/${c}/mylogs/run1/waies/J_D_20240101-000000-000_error.xml`,
    );
    expect(url).not.toContain('sig=');
    expect(await blobNames(CUSTOMER1.name, c)).toEqual([
      'mylogs/run1/waies/J_D_20240101-000000-000_error.xml',
    ]);
    expect(await blobNames(CUSTOMER1.name, 'mylogs')).toEqual([]);
  });

  it('cannot reach another container, even with a token that names it', async () => {
    const c = unique('sas');
    const other = unique('other');
    await serviceOf(CUSTOMER1.name).getContainerClient(c).create();
    await putBlob(CUSTOMER1.name, other, 'secret.txt', 'secret');
    const job = jobOn(CUSTOMER1.name, sasOf(containerSas(CUSTOMER1.name, c)), 'waimportexport');
    expect((await failureOf(storage.read(job, other, 'secret.txt', 1024))).kind).toBe('Forbidden');
    expect((await failureOf(storage.list(job, { container: { prefix: '' }, blobPrefix: '' }))).kind).toBe(
      'Forbidden',
    );
    // Even addressed directly at the other container, the container's token is refused by storage.
    const [, token] = containerSas(CUSTOMER1.name, c).split('?');
    const forged = jobOn(CUSTOMER1.name, { Kind: 'ContainerSas', Container: other, Token: token! }, 'x');
    expect((await failureOf(storage.writeState(forged, 'waies/x.xml', '<a/>'))).kind).toBe('Forbidden');
    expect(await blobNames(CUSTOMER1.name, other)).toEqual(['secret.txt']);
  });

  it('reports what the SAS does not permit as Forbidden', async () => {
    const c = unique('sas');
    await putBlob(CUSTOMER1.name, c, 'a.txt', 'a');
    const job = jobOn(
      CUSTOMER1.name,
      sasOf(containerSas(CUSTOMER1.name, c, { permissions: 'w' })),
      'waimportexport',
    );
    expect((await failureOf(storage.list(job, { container: { exact: c }, blobPrefix: '' }))).kind).toBe(
      'Forbidden',
    );
    expect((await failureOf(storage.read(job, c, 'a.txt', 1024))).kind).toBe('Forbidden');
  });
});

describe('the customer’s storage after the customer removed the states container', () => {
  it('creates it again: a process that created it once does not fail every later write', async () => {
    const states = unique('states');
    const job = jobOn(CUSTOMER1.name, keyOf(CUSTOMER1), states);
    await storage.writeState(job, 'waies/J_D1_20240101-000000-000_error.xml', '<a/>');
    await serviceOf(CUSTOMER1.name).getContainerClient(states).delete();
    // Azurite frees a deleted container's name at once; Azure may answer 409 ContainerBeingDeleted for a while.
    const again = await storage.writeState(job, 'waies/J_D1_20240101-000000-001_error.xml', '<b/>');
    expect(again.outcome).toBe('written');
    expect(await download(again.url)).toEqual({ text: '<b/>', contentType: 'application/xml' });
  });
});
