import { OpenApiContract } from '../../support/openapi-contract';
import { startSchedulerClients, type SchedulerClients } from '../../support/scheduler-clients';

/**
 * The classic Scheduler's real answers checked against docs/openapi.json's own schemas (statuses,
 * headers, bodies, XML and JSON), success and error paths, so the document cannot drift from the
 * Scheduler surface.
 */
let c: SchedulerClients;
let contract: OpenApiContract;
beforeAll(async () => {
  c = await startSchedulerClients();
  contract = new OpenApiContract(JSON.parse((await c.raw('GET', '/openapi.json')).body));
});
afterAll(() => c.svc.stop());

const XML = { 'content-type': 'application/xml' };
const JSON_TYPE = { 'content-type': 'application/json' };
const NS = 'xmlns="http://schemas.microsoft.com/windowsazure"';
const V = 'api-version=2014-04-01';

/** One call, its answer checked against the document; answers the answer for more checks. */
async function conforms(
  method: string,
  path: string,
  status: number,
  opts: { body?: string; headers?: Record<string, string>; cert?: null } = {},
) {
  const raw = await c.raw(method, path, opts);
  const headers = new Headers();
  for (const [k, v] of Object.entries(raw.headers)) if (typeof v === 'string') headers.set(k, v);
  const res = new Response(raw.body === '' ? null : raw.body, { status: raw.status, headers });
  Object.defineProperty(res, 'url', { value: `${c.svc.url}${path}` });
  expect([method, path, raw.status]).toEqual([method, path, status]);
  expect([method, path, await contract.problems(res, method)]).toEqual([method, path, []]);
  return raw;
}

describe('the classic Scheduler answers as docs/openapi.json documents', () => {
  it('management plane: provider, cloud services, job collections, operations, and their errors', async () => {
    const sub = `/${c.svc.sub}`;
    await conforms('PUT', `${sub}/services?service=scheduler.JobCollections&action=register`, 200);
    await conforms('GET', `${sub}/resourceproviders/scheduler/Properties?resourceType=JobCollections`, 200);
    await conforms('POST', `${sub}/EntitleResource`, 202, {
      body: `<EntitleResource ${NS}><Type>JobCollections</Type></EntitleResource>`,
      headers: XML,
    });
    const created = await conforms('PUT', `${sub}/CloudServices/cs-doc`, 202, {
      body: `<CloudService ${NS}><Label>l</Label><Description>d</Description><GeoRegion>West US</GeoRegion></CloudService>`,
      headers: XML,
    });
    await conforms('GET', `${sub}/operations/${String(created.headers['x-ms-request-id'])}`, 200);
    await conforms('GET', `${sub}/CloudServices`, 200);
    await conforms('GET', `${sub}/CloudServices/cs-doc`, 200);
    const jcs = `${sub}/cloudservices/cs-doc/resources/scheduler/~/JobCollections`;
    await conforms('GET', `${jcs}/?op=checknameavailability&resourceName=jc1`, 200);
    const put = await conforms('PUT', `${jcs}/jc1`, 202, {
      body: `<Resource ${NS}><SchemaVersion>1.1</SchemaVersion><IntrinsicSettings><Plan>Standard</Plan></IntrinsicSettings></Resource>`,
      headers: XML,
    });
    await conforms('GET', `${jcs.replace('/~', '')}/jc1`, 200);
    await conforms('PUT', `${jcs}/jc1`, 412, {
      body: `<Resource ${NS}><IntrinsicSettings><Plan>Standard</Plan></IntrinsicSettings></Resource>`,
      headers: { ...XML, 'if-match': `${String(put.headers.etag)}x` },
    });
    await conforms('PUT', `${sub}/CloudServices/cs-doc`, 409, {
      body: `<CloudService ${NS}><Label>l</Label><Description>d</Description><GeoRegion>West US</GeoRegion></CloudService>`,
      headers: XML,
    });
    await conforms('PUT', `${sub}/CloudServices/cs-bad`, 400, { body: '<CloudService', headers: XML });
    await conforms('GET', `${sub}/CloudServices/nope`, 404);
    await conforms('GET', `${sub}/CloudServices`, 400, { headers: { 'x-ms-version': '' } });
    await conforms('DELETE', `${jcs}/jc1`, 202);
    await conforms('DELETE', `${sub}/CloudServices/cs-doc`, 202);
  });

  it('jobs: create, replace, get, patch, list, collection-wide patch, history, delete, and their errors', async () => {
    const sub = `/${c.svc.sub}`;
    await conforms('PUT', `${sub}/CloudServices/cs-jobs`, 202, {
      body: `<CloudService ${NS}><Label>l</Label><Description>d</Description><GeoRegion>West US</GeoRegion></CloudService>`,
      headers: XML,
    });
    const jc = `${sub}/cloudservices/cs-jobs/resources/scheduler/~/JobCollections/jc1`;
    await conforms('PUT', jc, 202, {
      body: `<Resource ${NS}><IntrinsicSettings><Plan>Free</Plan></IntrinsicSettings></Resource>`,
      headers: XML,
    });
    const job = JSON.stringify({
      action: { type: 'http', request: { uri: 'http://127.0.0.1:9/', method: 'GET' } },
      recurrence: { frequency: 'hour', interval: 1 },
    });
    await conforms('POST', `${jc}/jobs?${V}`, 201, { body: job, headers: JSON_TYPE });
    await conforms('PUT', `${jc}/jobs/j1?${V}`, 201, { body: job, headers: JSON_TYPE });
    await conforms('PUT', `${jc}/jobs/j1?${V}`, 200, { body: job, headers: JSON_TYPE });
    await conforms('GET', `${jc}/jobs/j1?${V}`, 200);
    await conforms('PATCH', `${jc}/jobs/j1?${V}`, 200, {
      body: '{"state":"disabled","stateDetails":"paused"}',
      headers: JSON_TYPE,
    });
    await conforms('GET', `${jc}/jobs?${V}&$filter=state eq disabled&$top=5`.replace(/ /g, '%20'), 200);
    await conforms('PATCH', `${jc}/jobs?${V}`, 200, { body: '{"state":"enabled"}', headers: JSON_TYPE });
    await conforms('GET', `${jc}/jobs/j1/history?${V}`, 200);
    await conforms('PUT', `${jc}/jobs/j2?${V}`, 400, { body: '{"action":{}}', headers: JSON_TYPE });
    await conforms('PUT', `${jc}/jobs/j3?${V}`, 409, {
      body: JSON.stringify({
        action: { type: 'http', request: { uri: 'http://127.0.0.1:9/', method: 'GET' } },
        recurrence: { frequency: 'minute', interval: 1 },
      }),
      headers: JSON_TYPE,
    });
    await conforms('GET', `${jc}/jobs/nope?${V}`, 404);
    await conforms('GET', `${jc}/jobs/j1?api-version=2015-01-01`, 400);
    await conforms('GET', `${jc}/jobs/j1?${V}`, 403, { cert: null });
    await conforms('DELETE', `${jc}/jobs/j1?${V}`, 200);
  });
});
