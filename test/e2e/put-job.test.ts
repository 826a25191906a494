import { exportJob, SAMPLE_ACCOUNT_KEY, samplePutJob } from '../support/samples';
import { extendedCode, startService, type TestService } from '../support/service';

/** Put Job's rules (docs/contract/import-export.md#a5) and Get Job's conditional headers (docs/contract/import-export.md#a6) over HTTP. */
let svc: TestService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(() => svc.stop());

const jobPath = (name: string, account = 'xttest') => `/storageaccounts/${account}/jobs/${name}`;
const put = (
  name: string,
  body: unknown,
  opts: { version?: string; headers?: Record<string, string>; account?: string } = {},
) => svc.call('PUT', jobPath(name, opts.account), { body, ...opts });
const edited = (name: string, f: (d: any) => void) => {
  const d: any = samplePutJob(name);
  f(d);
  return d;
};
const SAS = 'mycontainer?sv=2014-02-14&sr=c&sp=rwdl&sig=c2lnbmF0dXJl';

async function refused(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(await extendedCode(res)).toBe(code);
}

describe('Put Job refuses bad definitions, and changes nothing', () => {
  it.each<[string, (d: any) => void, string]>([
    ["a Name that is not the path's", (d) => (d.Name = 'Other'), 'JobNameMismatch'],
    [
      "a StorageAccountName that is not the path's",
      (d) => (d.Properties.StorageAccountName = 'other'),
      'StorageAccountNameMismatch',
    ],
    ['an unknown location', (d) => (d.Properties.Location = 'Atlantis'), 'InvalidLocation'],
    ['no credential', (d) => delete d.Properties.StorageAccountKey, 'MissingStorageCredential'],
    ['both credentials', (d) => (d.Properties.ContainerSas = SAS), 'ConflictingStorageCredential'],
    [
      'a SAS without signature',
      (d) => {
        delete d.Properties.StorageAccountKey;
        d.Properties.ContainerSas = 'mycontainer?sv=2014-02-14&sp=rwdl';
      },
      'InvalidContainerSas',
    ],
    ['no drives', (d) => (d.DriveList = []), 'InvalidDriveList'],
    ['a bad ManifestHash', (d) => (d.DriveList[0].ManifestHash = 'nothex'), 'InvalidDriveList'],
    ['a duplicate DriveId', (d) => (d.DriveList[1].DriveId = d.DriveList[0].DriveId), 'InvalidDriveList'],
    [
      'an Export on an import',
      (d) => (d.Export = { BlobListBlobPath: 'c1c/list.xml' }),
      'InvalidExportBlobList',
    ],
    ['an unknown property', (d) => (d.Properties.Colour = 'red'), 'InvalidRequestBody'],
    ['a wrong type', (d) => (d.Properties.BackupDriveManifest = 'true'), 'InvalidRequestBody'],
    ['an incomplete ReturnAddress', (d) => delete d.Properties.ReturnAddress.Email, 'InvalidRequestBody'],
    [
      'ImportExportStatesContainer under 2014-11-01',
      (d) => (d.Properties.ImportExportStatesContainer = 'logs'),
      'PropertyNotSupportedInVersion',
    ],
  ])('%s', async (_why, edit, code) => {
    await refused(await put('BadJob', edited('BadJob', edit)), 400, code);
    expect((await svc.call('GET', jobPath('BadJob'))).status).toBe(404);
  });

  it('ContainerSas and ImportExportStatesPath under 2014-05-01', async () => {
    const sas = edited('OldVersion', (d) => {
      delete d.Properties.StorageAccountKey;
      d.Properties.ContainerSas = SAS;
    });
    await refused(
      await put('OldVersion', sas, { version: '2014-05-01' }),
      400,
      'PropertyNotSupportedInVersion',
    );
    await refused(
      await put(
        'OldVersion',
        edited('OldVersion', (d) => (d.Properties.ImportExportStatesPath = 'logs')),
        { version: '2014-05-01' },
      ),
      400,
      'PropertyNotSupportedInVersion',
    );
  });

  it('an export without a selection, and an export with drives', async () => {
    const { Export: _e, ...bare } = exportJob('ExpBad');
    await refused(await put('ExpBad', bare), 400, 'InvalidExportBlobList');
    await refused(
      await put('ExpBad', { ...exportJob('ExpBad'), DriveList: samplePutJob().DriveList }),
      400,
      'InvalidDriveList',
    );
  });
});

describe('Put Job accepts', () => {
  it('a SAS job under 2014-11-01, never echoing the SAS', async () => {
    const body = edited('SasJob', (d) => {
      delete d.Properties.StorageAccountKey;
      d.Properties.ContainerSas = SAS;
      d.Properties.ImportExportStatesPath = 'logs';
    });
    expect((await put('SasJob', body)).status).toBe(201);
    const text = await (await svc.call('GET', jobPath('SasJob'))).text();
    expect(text).not.toContain('c2lnbmF0dXJl');
    expect(text).not.toContain('ContainerSas');
    expect(JSON.parse(text).Properties.ImportExportStatesPath).toBe('logs');
  });

  it('an export job, echoing its selection and showing no DriveList', async () => {
    expect(
      (
        await put(
          'ExpJob',
          exportJob('ExpJob', { BlobList: { BlobPath: ['pictures/a.jpg'], BlobPathPrefix: ['/$root/'] } }),
        )
      ).status,
    ).toBe(201);
    const body = (await (await svc.call('GET', jobPath('ExpJob'))).json()) as any;
    expect(body.Export).toEqual({ BlobList: { BlobPath: ['pictures/a.jpg'], BlobPathPrefix: ['/$root/'] } });
    expect(body).not.toHaveProperty('DriveList');
    expect(body.Properties.Type).toBe('Export');
  });

  it('a lower-case Type, stored capitalised', async () => {
    expect(
      (
        await put(
          'LowerType',
          edited('LowerType', (d) => (d.Properties.Type = 'import')),
        )
      ).status,
    ).toBe(201);
    expect(((await (await svc.call('GET', jobPath('LowerType'))).json()) as any).Properties.Type).toBe(
      'Import',
    );
  });
});

describe('names are unique per subscription, case-insensitively', () => {
  it('a Put in another case replaces the Creating job and keeps the first spelling', async () => {
    expect((await put('CaseJob', samplePutJob('CaseJob'))).status).toBe(201);
    expect(
      (
        await put(
          'CASEJOB',
          edited('CASEJOB', (d) => (d.Properties.Description = 'again')),
        )
      ).status,
    ).toBe(201);
    const body = (await (await svc.call('GET', jobPath('casejob'))).json()) as any;
    expect(body.Name).toBe('CaseJob');
    expect(body.Properties.Description).toBe('again');
  });

  it('a name taken under another storage account is 409 JobAlreadyExists', async () => {
    expect((await put('AcctJob', samplePutJob('AcctJob'))).status).toBe(201);
    const body = edited('AcctJob', (d) => (d.Properties.StorageAccountName = 'otheracct'));
    await refused(await put('AcctJob', body, { account: 'otheracct' }), 409, 'JobAlreadyExists');
  });
});

describe('conditional headers', () => {
  it('If-None-Match: * creates only; If-Match replaces only the version it names', async () => {
    const first = await put('CondJob', samplePutJob('CondJob'), { headers: { 'If-None-Match': '*' } });
    expect(first.status).toBe(201);
    await refused(
      await put('CondJob', samplePutJob('CondJob'), { headers: { 'If-None-Match': '*' } }),
      412,
      'ConditionNotMet',
    );
    await refused(
      await put('NoSuchJob', samplePutJob('NoSuchJob'), { headers: { 'If-Match': '*' } }),
      412,
      'ConditionNotMet',
    );
    const etag = first.headers.get('etag')!;
    const second = await put('CondJob', samplePutJob('CondJob'), { headers: { 'If-Match': etag } });
    expect(second.status).toBe(201);
    expect(second.headers.get('etag')).not.toBe(etag);
    await refused(
      await put('CondJob', samplePutJob('CondJob'), { headers: { 'If-Match': etag } }),
      412,
      'ConditionNotMet',
    );
  });

  it('Get Job answers 412, never 304, and honours the allowed pairs only', async () => {
    const etag = (await svc.call('GET', jobPath('CondJob'))).headers.get('etag')!;
    const lastModified = (await svc.call('GET', jobPath('CondJob'))).headers.get('last-modified')!;
    await refused(
      await svc.call('GET', jobPath('CondJob'), { headers: { 'If-None-Match': etag } }),
      412,
      'ConditionNotMet',
    );
    expect((await svc.call('GET', jobPath('CondJob'), { headers: { 'If-Match': etag } })).status).toBe(200);
    await refused(
      await svc.call('GET', jobPath('CondJob'), { headers: { 'If-Modified-Since': lastModified } }),
      412,
      'ConditionNotMet',
    );
    expect(
      (await svc.call('GET', jobPath('CondJob'), { headers: { 'If-Unmodified-Since': lastModified } }))
        .status,
    ).toBe(200);
    const pair = { 'If-None-Match': '"other"', 'If-Modified-Since': lastModified };
    expect((await svc.call('GET', jobPath('CondJob'), { headers: pair })).status).toBe(200);
    await refused(
      await svc.call('GET', jobPath('CondJob'), { headers: { 'If-Match': etag, 'If-None-Match': etag } }),
      400,
      'MultipleConditionHeadersNotSupported',
    );
  });
});

describe('the active-job quota (docs/contract/import-export.md#d3)', () => {
  it('50 concurrent Put Jobs for 50 names yield exactly 20 successes and 30 ActiveJobQuotaExceeded', async () => {
    const sub = (await import('../support/runtime')).newSubscription();
    const { readCertificate } = await import('../../shared/identity/client-certificate');
    await svc.rt.certificates.put(sub, readCertificate(svc.cert.derBase64)!);
    const results = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const res = await svc.call('PUT', jobPath(`Quota${i}`), { sub, body: samplePutJob(`Quota${i}`) });
        return res.status === 201 ? 'created' : await extendedCode(res);
      }),
    );
    expect(results.filter((r) => r === 'created')).toHaveLength(20);
    expect(results.filter((r) => r === 'ActiveJobQuotaExceeded')).toHaveLength(30);
  });
});

it('keeps the account key out of every response', async () => {
  const res = await svc.call('GET', jobPath('CondJob'));
  expect(await res.text()).not.toContain(SAMPLE_ACCOUNT_KEY.slice(0, 20));
});
