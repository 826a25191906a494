import { classicPutCommand } from '../../shared/surfaces/classic-import-export/classic-job-input';
import { request } from 'node:https';
import { issueCertificate } from '../../local-host/certificates';
import { samplePutJob } from '../support/samples';
import { startService, type TestService } from '../support/service';

/** The local host in HTTPS mode authenticates with the TLS client certificate itself (docs/contract/import-export.md#d1). */
let svc: TestService;
const server = issueCertificate({ commonName: 'localhost', serverNames: ['localhost', '127.0.0.1'] });
beforeAll(async () => {
  svc = await startService({}, { tls: { cert: server.certPem, key: server.keyPem } });
});
afterAll(() => svc.stop());

function get(
  path: string,
  opts: { cert?: { certPem: string; keyPem: string }; headers?: Record<string, string> } = {},
) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      `${svc.base()}${path}`,
      {
        method: 'GET',
        ca: server.certPem,
        headers: { 'x-ms-version': '2014-11-01', ...opts.headers },
        ...(opts.cert && { cert: opts.cert.certPem, key: opts.cert.keyPem }),
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the local host over HTTPS', () => {
  beforeAll(async () => {
    // Created over plain HTTP on the same runtime would need a second host; write through the store instead.
    const { putJob } = await import('../../shared/import-export/customer/put-job');
    const { parseJsonBody } = await import('../../shared/edge/body');
    const { PutJobBodySchema } =
      await import('../../shared/surfaces/classic-import-export/wire/put-job.schema');
    const definition = parseJsonBody(Buffer.from(JSON.stringify(samplePutJob('TlsJob'))), PutJobBodySchema);
    await putJob(
      svc.rt.jobs,
      classicPutCommand({
        subscriptionId: svc.sub,
        storageAccountName: 'xttest',
        jobName: 'TlsJob',
        version: '2014-11-01',
        definition,
        conditions: { kind: 'none' },
      }),
    );
  });

  it('authenticates the TLS client certificate', async () => {
    const res = await get('/storageaccounts/xttest/jobs/TlsJob', { cert: svc.cert });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ Name: 'TlsJob' });
  });

  it('refuses a connection without a client certificate, and ignores a forged X-ARR-ClientCert', async () => {
    expect((await get('/storageaccounts/xttest/jobs/TlsJob')).status).toBe(403);
    expect(
      (
        await get('/storageaccounts/xttest/jobs/TlsJob', {
          headers: { 'x-arr-clientcert': svc.cert.derBase64 },
        })
      ).status,
    ).toBe(403);
  });

  it('takes the TLS certificate over a forged header naming another one', async () => {
    const stranger = issueCertificate({ commonName: 'stranger' });
    const res = await get('/storageaccounts/xttest/jobs/TlsJob', {
      cert: stranger,
      headers: { 'x-arr-clientcert': svc.cert.derBase64 },
    });
    expect(res.status).toBe(403);
  });
});
