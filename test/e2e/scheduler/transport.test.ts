import {
  errorOf,
  startSchedulerClients,
  withCollection,
  type SchedulerClients,
} from '../../support/scheduler-clients';

let c: SchedulerClients;
let JC: string;
const NS = 'xmlns="http://schemas.microsoft.com/windowsazure"';
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const job = JSON.stringify({
  action: { type: 'http', request: { uri: 'http://127.0.0.1:9/', method: 'GET' } },
});

beforeAll(async () => {
  c = await startSchedulerClients();
  JC = await withCollection(c, 'cs-wire');
});
afterAll(() => c.svc.stop());

describe('Scheduler transport (docs/classic-scheduler.md#a)', () => {
  it('every answer carries a 32-hex request id and no-cache headers; errors are XML <Error> in the windowsazure namespace', async () => {
    const res = await c.raw('GET', `${JC}/jobs/nope?api-version=2014-04-01`);
    expect(res.status).toBe(404);
    expect(res.headers['x-ms-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.pragma).toBe('no-cache');
    expect(res.headers.expires).toBe('-1');
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.body).toContain(`<Error ${NS}`);
    expect(errorOf(res.body)).toEqual({ code: 'ResourceNotFound', message: "The job 'nope' was not found." });
  });

  it('x-ms-version is required (any date from 2013-03-01), and checked before the certificate', async () => {
    const none = await c.raw('GET', `/${c.svc.sub}/CloudServices`, {
      headers: { 'x-ms-version': '' },
      cert: null,
    });
    expect([none.status, errorOf(none.body).code]).toEqual([400, 'MissingOrIncorrectVersionHeader']);
    const old = await c.raw('GET', `/${c.svc.sub}/CloudServices`, {
      headers: { 'x-ms-version': '2013-02-28' },
    });
    expect(old.status).toBe(400);
    const later = await c.raw('GET', `/${c.svc.sub}/CloudServices`, {
      headers: { 'x-ms-version': '2015-04-01' },
    });
    expect(later.status).toBe(200);
  });

  it('without a registered certificate: 403 ForbiddenError with the RDFE message', async () => {
    const res = await c.raw('GET', `/${c.svc.sub}/CloudServices`, { cert: null });
    expect(res.status).toBe(403);
    expect(errorOf(res.body)).toEqual({
      code: 'ForbiddenError',
      message:
        'The server failed to authenticate the request. Verify that the certificate is valid and is associated with this subscription.',
    });
  });

  it('api-version other than 2014-04-01 is 400 MissingOrInvalidRequiredQueryParameter; absent is fine', async () => {
    const bad = await c.raw('GET', `${JC}/jobs?api-version=2016-03-01`);
    expect([bad.status, errorOf(bad.body).code]).toEqual([400, 'MissingOrInvalidRequiredQueryParameter']);
    expect((await c.raw('GET', `${JC}/jobs`)).status).toBe(200);
  });

  it('a known path with another verb is 400 InvalidHttpVerb; an unknown path under a collection is 404', async () => {
    const verb = await c.raw('POST', `${JC}/jobs/x?api-version=2014-04-01`, {
      body: job,
      headers: JSON_TYPE,
    });
    expect([verb.status, errorOf(verb.body).code]).toEqual([400, 'InvalidHttpVerb']);
    const unknown = await c.raw('GET', `${JC}/jobs/x/elsewhere/deeper`);
    expect([unknown.status, errorOf(unknown.body).code]).toEqual([404, 'ResourceNotFound']);
  });

  it('~ and non-~ routes, any-case literals and a trailing slash reach the same job', async () => {
    const put = await c.raw('PUT', `${JC}/jobs/Same?api-version=2014-04-01`, {
      body: job,
      headers: JSON_TYPE,
    });
    expect(put.status).toBe(201);
    expect(put.headers['content-type']).toBe('application/json; charset=utf-8');
    const plain = JC.replace('/~/', '/')
      .replace('cloudservices', 'CloudServices')
      .replace('JobCollections', 'jobcollections');
    const got = await c.raw('GET', `${plain}/jobs/same/?API-VERSION=2014-04-01`);
    expect(got.status).toBe(200);
    expect(JSON.parse(got.body).id).toBe('Same');
  });

  it('refuses a foreign Content-Type, a non-object JSON body and a body over 64 KiB with 400 BadRequest', async () => {
    const type = await c.raw('PUT', `${JC}/jobs/t1?api-version=2014-04-01`, {
      body: job,
      headers: { 'content-type': 'text/plain' },
    });
    expect([type.status, errorOf(type.body).code]).toEqual([400, 'BadRequest']);
    const array = await c.raw('PUT', `${JC}/jobs/t1?api-version=2014-04-01`, {
      body: '[]',
      headers: JSON_TYPE,
    });
    expect([array.status, errorOf(array.body).code]).toEqual([400, 'BadRequest']);
    const big = await c.raw('PUT', `${JC}/jobs/t1?api-version=2014-04-01`, {
      body: JSON.stringify({ pad: 'x'.repeat(70_000) }),
      headers: JSON_TYPE,
    });
    expect([big.status, errorOf(big.body).code]).toEqual([400, 'BadRequest']);
    expect((await c.raw('GET', `${JC}/jobs/t1?api-version=2014-04-01`)).status).toBe(404);
  });

  it('malformed XML is 400 InvalidXmlRequest; bad query parameters are 400 MissingOrInvalidRequiredQueryParameter', async () => {
    const xml = await c.raw('PUT', `/${c.svc.sub}/CloudServices/cs-bad`, {
      body: '<CloudService><Label>x</Label',
      headers: { 'content-type': 'application/xml' },
    });
    expect([xml.status, errorOf(xml.body).code]).toEqual([400, 'InvalidXmlRequest']);
    for (const path of [
      `/${c.svc.sub}/services?service=other&action=register`,
      `/${c.svc.sub}/services?service=scheduler.JobCollections&action=destroy`,
    ]) {
      const res = await c.raw('PUT', path);
      expect([res.status, errorOf(res.body).code]).toEqual([400, 'MissingOrInvalidRequiredQueryParameter']);
    }
    const props = await c.raw('GET', `/${c.svc.sub}/resourceproviders/scheduler/Properties`);
    expect(props.status).toBe(400);
    const check = await c.raw(
      'GET',
      `/${c.svc.sub}/cloudservices/cs-wire/resources/scheduler/JobCollections/?op=checknameavailability`,
    );
    expect([check.status, errorOf(check.body).code]).toEqual([400, 'MissingOrInvalidRequiredQueryParameter']);
  });

  it('operation status: Succeeded with HttpStatusCode for a 202, 404 for an unknown id', async () => {
    const created = await c.raw('PUT', `/${c.svc.sub}/CloudServices/cs-op`, {
      body: `<CloudService ${NS}><Label>l</Label><Description>d</Description><GeoRegion>East US</GeoRegion></CloudService>`,
      headers: { 'content-type': 'application/xml' },
    });
    expect(created.status).toBe(202);
    expect(created.body).toBe('');
    expect(created.headers['content-type']).toBeUndefined();
    const id = String(created.headers['x-ms-request-id']);
    const op = await c.raw('GET', `/${c.svc.sub}/operations/${id}`);
    expect(op.body).toContain(`<Operation ${NS}`);
    expect(op.body).toContain(
      `<ID>${id}</ID><Status>Succeeded</Status><HttpStatusCode>200</HttpStatusCode></Operation>`,
    );
    expect((await c.raw('GET', `/${c.svc.sub}/operations/${'0'.repeat(32)}`)).status).toBe(404);
  });

  it('unregistering while collections exist is 409', async () => {
    await c.raw('PUT', `/${c.svc.sub}/services?service=scheduler.JobCollections&action=register`);
    const res = await c.raw(
      'PUT',
      `/${c.svc.sub}/services?service=scheduler.JobCollections&action=unregister`,
    );
    expect([res.status, errorOf(res.body).code]).toEqual([409, 'ConflictError']);
  });
});
