import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchLocalHost, type LocalHost } from '../../local-host/launch-host';
import { extendedCode, startService, type TestService } from '../support/service';

let svc: TestService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(() => svc.stop());

/** Sends raw bytes and reads everything the server answers until it closes (or 5 s pass). */
function raw(url: string, request: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
    const deadline = setTimeout(() => socket.destroy(), 5_000);
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(deadline);
      resolve(answer);
    });
  });
}

const bodyOf = (answer: string) =>
  JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as {
    'odata.error': { code: string; message: { value: string }; 'azure.values': Record<string, string>[] };
  };

describe('what node and the local host answer themselves carries the OData error body', () => {
  it('a 100 MB body announced with Expect: 100-continue is refused 413 before any 100 Continue', async () => {
    const path = new URL(svc.base()).pathname;
    const answer = await raw(
      svc.url,
      [
        `PUT ${path}/storageaccounts/acct1/jobs/Big HTTP/1.1`,
        `Host: 127.0.0.1`,
        'x-ms-version: 2014-11-01',
        `X-ARR-ClientCert: ${svc.cert.derBase64}`,
        'Content-Type: application/json',
        'Content-Length: 104857600',
        'Expect: 100-continue',
        '',
        '',
      ].join('\r\n'),
    );
    expect(answer).not.toContain('100 Continue');
    expect(answer.startsWith('HTTP/1.1 413')).toBe(true);
    expect(bodyOf(answer)['odata.error']['azure.values'][0]?.ExtendedCode).toBe('RequestBodyTooLarge');
  });

  it('a 100-continue request that passes the checks gets its 100 Continue and is served', async () => {
    const path = new URL(svc.base()).pathname;
    const body = '{"Properties": {"Description": "x"}}';
    const answer = await raw(
      svc.url,
      [
        `PATCH ${path}/storageaccounts/acct1/jobs/NoSuchJob HTTP/1.1`,
        'Host: localhost',
        'x-ms-version: 2014-11-01',
        `X-ARR-ClientCert: ${svc.cert.derBase64}`,
        'Content-Type: application/json',
        `Content-Length: ${body.length}`,
        'Expect: 100-continue',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
    expect(answer.startsWith('HTTP/1.1 100 Continue')).toBe(true);
    expect(answer).toContain('HTTP/1.1 404');
  });

  it('TRACE is 405 MethodNotAllowed with the OData body', async () => {
    const answer = await raw(
      svc.url,
      `TRACE ${new URL(svc.base()).pathname}/locations HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
    );
    expect(answer.startsWith('HTTP/1.1 405')).toBe(true);
    expect(bodyOf(answer)['odata.error']['azure.values'][0]?.ExtendedCode).toBe('MethodNotAllowed');
  });

  it("headers over node's limit are 431 with the OData body", async () => {
    const answer = await raw(
      svc.url,
      `GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer.startsWith('HTTP/1.1 431')).toBe(true);
    expect(bodyOf(answer)['odata.error'].code).toBe('431');
  });

  it("a request node cannot parse is 400 with the OData body, not node's bare 400", async () => {
    const answer = await raw(svc.url, 'GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n');
    expect(answer.startsWith('HTTP/1.1 400')).toBe(true);
    expect(bodyOf(answer)['odata.error']['azure.values'][0]?.ExtendedCode).toBe('InvalidHeaderValue');
  });

  it('a PEM pasted into X-ARR-ClientCert is 400 naming the .b64 file and the one-line form', async () => {
    const pem = svc.cert.certPem.trim();
    const answer = await raw(
      svc.url,
      `GET ${new URL(svc.base()).pathname}/locations HTTP/1.1\r\nHost: 127.0.0.1\r\nx-ms-version: 2014-11-01\r\nX-ARR-ClientCert: ${pem.replace(/\r?\n/g, '\r\n')}\r\n\r\n`,
    );
    expect(answer.startsWith('HTTP/1.1 400')).toBe(true);
    const message = bodyOf(answer)['odata.error'].message.value;
    expect(message).toContain('PEM');
    expect(message).toContain('.local/dev-client.b64');
  });

  it('a PEM on one line in X-ARR-ClientCert is 403 whose detail says to send the base64 DER', async () => {
    const res = await svc.call('GET', '/locations', { cert: svc.cert.certPem.trim().replace(/\r?\n/g, ' ') });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { 'odata.error': { 'azure.values': Record<string, string>[] } };
    expect(body['odata.error']['azure.values'][1]?.ExtendedInformation).toMatch(/holds PEM.*base64 DER/);
  });

  it('a Host the local host does not serve is 400 naming LOCAL_HOST_ALLOWED_HOSTS', async () => {
    const answer = await raw(svc.url, 'GET /openapi.json HTTP/1.1\r\nHost: rebind.example:7071\r\n\r\n');
    expect(answer.startsWith('HTTP/1.1 400')).toBe(true);
    expect(bodyOf(answer)['odata.error'].message.value).toContain('LOCAL_HOST_ALLOWED_HOSTS');
  });
});

describe('errors a newcomer can act on', () => {
  it('a JSON syntax error gives its line and column', async () => {
    const res = await svc.call('PUT', '/storageaccounts/acct1/jobs/Broken', {
      body: '{\n  "Name": "Broken",\n  "Properties": {"Type": "Import",}\n}',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      'odata.error': { message: { value: string }; 'azure.values': Record<string, string>[] };
    };
    expect(body['odata.error'].message.value).toContain('line 3, column 35');
    expect(body['odata.error']['azure.values'][1]?.ExtendedInformation).toBe('line 3, column 35');
  });

  it('a 404 names the job it looked for', async () => {
    const res = await svc.call('GET', '/storageaccounts/acct1/jobs/NoSuchJob42');
    expect(res.status).toBe(404);
    const body = (await res.json()) as { 'odata.error': { message: { value: string } } };
    expect(body['odata.error'].message.value).toContain('NoSuchJob42');
  });
});

describe('launched as npm start launches it', () => {
  let host: LocalHost;
  let dir: string;
  const alerts: string[] = [];
  const secretKey = `custom-operator-key-${randomBytes(8).toString('hex')}`;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'local-host-'));
    host = await launchLocalHost({
      dataDir: dir,
      env: {
        ...process.env,
        STORAGE_PREFIX: `t${randomBytes(6).toString('hex')}`,
        PORT: '0',
        OPERATOR_KEYS: secretKey,
        TRUST_FORWARDED_CLIENT_CERT: 'false',
      },
      log: () => undefined,
      alert: (t) => alerts.push(t),
      onFatal: (t) => alerts.push(t),
    });
  });
  afterAll(async () => {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('with TRUST_FORWARDED_CLIENT_CERT=false a client-supplied X-ARR-ClientCert does not authenticate', async () => {
    const res = await fetch(
      `${host.url}/00000000-0000-0000-0000-000000000000/services/importexport/locations`,
      {
        headers: {
          'x-ms-version': '2014-11-01',
          'x-arr-clientcert': readFileSync(join(dir, 'dev-client.b64'), 'utf8'),
        },
      },
    );
    expect(res.status).toBe(403);
    expect(await extendedCode(res)).toBe('AuthenticationFailed');
  });

  it('schedules the sweep timer but not the executor timer: its executor loop runs without an end', () => {
    const text = host.banner.join('\n');
    expect(text).toContain('timer sweep-timer: on SWEEP_SCHEDULE');
    expect(text).not.toContain('scheduler-executor-timer');
    expect(text).toContain('scheduler executor: in-process and continuous');
  });

  it('never prints a custom OPERATOR_KEYS value, only that one is set', async () => {
    expect(host.banner.join('\n')).not.toContain(secretKey);
    expect(host.banner.join('\n')).toContain('OPERATOR_KEYS (not shown)');
    const res = await fetch(`${host.url}/operator/jobs`, { headers: { 'x-operator-key': secretKey } });
    expect(res.status).toBe(200);
  });
});
