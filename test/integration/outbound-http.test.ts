import type { Socket } from 'node:net';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AadTokens } from '../../shared/adapters/outbound-http/aad-tokens';
import { HttpActionSender } from '../../shared/adapters/outbound-http/http-action-sender';
import { OutboundPolicy } from '../../shared/scheduler/outbound-policy';
import { issueCertificate } from '../../local-host/certificates';
import type { Target } from '../support/outbound-targets';
import { pfxOf, refusedPort, serverCertificate, startTarget } from '../support/outbound-targets';

const local = new OutboundPolicy({ mode: 'local', allow: [] });
const deployed = new OutboundPolicy({ mode: 'deployed', allow: [] });
const serverCert = serverCertificate();

function sender(opts: { policy?: OutboundPolicy; timeoutMs?: number; authority?: string } = {}) {
  return new HttpActionSender({
    policy: opts.policy ?? local,
    tokens: new AadTokens(opts.authority ?? 'http://127.0.0.1:9'),
    timeoutMs: opts.timeoutMs ?? 5000,
    ca: [serverCert.certPem],
  });
}

const targets: Target[] = [];
async function target(...args: Parameters<typeof startTarget>): Promise<Target> {
  const t = await startTarget(...args);
  targets.push(t);
  return t;
}
afterEach(async () => {
  await Promise.all(targets.splice(0).map((t) => t.close()));
});

describe('HTTP action against real local targets', () => {
  it('sends the method, headers and body and reports a 2xx with its headers and body', async () => {
    const t = await target((_req, res) => {
      res.setHeader('X-Custom', 'yes');
      res.end('hello');
    });
    const out = await sender().send({
      uri: `${t.origin}/hook?a=1`,
      method: 'put',
      headers: { 'Content-Type': 'text/plain', 'x-ms-scheduler-jobid': 'job1', 'Content-Length': '999' },
      body: 'payload é',
    });
    expect(out).toMatchObject({
      kind: 'response',
      status: 200,
      reason: 'OK',
      body: 'hello',
      host: `127.0.0.1:${t.port}`,
    });
    expect(out.kind === 'response' && out.headers.find(([n]) => n === 'X-Custom')).toEqual([
      'X-Custom',
      'yes',
    ]);
    expect(t.seen[0]).toMatchObject({ method: 'PUT', path: '/hook?a=1', body: 'payload é' });
    expect(t.seen[0]?.headers['x-ms-scheduler-jobid']).toBe('job1');
    expect(t.seen[0]?.headers['content-length']).toBe(String(Buffer.byteLength('payload é')));
  });

  it('reports a 500 as a response, keeping only the first 2048 bytes of its body', async () => {
    const t = await target((_req, res) => {
      res.statusCode = 500;
      res.end('x'.repeat(100_000));
    });
    const out = await sender().send({ uri: `${t.origin}/`, method: 'GET', headers: {} });
    expect(out).toMatchObject({ kind: 'response', status: 500, reason: 'Internal Server Error' });
    expect(out.kind === 'response' && out.body.length).toBe(2048);
  });

  it('never follows a redirect', async () => {
    const t = await target((req, res) => {
      if (req.url === '/moved') return res.writeHead(302, { Location: '/there' }).end();
      res.end('followed');
    });
    const out = await sender().send({ uri: `${t.origin}/moved`, method: 'GET', headers: {} });
    expect(out).toMatchObject({ kind: 'response', status: 302 });
    expect(t.seen.map((s) => s.path)).toEqual(['/moved']);
  });

  it('gives up on a target that never answers at the deadline', async () => {
    const t = await target(() => undefined);
    const started = Date.now();
    const out = await sender({ timeoutMs: 1000 }).send({ uri: `${t.origin}/`, method: 'GET', headers: {} });
    expect(out).toEqual({
      kind: 'failed',
      host: `127.0.0.1:${t.port}`,
      reason: 'the request timed out after 1 seconds',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('bounds a body that trickles past the deadline', async () => {
    const t = await target((_req, res) => {
      res.write('start');
      // headers and a first chunk, then nothing more
    });
    const out = await sender({ timeoutMs: 800 }).send({ uri: `${t.origin}/`, method: 'GET', headers: {} });
    expect(out).toMatchObject({ kind: 'failed', reason: 'the request timed out after 0.8 seconds' });
  });

  it('reports a refused connection with Node’s short reason', async () => {
    const port = await refusedPort();
    const out = await sender().send({ uri: `http://127.0.0.1:${port}/`, method: 'GET', headers: {} });
    expect(out).toEqual({
      kind: 'failed',
      host: `127.0.0.1:${port}`,
      reason: `connect ECONNREFUSED 127.0.0.1:${port}`,
    });
  });

  it('sends Basic credentials, replacing any Authorization header of the job', async () => {
    const t = await target((req, res) => {
      const ok = req.headers.authorization === `Basic ${Buffer.from('user:pa:ss').toString('base64')}`;
      res.statusCode = ok ? 200 : 401;
      res.end();
    });
    const out = await sender().send({
      uri: `${t.origin}/`,
      method: 'GET',
      headers: { authorization: 'Bearer stale' },
      auth: { type: 'Basic', username: 'user', password: 'pa:ss' },
    });
    expect(out).toMatchObject({ kind: 'response', status: 200 });
    expect(t.seen[0]?.headers.authorization).toMatch(/^Basic /);
  });

  it('presents the job’s PFX as the TLS client certificate to a server that requires one', async () => {
    const client = issueCertificate({ commonName: 'Scheduler Job Client' });
    const t = await target((_req, res) => res.end('mtls'), { server: serverCert, clientCa: client.certPem });
    const withCert = await sender().send({
      uri: `${t.origin}/`,
      method: 'GET',
      headers: {},
      auth: { type: 'ClientCertificate', pfx: pfxOf(client, 'pfx-pw'), password: 'pfx-pw' },
    });
    expect(withCert).toMatchObject({ kind: 'response', status: 200, body: 'mtls' });
    expect(t.seen[0]?.clientCn).toBe('Scheduler Job Client');
    const without = await sender().send({ uri: `${t.origin}/`, method: 'GET', headers: {} });
    expect(without.kind).toBe('failed');
    expect(t.seen).toHaveLength(1);
  });

  it('fails an attempt whose PFX will not open without revealing its password', async () => {
    const client = issueCertificate({ commonName: 'c' });
    const out = await sender().send({
      uri: 'https://127.0.0.1:9/',
      method: 'GET',
      headers: {},
      auth: { type: 'ClientCertificate', pfx: pfxOf(client, 'right'), password: 'wrong-secret' },
    });
    expect(out).toMatchObject({ kind: 'failed', reason: 'the client certificate could not be loaded' });
    expect(JSON.stringify(out)).not.toContain('wrong-secret');
  });

  it('fetches an ActiveDirectoryOAuth token with client credentials once and reuses it until near expiry', async () => {
    const authority = await target((_req, res, body) => {
      const form = new URLSearchParams(body);
      res.setHeader('Content-Type', 'application/json');
      res.end(
        JSON.stringify({
          access_token: `tok-${form.get('client_id')}-${authority.seen.length}`,
          expires_in: '3600',
        }),
      );
    });
    const t = await target((_req, res) => res.end());
    const s = sender({ authority: `${authority.origin}/` });
    const auth = {
      type: 'ActiveDirectoryOAuth' as const,
      tenant: 'contoso.com',
      audience: 'https://management.core.windows.net/',
      clientId: 'app1',
      secret: 's3cret',
    };
    await s.send({ uri: `${t.origin}/`, method: 'POST', headers: { Authorization: 'x' }, auth });
    await s.send({ uri: `${t.origin}/`, method: 'POST', headers: {}, auth });
    expect(authority.seen).toHaveLength(1);
    expect(authority.seen[0]?.path).toBe('/contoso.com/oauth2/token');
    expect(Object.fromEntries(new URLSearchParams(authority.seen[0]?.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'app1',
      client_secret: 's3cret',
      resource: 'https://management.core.windows.net/',
    });
    expect(t.seen.map((r) => r.headers.authorization)).toEqual(['Bearer tok-app1-1', 'Bearer tok-app1-1']);
  });

  it('fails the attempt, naming the authority host, when the token endpoint refuses', async () => {
    const authority = await target((_req, res) => {
      res.statusCode = 401;
      res.end('{"error":"invalid_client"}');
    });
    const t = await target((_req, res) => res.end());
    const out = await sender({ authority: authority.origin }).send({
      uri: `${t.origin}/`,
      method: 'GET',
      headers: {},
      auth: {
        type: 'ActiveDirectoryOAuth',
        tenant: 't',
        audience: 'a',
        clientId: 'c',
        secret: 'never-shown',
      },
    });
    expect(out).toMatchObject({
      kind: 'failed',
      reason: `the token request to '127.0.0.1:${authority.port}' was answered 401`,
    });
    expect(t.seen).toHaveLength(0);
  });
});

describe('SSRF guard at connect time', () => {
  it('refuses a name resolving to 127.0.0.1 in deployed mode without connecting', async () => {
    let connections = 0;
    const server = createServer((_req, res) => res.end());
    server.on('connection', (s: Socket) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as AddressInfo).port;
    try {
      const out = await sender({ policy: deployed }).send({
        uri: `http://localhost:${port}/`,
        method: 'GET',
        headers: {},
      });
      expect(out).toMatchObject({ kind: 'failed', host: `localhost:${port}` });
      expect(out.kind === 'failed' && out.reason).toMatch(
        /^address (127\.0\.0\.1|::1) is not allowed by the outbound policy$/,
      );
      expect(connections).toBe(0);
    } finally {
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  });

  it('refuses a literal loopback IP in deployed mode, and lets it through when allowed', async () => {
    const t = await target((_req, res) => res.end('ok'));
    const refused = await sender({ policy: deployed }).send({
      uri: `${t.origin}/`,
      method: 'GET',
      headers: {},
    });
    expect(refused).toMatchObject({
      kind: 'failed',
      reason: 'address 127.0.0.1 is not allowed by the outbound policy',
    });
    const allowed = new OutboundPolicy({ mode: 'deployed', allow: ['127.0.0.0/8'] });
    const out = await sender({ policy: allowed }).send({ uri: `${t.origin}/`, method: 'GET', headers: {} });
    expect(out).toMatchObject({ kind: 'response', status: 200 });
    expect(t.seen).toHaveLength(1);
  });

  it('admits a host named in the allow list without an address check', async () => {
    const t = await target((_req, res) => res.end('ok'));
    const byName = new OutboundPolicy({ mode: 'deployed', allow: ['LOCALHOST'] });
    const out = await sender({ policy: byName }).send({
      uri: `http://localhost:${t.port}/`,
      method: 'GET',
      headers: {},
    });
    expect(out.kind === 'failed' ? out.reason : 'response').not.toMatch(/outbound policy/);
  });

  it('always refuses the metadata address, even on the local host', async () => {
    const out = await sender().send({
      uri: 'http://169.254.169.254/metadata/instance',
      method: 'GET',
      headers: {},
    });
    expect(out).toEqual({
      kind: 'failed',
      host: '169.254.169.254',
      reason: 'address 169.254.169.254 is not allowed by the outbound policy',
    });
  });
});
