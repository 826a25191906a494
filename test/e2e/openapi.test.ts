import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CUSTOMER1, putBlob } from '../support/customer-blobs';
import { manifestFor, uniqueName } from '../support/datacenter';
import { lifecycle } from '../support/lifecycle';
import { OpenApiContract } from '../support/openapi-contract';
import { startService, type TestService } from '../support/service';
import { RETURN_ADDRESS } from '../support/shipping';

/**
 * GET /openapi.json, and real answers of both APIs checked against the document's own schemas
 * (statuses, headers, bodies), so that the document cannot drift from the service.
 */
let svc: TestService;
let contract: OpenApiContract;
beforeAll(async () => {
  svc = await startService();
  const res = await fetch(`${svc.url}/openapi.json`);
  contract = new OpenApiContract((await res.json()) as Record<string, unknown>);
});
afterAll(() => svc.stop());

const { jobPath, opPath, operator, putImport, customerMarksShipping } = lifecycle(() => svc);

/** Asserts an answer conforms to the document; answers the answer for more checks. */
async function conforms(res: Response, method: string, status: number): Promise<Response> {
  expect(res.status).toBe(status);
  expect(await contract.problems(res.clone(), method)).toEqual([]);
  return res;
}

const LEVELS = ['minimalmetadata', 'fullmetadata', 'nometadata'];
const accept = (level: string) => ({ headers: { accept: `application/json;odata=${level}` } });

describe('GET /openapi.json', () => {
  it('answers the committed docs/openapi.json to anyone: no certificate, key or x-ms-version', async () => {
    const res = await conforms(await fetch(`${svc.url}/openapi.json`), 'GET', 200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const committed: unknown = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'docs', 'openapi.json'), 'utf8'),
    );
    expect(await res.json()).toEqual(committed);
    await conforms(await fetch(`${svc.url}/openapi.json`, { method: 'HEAD' }), 'HEAD', 200);
  });

  it('answers another verb 405 with the OData error body', async () => {
    const res = await fetch(`${svc.url}/openapi.json`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(((await res.json()) as any)['odata.error']['azure.values'][0].ExtendedCode).toBe(
      'MethodNotAllowed',
    );
  });
});

describe('the customer API answers as documented', () => {
  const name = uniqueName('Doc');
  const account = CUSTOMER1.name;

  it('Put, Update, Get (three metadata levels, both versions, HEAD), List and Delete Job', async () => {
    const put = await svc.call('PUT', jobPath(account, name), {
      body: {
        Properties: {
          StorageAccountKey: CUSTOMER1.key,
          Location: 'West US',
          Type: 'Import',
          FriendlyName: 'documented',
          ReturnAddress: RETURN_ADDRESS,
          ReturnShipping: { CarrierName: 'FedEx', CarrierAccountNumber: '123' },
          EnableVerboseLog: true,
          BackupDriveManifest: true,
        },
        DriveList: [
          {
            DriveId: 'DOC-1',
            BitLockerKey: '259358-100188-581471-154165-090552-296406-410091-426844',
            ManifestFile: '\\m.xml',
            ManifestHash: manifestFor('DOC-1').hash,
          },
        ],
      },
    });
    await conforms(put, 'PUT', 201);
    await customerMarksShipping(account, name);
    await operator('POST', opPath(name, '/receive'), { Drives: [{ DriveId: 'DOC-1' }] });
    await operator('POST', opPath(name, '/drives/DOC-1/start'));
    await operator('POST', opPath(name, '/drives/DOC-1/complete'), {
      CopyStatus: 'Completed',
      Manifest: manifestFor('DOC-1').xml,
    });
    await operator('POST', opPath(name, '/advance')); // shipped back: ReturnPackage, Completed

    for (const level of LEVELS) {
      const res = await conforms(await svc.call('GET', jobPath(account, name), accept(level)), 'GET', 200);
      const body: any = await res.json();
      expect(Object.keys(body.DriveList[0])).toEqual(
        expect.arrayContaining(['CopyStatus', 'ErrorLogUri', 'VerboseLogUri', 'ManifestUri']),
      );
      expect(Object.keys(body.Properties)).toEqual(
        expect.arrayContaining(['ReturnPackage', 'PercentComplete']),
      );
      expect('odata.type' in body).toBe(level === 'fullmetadata');
    }
    await conforms(await svc.call('GET', jobPath(account, name), { version: '2014-05-01' }), 'GET', 200);
    await conforms(await svc.call('GET', `/jobs/${name}`), 'GET', 200);
    await conforms(await svc.call('HEAD', jobPath(account, name)), 'HEAD', 200);

    const second = uniqueName('Doc');
    await putImport(account, CUSTOMER1.key, second, ['DOC-2']);
    const update = await svc.call('PATCH', jobPath(account, second), {
      body: { Properties: { Description: 'd' } },
    });
    await conforms(update, 'PATCH', 200);
    for (const level of LEVELS) {
      const list = await svc.call('GET', `/storageaccounts/${account}/jobs?states=Creating`, accept(level));
      const feed: any = await (await conforms(list, 'GET', 200)).json();
      expect(feed.value.map((j: any) => j.Name)).toContain(second);
    }
    await conforms(await svc.call('DELETE', jobPath(account, second)), 'DELETE', 200);
  });

  it('an export job, with its selection, incomplete blob list and planned blobs', async () => {
    const exportName = uniqueName('DocExport');
    const container = uniqueName('docs');
    await putBlob(account, container, 'a.bin', 400);
    await putBlob(account, container, 'b.bin', 500);
    await svc.call('PUT', jobPath(account, exportName), {
      body: {
        Properties: {
          StorageAccountKey: CUSTOMER1.key,
          Location: 'West US',
          Type: 'Export',
          ReturnAddress: RETURN_ADDRESS,
        },
        Export: { BlobList: { BlobPathPrefix: [`/${container}/`] } },
      },
    });
    await customerMarksShipping(account, exportName);
    const receive = await svc.operator('POST', opPath(exportName, '/receive'), {
      Drives: [{ DriveId: 'BLANK-1', CapacityBytes: 450 }],
    });
    await conforms(receive, 'POST', 200);
    const got = await conforms(await svc.call('GET', jobPath(account, exportName)), 'GET', 200);
    const body: any = await got.json();
    expect(body.Properties.IncompleteBlobListUri).toEqual(expect.any(String));
    expect(body.Export).toEqual({ BlobList: { BlobPathPrefix: [`/${container}/`] } });
    await conforms(await svc.operator('GET', opPath(exportName, '/drives/BLANK-1/blobs')), 'GET', 200);
  });

  it('the locations, storage accounts, service and metadata documents', async () => {
    for (const level of LEVELS) {
      await conforms(await svc.call('GET', '/locations', accept(level)), 'GET', 200);
      await conforms(await svc.call('GET', '/locations/West%20US', accept(level)), 'GET', 200);
      await conforms(await svc.call('GET', '/storageaccounts', accept(level)), 'GET', 200);
      await conforms(await svc.call('GET', '', accept(level)), 'GET', 200);
    }
    await conforms(await svc.call('GET', '/locations?originlocation=Mars'), 'GET', 200);
    await conforms(
      await svc.call('GET', '/$metadata', { headers: { accept: 'application/xml' } }),
      'GET',
      200,
    );
  });

  it('errors, with the OData error body and the status the operation documents', async () => {
    await conforms(await svc.call('GET', jobPath(account, 'NoSuchJob')), 'GET', 404);
    await conforms(await svc.call('GET', '/locations', { version: null }), 'GET', 400);
    await conforms(await svc.call('GET', '/locations', { cert: null }), 'GET', 403);
    await conforms(await svc.call('GET', '/locations', { headers: { accept: 'text/html' } }), 'GET', 406);
    await conforms(
      await svc.call('GET', jobPath(account, name), { headers: { 'if-match': 'W/"x"' } }),
      'GET',
      412,
    );
    await conforms(await svc.call('PUT', jobPath(account, 'Bad'), { body: { Properties: {} } }), 'PUT', 400);
    await conforms(
      await svc.call('POST', jobPath(account, name), { headers: { 'x-http-method': 'PUT' } }),
      'POST',
      400,
    );
    const tunnelled = await svc.call('POST', '/locations', { headers: { 'x-http-method': 'DELETE' } });
    expect(tunnelled.status).toBe(405); // a path with no tunnelling POST documents no 405
    await conforms(await svc.call('HEAD', jobPath(account, 'NoSuchJob')), 'HEAD', 404);
  });
});

describe('the check itself', () => {
  it('catches a document that drifted from the service: a property, a header or a status it lacks', async () => {
    const drifted = structuredClone(contract.doc);
    delete drifted.components.schemas.Location.properties.City;
    drifted.components.headers['x-ms-request-id'].schema.pattern = '^[A-Z]+$';
    delete drifted.paths['/{sub}/services/importexport/locations/{location}'].get.responses['404'];
    const check = new OpenApiContract(drifted);
    expect(await check.problems(await svc.call('GET', '/locations/West%20US'), 'GET')).toEqual([
      expect.stringMatching(/^header x-ms-request-id: [0-9a-f]{32} does not match its schema$/),
      expect.stringContaining('Unrecognized key: "City"'),
    ]);
    expect(await check.problems(await svc.call('GET', '/locations/Mars'), 'GET')).toEqual([
      'GET /{sub}/services/importexport/locations/{location} does not document status 404',
    ]);
  });
});

describe('the operator API answers as documented', () => {
  it('jobs, worklist, certificates and sweep, and its errors', async () => {
    const name = uniqueName('DocOp');
    await putImport(CUSTOMER1.name, CUSTOMER1.key, name, ['OP-1']);
    await customerMarksShipping(CUSTOMER1.name, name);
    await conforms(await svc.operator('GET', opPath(name)), 'GET', 200);
    await conforms(
      await svc.operator('POST', opPath(name, '/fault'), { Reason: 'wet', DriveId: 'OP-1' }),
      'POST',
      200,
    );
    const worklist = await conforms(await svc.operator('GET', '/jobs?$top=1'), 'GET', 200);
    expect(((await worklist.json()) as any).nextLink).toEqual(expect.any(String));
    await conforms(await svc.operator('GET', `/subscriptions/${svc.sub}/certificates`), 'GET', 200);
    await conforms(await svc.operator('POST', '/sweep'), 'POST', 200);
    await conforms(await svc.operator('POST', opPath(name, '/drives/OP-1/start')), 'POST', 409);
    await conforms(await svc.operator('GET', opPath('NoSuchJob')), 'GET', 404);
    await conforms(await svc.operator('GET', '/jobs', undefined, { 'x-operator-key': 'wrong' }), 'GET', 403);
    await conforms(await svc.operator('POST', '/sweep', { Now: 'yesterday' }), 'POST', 400);
  });
});
