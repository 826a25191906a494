import { DEFAULT_LOCATIONS } from '../../shared/import-export/model/locations';
import { extendedCode, startService, type TestService } from '../support/service';
import { putJob } from '../support/http-jobs';

/** Locations, storage accounts and the service document (docs/contract/import-export.md#a1, #a3, #a11). */
let svc: TestService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(() => svc.stop());

const json = async (path: string, opts: Parameters<TestService['call']>[2] = {}) => {
  const res = await svc.call('GET', path, opts);
  return { res, body: (await res.json()) as any };
};
const SET = 'Microsoft.Cis.Services.ImportExport.Public.ImportExportData';

describe('List Locations', () => {
  it('lists every location, each as the reference sample shows West US', async () => {
    const { res, body } = await json('/locations');
    expect(res.status).toBe(200);
    expect(body['odata.metadata']).toBe(`${svc.base()}/$metadata#${SET}.Locations`);
    expect(body['odata.count']).toBe(String(DEFAULT_LOCATIONS.length));
    expect(body.value.map((l: any) => l.Name)).toEqual(DEFAULT_LOCATIONS.map((l) => l.Name));
    expect(body.value[0]).toEqual({
      'odata.id': 'West US',
      'odata.editLink': `${svc.base()}/locations/West%20US`,
      Name: 'West US',
      RecipientName: 'Windows Azure Import Export Service',
      StreetAddress1: '2045 Lafayette Street',
      StreetAddress2: '',
      City: 'Santa Clara',
      StateOrProvince: 'CA',
      PostalCode: '95050',
      CountryOrRegion: 'USA',
      SupportedCarriers: ['FedEx'],
    });
    expect(JSON.stringify(body)).not.toContain('ServedRegions');
  });

  it.each([
    ['West%20US', ['West US']],
    ['west%20us%202', ['West US']],
    ['Germany%20West%20Central', ['West Europe']],
    ['Mars', []],
  ])('with originlocation=%s lists the location serving that region: %j', async (origin, expected) => {
    const { body } = await json(`/locations?originlocation=${origin}`);
    expect(body.value.map((l: any) => l.Name)).toEqual(expected);
    expect(body['odata.count']).toBe(String(expected.length));
  });

  it('treats an empty originlocation as none', async () => {
    const { body } = await json('/locations?originlocation=');
    expect(body.value).toHaveLength(DEFAULT_LOCATIONS.length);
  });

  it("answers HEAD with GET's headers and no body", async () => {
    const get = await svc.call('GET', '/locations/');
    const head = await svc.call('HEAD', '/locations');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(head.headers.get('content-length')).toBe(get.headers.get('content-length'));
  });

  it('matches the literal path segment case-insensitively', async () => {
    expect((await svc.call('GET', '/Locations')).status).toBe(200);
  });
});

describe('Get Location', () => {
  it('answers at every edit link of List Locations, as that list shows it', async () => {
    const { body } = await json('/locations');
    for (const item of body.value) {
      const res = await fetch(item['odata.editLink'], {
        headers: { 'x-ms-version': '2014-11-01', 'x-arr-clientcert': svc.cert.derBase64 },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        'odata.metadata': `${svc.base()}/$metadata#${SET}.Locations/@Element`,
        ...item,
      });
    }
  });

  it('finds a location case-insensitively and keeps its spelling', async () => {
    const { body } = await json('/locations/north%20EUROPE', {
      headers: { Accept: 'application/json;odata=fullmetadata' },
    });
    expect(body).toMatchObject({
      'odata.type': 'Microsoft.Cis.Services.ImportExport.Public.Location',
      'odata.id': 'North Europe',
      Name: 'North Europe',
    });
  });

  it('answers HEAD without a body', async () => {
    const res = await svc.call('HEAD', '/locations/East%20US');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('is 404 ResourceNotFound for an unknown location', async () => {
    const res = await svc.call('GET', '/locations/Atlantis');
    expect(res.status).toBe(404);
    expect(await extendedCode(res)).toBe('ResourceNotFound');
  });
});

describe('List Storage Accounts', () => {
  it('is empty before any job, then lists the accounts with jobs, sorted', async () => {
    const { body: none } = await json('/storageaccounts');
    expect(none).toEqual({
      'odata.metadata': `${svc.base()}/$metadata#${SET}.StorageAccounts`,
      'odata.count': '0',
      value: [],
    });
    await putJob(svc, 'InBeta', 'beta1');
    await putJob(svc, 'InAlpha', 'alpha1');
    await putJob(svc, 'AlsoAlpha', 'alpha1');
    const { body } = await json('/storageaccounts');
    expect(body['odata.count']).toBe('2');
    expect(body.value).toEqual([
      { 'odata.id': 'alpha1', 'odata.editLink': `${svc.base()}/storageaccounts/alpha1`, Name: 'alpha1' },
      { 'odata.id': 'beta1', 'odata.editLink': `${svc.base()}/storageaccounts/beta1`, Name: 'beta1' },
    ]);
    const { body: full } = await json('/StorageAccounts', {
      headers: { Accept: 'application/json;odata=fullmetadata' },
    });
    expect(full.value[0]['odata.type']).toBe('Microsoft.Cis.Services.ImportExport.Public.StorageAccount');
    const head = await svc.call('HEAD', '/storageaccounts');
    expect([head.status, await head.text()]).toEqual([200, '']);
  });
});

describe('Get Service Document', () => {
  it('is the feed of the three collections (reference §3.1)', async () => {
    const { res, body } = await json('');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/json;odata=minimalmetadata;streaming=true;charset=utf-8',
    );
    expect(body).toEqual({
      'odata.metadata': `${svc.base()}/$metadata`,
      value: [
        { name: 'StorageAccounts', url: 'storageaccounts' },
        { name: 'Jobs', url: 'jobs' },
        { name: 'Locations', url: 'locations' },
      ],
    });
  });

  it('has no odata.metadata without metadata', async () => {
    const { body } = await json('?$format=application/json;odata=nometadata');
    expect(Object.keys(body)).toEqual(['value']);
  });

  it('escapes slashes as the classic service did', async () => {
    const text = await (await svc.call('GET', '')).text();
    expect(text).toContain('http:\\/\\/127.0.0.1');
  });
});

describe('errors on these routes (docs/contract/import-export.md#a2, #a4)', () => {
  it.each([
    ['GET', '/locations', { version: null }, 400, 'MissingOrIncorrectVersionHeader'],
    ['GET', '/locations', { version: '2015-01-01' }, 400, 'MissingOrIncorrectVersionHeader'],
    ['GET', '/storageaccounts', { cert: null }, 403, 'AuthenticationFailed'],
    ['GET', '/locations', { headers: { Accept: 'text/html' } }, 406, 'NotAcceptable'],
    ['GET', '/locations?$format=atom', {}, 400, 'InvalidQueryParameterValue'],
    ['DELETE', '/locations', {}, 405, 'MethodNotAllowed'],
    ['PUT', '/locations/West%20US', { body: {} }, 405, 'MethodNotAllowed'],
    ['POST', '', {}, 405, 'MethodNotAllowed'],
    ['GET', '/locations', { headers: { 'X-HTTP-Method': 'GET' } }, 400, 'InvalidHttpVerb'],
    ['GET', '/nothing-here', {}, 404, 'ResourceNotFound'],
  ] as const)('%s %s %j is %i %s', async (method, path, opts, status, code) => {
    const res = await svc.call(method, path, opts);
    expect(res.status).toBe(status);
    expect(await extendedCode(res)).toBe(code);
  });

  it('a subscription that is not a GUID is 400 InvalidSubscriptionId', async () => {
    const res = await fetch(`${svc.url}/not-a-guid/services/importexport/locations`, {
      headers: { 'x-ms-version': '2014-11-01', 'x-arr-clientcert': svc.cert.derBase64 },
    });
    expect(res.status).toBe(400);
    expect(await extendedCode(res)).toBe('InvalidSubscriptionId');
  });

  it('a certificate of another subscription is 403 AuthenticationFailed', async () => {
    const res = await svc.call('GET', '/locations', { sub: '00000000-0000-0000-0000-000000000001' });
    expect(res.status).toBe(403);
    expect(await extendedCode(res)).toBe('AuthenticationFailed');
  });
});
