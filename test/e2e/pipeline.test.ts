import { request } from 'node:http';
import { samplePutJob } from '../support/samples';
import { extendedCode, startService, type TestService } from '../support/service';

/** A request fetch cannot make (a GET with a body). */
function rawRequest(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The request pipeline of docs/contract/import-export.md#a2 over real HTTP: every request, whatever the operation. */
let svc: TestService;
const JOB = '/storageaccounts/xttest/jobs/PipeJob';
beforeAll(async () => {
  svc = await startService();
  expect((await svc.call('PUT', JOB, { body: samplePutJob('PipeJob') })).status).toBe(201);
});
afterAll(() => svc.stop());

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f]{32}$/);
  expect(await extendedCode(res)).toBe(code);
}

describe('every response', () => {
  it('has a fresh request id, a Date and Cache-Control: no-cache, errors included', async () => {
    const [a, b] = await Promise.all([
      svc.call('GET', JOB),
      svc.call('GET', '/storageaccounts/xttest/jobs/Missing'),
    ]);
    for (const r of [a, b]) {
      expect(r.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f]{32}$/);
      expect(r.headers.get('cache-control')).toBe('no-cache');
      expect(Number.isNaN(Date.parse(r.headers.get('date')!))).toBe(false);
    }
    expect(a.headers.get('x-ms-request-id')).not.toBe(b.headers.get('x-ms-request-id'));
  });

  it('echoes a valid x-ms-version, and not an invalid one', async () => {
    expect((await svc.call('GET', JOB, { version: '2014-05-01' })).headers.get('x-ms-version')).toBe(
      '2014-05-01',
    );
    const bad = await svc.call('GET', JOB, { version: '2013-01-01' });
    expect(bad.headers.get('x-ms-version')).toBeNull();
    await expectError(bad, 400, 'MissingOrIncorrectVersionHeader');
  });
});

describe('x-ms-version (docs/contract/import-export.md#a2)', () => {
  it('is required', async () => {
    await expectError(await svc.call('GET', JOB, { version: null }), 400, 'MissingOrIncorrectVersionHeader');
  });
});

describe('content negotiation', () => {
  it.each([
    ['application/json;odata=nometadata', 'nometadata', false],
    ['application/json;odata=fullmetadata', 'fullmetadata', true],
    ['*/*', 'minimalmetadata', true],
  ])('Accept %s answers odata=%s', async (accept, level, annotated) => {
    const res = await svc.call('GET', JOB, { headers: { Accept: accept } });
    expect(res.headers.get('content-type')).toBe(
      `application/json;odata=${level};streaming=true;charset=utf-8`,
    );
    const body = (await res.json()) as Record<string, unknown>;
    expect('odata.metadata' in body).toBe(annotated);
    expect('odata.type' in body).toBe(level === 'fullmetadata');
  });

  it('$format overrides Accept', async () => {
    const res = await svc.call('GET', `${JOB}?$format=application/json;odata=nometadata`, {
      headers: { Accept: 'text/html' },
    });
    expect(res.status).toBe(200);
    expect(Object.keys((await res.json()) as object)).toEqual(['Name', 'Properties', 'DriveList']);
  });

  it('an unacceptable Accept is 406 NotAcceptable; a bad $format is 400', async () => {
    await expectError(
      await svc.call('GET', JOB, { headers: { Accept: 'application/atom+xml' } }),
      406,
      'NotAcceptable',
    );
    await expectError(await svc.call('GET', `${JOB}?$format=atom`), 400, 'InvalidQueryParameterValue');
  });
});

describe('bodies and content headers', () => {
  it('a body of another type is 406 UnsupportedMediaType', async () => {
    await expectError(
      await svc.call('PUT', JOB, {
        body: samplePutJob('PipeJob'),
        headers: { 'content-type': 'application/xml' },
      }),
      406,
      'UnsupportedMediaType',
    );
  });

  it('a compressed body is 400', async () => {
    await expectError(
      await svc.call('PUT', JOB, { body: samplePutJob('PipeJob'), headers: { 'content-encoding': 'gzip' } }),
      400,
      'InvalidHeaderValue',
    );
  });

  it('a GET with a body length is 400', async () => {
    const { status, body } = await rawRequest(
      `${svc.base()}${JOB}`,
      'GET',
      { 'x-ms-version': '2014-11-01', 'x-arr-clientcert': svc.cert.derBase64 },
      'abc',
    );
    expect(status).toBe(400);
    expect(body).toContain('"ExtendedCode":"InvalidHeaderValue"');
  });

  it('a body over 1 MiB is 413 RequestBodyTooLarge, and nothing changes', async () => {
    const huge = { ...samplePutJob('BigJob'), Padding: 'x'.repeat(1024 * 1024) };
    await expectError(
      await svc.call('PUT', '/storageaccounts/xttest/jobs/BigJob', { body: huge }),
      413,
      'RequestBodyTooLarge',
    );
    expect((await svc.call('GET', '/storageaccounts/xttest/jobs/BigJob')).status).toBe(404);
  });

  it('a body that is not JSON is 400 InvalidRequestBody', async () => {
    await expectError(await svc.call('PUT', JOB, { body: '{"Name": ' }), 400, 'InvalidRequestBody');
  });
});

describe('verbs (docs/contract/import-export.md#a1)', () => {
  it("HEAD answers the GET's headers without a body", async () => {
    const [get, head] = await Promise.all([svc.call('GET', JOB), svc.call('HEAD', JOB)]);
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const h of ['etag', 'last-modified', 'content-type', 'content-length', 'dataserviceversion']) {
      expect(head.headers.get(h)).toBe(get.headers.get(h));
    }
  });

  it('POST with X-HTTP-Method: PUT is a Put Job', async () => {
    const res = await svc.call('POST', '/storageaccounts/xttest/jobs/TunnelJob', {
      body: samplePutJob('TunnelJob'),
      headers: { 'X-HTTP-Method': 'PUT' },
    });
    expect(res.status).toBe(201);
    expect((await svc.call('GET', '/storageaccounts/xttest/jobs/TunnelJob')).status).toBe(200);
  });

  it('a bad X-HTTP-Method is 400 InvalidHttpVerb', async () => {
    await expectError(
      await svc.call('POST', JOB, { headers: { 'X-HTTP-Method': 'TRACE' } }),
      400,
      'InvalidHttpVerb',
    );
  });

  it('an unsupported verb on a known path is 405 MethodNotAllowed', async () => {
    await expectError(await svc.call('POST', JOB), 405, 'MethodNotAllowed');
    await expectError(
      await svc.call('PUT', '/jobs/PipeJob', { body: samplePutJob('PipeJob') }),
      405,
      'MethodNotAllowed',
    );
  });

  it('an unknown path is the OData 404', async () => {
    await expectError(await fetch(`${svc.url}/no/such/thing/here/at/all`), 404, 'ResourceNotFound');
  });

  it('literal path segments match case-insensitively, and `timeout` is ignored', async () => {
    const res = await svc.call('GET', '/StorageAccounts/xttest/Jobs/PipeJob?timeout=3600');
    expect(res.status).toBe(200);
  });
});

describe('path segments', () => {
  it.each([
    ['/storageaccounts/XT_TEST/jobs/PipeJob', 'InvalidStorageAccountName'],
    ['/storageaccounts/xttest/jobs/9job', 'InvalidJobName'],
    ['/jobs/a', 'InvalidJobName'],
  ])('GET %s is 400 %s', async (path, code) => {
    await expectError(await svc.call('GET', path), 400, code);
  });

  it('a subscription that is not a GUID is 400 InvalidSubscriptionId', async () => {
    await expectError(await svc.call('GET', JOB, { sub: 'mysubscription' }), 400, 'InvalidSubscriptionId');
  });
});
