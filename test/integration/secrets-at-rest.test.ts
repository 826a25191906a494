import { TableClient } from '@azure/data-tables';
import { issueCertificate } from '../../local-host/certificates';
import { readCertificate } from '../../shared/identity/client-certificate';
import { samplePutJob, SAMPLE_ACCOUNT_KEY, sampleDrives } from '../support/samples';
import { startService, type TestService } from '../support/service';

/**
 * docs/contract/import-export.md#d2: no account key, SAS signature or BitLocker key in clear in any stored entity or in
 * the logs. The rows are read raw, as anyone with access to the storage account would.
 */
let svc: TestService;
const logs: string[] = [];
const SAS_SIG = 'U2VjcmV0U2lnbmF0dXJl';

beforeAll(async () => {
  svc = await startService({}, { log: (line) => logs.push(line) });
  await svc.call('PUT', '/storageaccounts/xttest/jobs/KeyJob', { body: samplePutJob('KeyJob') });
  const sas: any = samplePutJob('SasJob');
  delete sas.Properties.StorageAccountKey;
  sas.Properties.ContainerSas = `mycontainer?sv=2014-02-14&sr=c&sp=rwdl&sig=${SAS_SIG}`;
  await svc.call('PUT', '/storageaccounts/xttest/jobs/SasJob', { body: sas });
  // Failing requests are logged too: a malformed body that carries a key, an unknown route.
  await svc.call('PUT', '/storageaccounts/xttest/jobs/BadJob', {
    body: `{"Properties":{"StorageAccountKey":"${SAMPLE_ACCOUNT_KEY}"`,
  });
  await svc.call('GET', '/storageaccounts/xttest/jobs/KeyJob');
});
afterAll(() => svc.stop());

const SECRETS = [SAMPLE_ACCOUNT_KEY, SAS_SIG, ...sampleDrives().map((d) => d.BitLockerKey)];

async function rawRows(table: string): Promise<string> {
  const client = TableClient.fromConnectionString(
    process.env.AzureWebJobsStorage!,
    `${svc.rt.config.storagePrefix}${table}`,
    { allowInsecureConnection: true },
  );
  const rows: unknown[] = [];
  for await (const row of client.listEntities()) rows.push(row);
  expect(rows.length).toBeGreaterThan(0);
  return JSON.stringify(rows);
}

describe('secrets at rest', () => {
  it('the jobs table holds no key, SAS signature or BitLocker key in clear', async () => {
    const dump = await rawRows('jobs');
    expect(dump).toContain('KeyJob');
    for (const secret of SECRETS) expect(dump).not.toContain(secret);
  });

  it('yet the service reads them back (the import BitLocker keys are returned by Get Job)', async () => {
    const job = (await svc.rt.jobs.store.get(svc.sub, 'SasJob'))!.value;
    expect(job.Credential).toMatchObject({ Kind: 'ContainerSas', Token: expect.stringContaining(SAS_SIG) });
    const body = await (await svc.call('GET', '/storageaccounts/xttest/jobs/KeyJob')).text();
    expect(body).toContain(sampleDrives()[0]!.BitLockerKey);
  });

  it('the logs hold none of them', () => {
    expect(logs.length).toBeGreaterThan(0);
    const all = logs.join('\n');
    for (const secret of SECRETS) expect(all).not.toContain(secret);
  });
});

describe('the certificates table', () => {
  it('stores, lists and deletes certificates by subscription and thumbprint', async () => {
    const c = readCertificate(issueCertificate({ commonName: 'stored' }).derBase64)!;
    const sub = '99999999-9999-4999-8999-999999999999';
    await svc.rt.certificates.put(sub, c);
    expect(await svc.rt.certificates.get(sub, c.Thumbprint)).toEqual(c);
    expect((await svc.rt.certificates.list(sub)).map((x) => x.Thumbprint)).toEqual([c.Thumbprint]);
    expect(await svc.rt.certificates.delete(sub, c.Thumbprint)).toBe(true);
    expect(await svc.rt.certificates.delete(sub, c.Thumbprint)).toBe(false);
    expect(await svc.rt.certificates.get(sub, c.Thumbprint)).toBeUndefined();
  });
});
