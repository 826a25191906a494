import {
  startSchedulerClients,
  withCollection,
  type SchedulerClients,
} from '../../support/scheduler-clients';

let c: SchedulerClients;
let JC: string;
const VERB_MESSAGE =
  "The HTTP verb specified was not recognized by the server or isn't valid for this resource.";

beforeAll(async () => {
  c = await startSchedulerClients();
  JC = await withCollection(c, 'cs-order');
});
afterAll(() => c.svc.stop());

const codeOf = (res: { status: number; body: string }) => [
  res.status,
  /<Code>([^<]*)<\/Code>/.exec(res.body)?.[1],
];

describe('Scheduler order of checks on the one pipeline (docs/classic-scheduler.md#a7)', () => {
  it('a URL over 2048 characters is 400 BadRequest before the reserved-subscription 404 and the verb', async () => {
    const long = await c.raw('HEAD', `/operator/CloudServices?pad=${'x'.repeat(2100)}`, { cert: null });
    expect(long.status).toBe(400);
    const res = await c.raw('GET', `/operator/CloudServices?pad=${'x'.repeat(2100)}`, { cert: null });
    expect(codeOf(res)).toEqual([400, 'BadRequest']);
  });

  it('a reserved subscription is 404 before the verb and the version are checked', async () => {
    const res = await c.raw('DELETE', '/admin/CloudServices', {
      headers: { 'x-ms-version': '' },
      cert: null,
    });
    expect(codeOf(res)).toEqual([404, 'ResourceNotFound']);
  });

  it('the verb is checked before x-ms-version, with no tunnelling: HEAD, MERGE and X-HTTP-Method are 400 InvalidHttpVerb', async () => {
    const head = await c.raw('HEAD', `${JC}/jobs`, { headers: { 'x-ms-version': '' }, cert: null });
    expect(head.status).toBe(400);
    const merge = await c.raw('MERGE', `${JC}/jobs/a`, { headers: { 'x-ms-version': '' }, cert: null });
    expect(codeOf(merge)).toEqual([400, 'InvalidHttpVerb']);
    expect(merge.body).toContain(VERB_MESSAGE);
    // POST is not served on a job: X-HTTP-Method does not turn it into a PUT.
    const tunnelled = await c.raw('POST', `${JC}/jobs/a?api-version=2014-04-01`, {
      body: '{}',
      headers: { 'content-type': 'application/json', 'x-http-method': 'PUT' },
    });
    expect(codeOf(tunnelled)).toEqual([400, 'InvalidHttpVerb']);
  });

  it('x-ms-version before api-version, api-version before the certificate, the certificate before the body', async () => {
    const both = await c.raw('GET', `${JC}/jobs?api-version=1999-01-01`, {
      headers: { 'x-ms-version': 'nope' },
      cert: null,
    });
    expect(codeOf(both)[1]).toBe('MissingOrIncorrectVersionHeader');
    const api = await c.raw('GET', `${JC}/jobs?Api-Version=1999-01-01`, { cert: null });
    expect(codeOf(api)).toEqual([400, 'MissingOrInvalidRequiredQueryParameter']);
    const cert = await c.raw('PUT', `${JC}/jobs/b?api-version=2014-04-01`, {
      body: 'x'.repeat(70_000),
      headers: { 'content-type': 'text/plain' },
      cert: null,
    });
    expect(codeOf(cert)).toEqual([403, 'ForbiddenError']);
  });

  it('a body over 64 KiB is 400 BadRequest naming the limit, and nothing is created', async () => {
    const big = await c.raw('PUT', `${JC}/jobs/b?api-version=2014-04-01`, {
      body: JSON.stringify({ pad: 'x'.repeat(70_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(codeOf(big)).toEqual([400, 'BadRequest']);
    expect(big.body).toContain('The request body is larger than 64 KiB.');
    expect((await c.raw('GET', `${JC}/jobs/b?api-version=2014-04-01`)).status).toBe(404);
  });
});
