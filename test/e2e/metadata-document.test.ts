import { XMLParser } from 'fast-xml-parser';
import { extendedCode, startService, type TestService } from '../support/service';
import { forceJobStateForTest } from '../support/jobs';
import { deliveryPackage, jobPath, patchJob, putJob } from '../support/http-jobs';
import { exportJob } from '../support/samples';

/**
 * Get Metadata Document (docs/contract/import-export.md#a11): the EDMX, and a check that it declares every property,
 * with its type, of every entity the service returns (jobs in every state's shape, locations,
 * storage accounts).
 */
const NS = 'Microsoft.Cis.Services.ImportExport.Public';
let svc: TestService;
let xml: string;
let types: Map<string, Map<string, { type: string; nullable: boolean }>>;

beforeAll(async () => {
  svc = await startService();
  const res = await svc.call('GET', '/$metadata');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/xml;charset=utf-8');
  xml = await res.text();
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['EntityType', 'ComplexType', 'Property', 'EntitySet'].includes(name),
  }).parse(xml);
  const schema = doc['edmx:Edmx']['edmx:DataServices'].Schema;
  expect(schema.Namespace).toBe(NS);
  types = new Map();
  for (const t of [...schema.EntityType, ...schema.ComplexType]) {
    types.set(
      `${NS}.${t.Name}`,
      new Map(t.Property.map((p: any) => [p.Name, { type: p.Type, nullable: p.Nullable !== 'false' }])),
    );
  }
  await seedEveryShape();
});
afterAll(() => svc.stop());

const seen = new Set<string>();

/** Checks `value` against EDMX type `type`, recording the property paths it visited. */
function check(value: unknown, type: string, path: string): void {
  const collection = /^Collection\((.+)\)$/.exec(type);
  if (collection) {
    expect([path, Array.isArray(value)]).toEqual([path, true]);
    for (const v of value as unknown[]) check(v, collection[1]!, path);
    return;
  }
  const primitive: Record<string, (v: unknown) => boolean> = {
    'Edm.String': (v) => typeof v === 'string',
    'Edm.Boolean': (v) => typeof v === 'boolean',
    'Edm.Int32': (v) => Number.isInteger(v),
    'Edm.DateTime': (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  };
  if (primitive[type]) {
    expect([path, type, primitive[type](value)]).toEqual([path, type, true]);
    return;
  }
  const props = types.get(type);
  expect([path, type, props !== undefined]).toEqual([path, type, true]);
  const object = value as Record<string, unknown>;
  for (const [name, v] of Object.entries(object)) {
    if (name.startsWith('odata.')) continue;
    const declared = props!.get(name);
    expect([`${path}.${name}`, declared !== undefined]).toEqual([`${path}.${name}`, true]);
    seen.add(`${type.slice(NS.length + 1)}.${name}`);
    check(v, declared!.type, `${path}.${name}`);
  }
  for (const [name, p] of props!) {
    if (!p.nullable) expect([`${path}.${name}`, name in object]).toEqual([`${path}.${name}`, true]);
  }
}

/** Jobs with every optional property set: an import shipped back, an export part way, one with a blob list blob. */
async function seedEveryShape() {
  await putJob(svc, 'FullImport');
  const shipped = await patchJob(svc, 'FullImport', {
    ReturnShipping: { CarrierName: 'FedEx', CarrierAccountNumber: '123' },
    Metadata: 'm',
    DeliveryPackage: deliveryPackage('TN-full'),
    State: 'Shipping',
  });
  expect(shipped.status).toBe(200);
  const imp = (await svc.rt.jobs.store.get(svc.sub, 'FullImport'))!.value;
  await forceJobStateForTest(svc.rt, svc.sub, 'FullImport', 'Completed', {
    PercentComplete: 100,
    ReturnPackage: deliveryPackage('TN-back'),
    DriveList: imp.DriveList.map((d) => ({
      ...d,
      State: 'ShippedBack',
      CopyStatus: 'Completed',
      PercentComplete: 100,
      ErrorLogUri: 'https://x.blob.core.windows.net/waimportexport/waies/a_error.xml',
      VerboseLogUri: 'https://x.blob.core.windows.net/waimportexport/waies/a_verbose.xml',
      ManifestUri: 'https://x.blob.core.windows.net/waimportexport/waies/a_manifest.xml',
    })),
  });
  await putJob(
    svc,
    'FullExport',
    'xttest',
    exportJob('FullExport', { BlobList: { BlobPath: ['pictures/bob.jpg'], BlobPathPrefix: ['/pictures/'] } }),
  );
  await forceJobStateForTest(svc.rt, svc.sub, 'FullExport', 'Transferring', {
    PercentComplete: 40,
    IncompleteBlobListUri:
      'https://x.blob.core.windows.net/waimportexport/waies/FullExport_incomplete-blobs.xml',
    DriveList: [
      {
        DriveId: 'EXP1',
        State: 'Transferring',
        CopyStatus: 'InProgress',
        PercentComplete: 40,
        BitLockerKey: '000000-000000-000000-000000-000000-000000-000000-000000',
      },
    ],
  });
  await putJob(
    svc,
    'ListBlobExport',
    'xttest',
    exportJob('ListBlobExport', { BlobListBlobPath: 'lists/list.xml' }),
  );
}

const get = async (path: string, version = '2014-11-01') => {
  const res = await svc.call('GET', path, {
    version,
    headers: { Accept: 'application/json;odata=fullmetadata' },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as any;
};

describe('Get Metadata Document', () => {
  it('declares the container of docs/contract/import-export.md#a11', () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"/);
    for (const set of ['StorageAccounts', 'Jobs', 'Locations'])
      expect(xml).toContain(`<EntitySet Name="${set}"`);
    expect(xml).toContain('<EntityContainer Name="ImportExportData" m:IsDefaultEntityContainer="true">');
    expect(types.get(`${NS}.Properties`)!.get('CreatedTime')).toEqual({
      type: 'Edm.DateTime',
      nullable: true,
    });
  });

  it.each(['2014-05-01', '2014-11-01'])('declares every property of Get Job under %s', async (version) => {
    for (const name of ['FullImport', 'FullExport', 'ListBlobExport'])
      check(await get(jobPath(name), version), `${NS}.Job`, name);
  });

  it('declares every property of List Jobs items, CreatedTime included', async () => {
    const body = await get('/storageaccounts/xttest/jobs');
    expect(body.value).toHaveLength(3);
    for (const item of body.value) check(item, `${NS}.Job`, item.Name);
    expect(seen).toContain('Properties.CreatedTime');
  });

  it('declares every property of locations and storage accounts', async () => {
    for (const l of (await get('/locations')).value) check(l, `${NS}.Location`, l.Name);
    check(await get('/locations/West%20US'), `${NS}.Location`, 'West US');
    for (const a of (await get('/storageaccounts')).value) check(a, `${NS}.StorageAccount`, a.Name);
  });

  it('was checked against every optional property the service can return', () => {
    for (const p of [
      'Properties.PercentComplete',
      'Properties.ReturnShipping',
      'Properties.DeliveryPackage',
      'Properties.ReturnPackage',
      'Properties.IncompleteBlobListUri',
      'Properties.ImportExportStatesContainer',
      'Properties.ImportExportStatesPath',
      'Package.DriveCount',
      'Package.ShipDate',
      'Drive.CopyStatus',
      'Drive.PercentComplete',
      'Drive.ErrorLogUri',
      'Drive.VerboseLogUri',
      'Drive.ManifestUri',
      'Drive.BitLockerKey',
      'ExportFragment.BlobList',
      'ExportFragment.BlobListBlobPath',
      'BlobList.BlobPathPrefix',
      'Location.SupportedCarriers',
      'StorageAccount.Name',
    ])
      expect(seen).toContain(p);
  });

  it('is 406 NotAcceptable for a JSON Accept, and takes application/xml or $format=xml', async () => {
    const json = await svc.call('GET', '/$metadata', { headers: { Accept: 'application/json' } });
    expect(json.status).toBe(406);
    expect(await extendedCode(json)).toBe('NotAcceptable');
    expect((await svc.call('GET', '/$metadata', { headers: { Accept: 'application/xml' } })).status).toBe(
      200,
    );
    expect((await svc.call('GET', '/$metadata?$format=xml')).status).toBe(200);
    const badFormat = await svc.call('GET', '/$metadata?$format=json');
    expect(badFormat.status).toBe(400);
    expect(await extendedCode(badFormat)).toBe('InvalidQueryParameterValue');
  });
});
