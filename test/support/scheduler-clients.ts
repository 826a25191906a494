/* eslint-disable @typescript-eslint/no-require-imports -- Microsoft's old clients are CommonJS without types */
import moment from 'moment';
import { issueCertificate } from '../../local-host/certificates';
import { startService, testClientCertificate, type TestService } from './service';

// azure-scheduler serializes retry intervals with moment's old `toIsoString`, which warns on every
// call: the client's own deprecation, not the service's, so it is not printed.
moment.suppressDeprecationWarnings = true;
const scheduler = require('azure-scheduler');
const asm = require('azure-asm-scheduler');

export interface SchedulerClients {
  svc: TestService;
  /** azure-asm-scheduler's cloud-service client. */
  csm: any;
  /** azure-asm-scheduler's provider and collection client. */
  smc: any;
  /** azure-scheduler's job client for one collection. */
  jobs: (cloudService: string, collection: string) => any;
  /** A raw HTTPS call with the management certificate (x-ms-version 2013-03-01 unless given). */
  raw: (method: string, path: string, opts?: RawOptions) => Promise<RawResponse>;
  server: { certPem: string };
}

interface RawOptions {
  body?: string;
  headers?: Record<string, string>;
  cert?: { certPem: string; keyPem: string } | null;
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * The local host in HTTPS mode with Microsoft's own Scheduler clients pointed at it, as
 * docs/classic-scheduler.md#f2 shows: certificate credentials, and a filter that trusts the
 * throw-away server certificate.
 */
export async function startSchedulerClients(
  env: Record<string, string> = {},
  opts: { now?: () => Date } = {},
): Promise<SchedulerClients> {
  delete process.env.HTTPS_PROXY;
  delete process.env.HTTP_PROXY;
  delete process.env.https_proxy;
  delete process.env.http_proxy;
  const server = issueCertificate({ commonName: '127.0.0.1', serverNames: ['127.0.0.1', 'localhost'] });
  const svc = await startService(env, { tls: { cert: server.certPem, key: server.keyPem }, ...opts });
  const client = testClientCertificate();
  const creds = scheduler.createCertificateCloudCredentials({
    subscriptionId: svc.sub,
    cert: client.certPem,
    key: client.keyPem,
  });
  const base = `${svc.url}/`;
  const trust = (resource: any, next: any, callback: any) => {
    resource.ca = server.certPem;
    return next(resource, callback);
  };
  const csm = asm.createCloudServiceManagementClient(creds, base);
  csm.withFilter(trust);
  const trusted = csm.withFilter(trust);
  const smc = asm.createSchedulerManagementClient(creds, base, [trust]);
  for (const c of [trusted, smc]) {
    c.longRunningOperationInitialTimeout = 0;
    c.longRunningOperationRetryTimeout = 0;
  }
  const jobs = (cs: string, jc: string) => scheduler.createSchedulerClient(cs, jc, creds, base, [trust]);
  const raw = async (method: string, path: string, opts: RawOptions = {}): Promise<RawResponse> => {
    const { request } = await import('node:https');
    const cert = opts.cert === undefined ? client : opts.cert;
    return new Promise((resolve, reject) => {
      const req = request(
        `${svc.url}${path}`,
        {
          method,
          ca: server.certPem,
          headers: { 'x-ms-version': '2013-03-01', ...opts.headers },
          ...(cert && { cert: cert.certPem, key: cert.keyPem }),
          timeout: 20_000,
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.end(opts.body);
    });
  };
  return { svc, csm: trusted, smc, jobs, raw, server };
}

/** Calls a Node-style client method and resolves with its result, or rejects with its error. */
export function call<T = any>(fn: (cb: (err: any, result: T) => void) => unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    fn((err, result) => (err ? reject(err as Error) : resolve(result)));
  });
}

/** The error a client call fails with (fails the test when it succeeds). */
export async function failure(fn: (cb: (err: any, result: any) => void) => unknown): Promise<any> {
  try {
    await call(fn);
  } catch (err) {
    return err;
  }
  throw new Error('the call succeeded');
}

/** register/unregister send nothing until the returned stream is ended (docs/classic-scheduler.md#f3). */
export function registration(smc: any, action: 'register' | 'unregister'): Promise<any> {
  return new Promise((resolve, reject) => {
    const method = action === 'register' ? smc.registerResourceProvider : smc.unregisterResourceProvider;
    const stream = method.call(smc, (err: any, result: any) =>
      err ? reject(err as Error) : resolve(result),
    );
    stream.end();
  });
}

/** A cloud service with collection `jc1`, made through the clients; answers the collection's path. */
export async function withCollection(c: SchedulerClients, cloudService: string): Promise<string> {
  await call((cb) =>
    c.csm.cloudServices.create(cloudService, { label: 'l', description: 'd', geoRegion: 'west us' }, cb),
  );
  await call((cb) => c.smc.jobCollections.create(cloudService, 'jc1', {}, cb));
  return `/${c.svc.sub}/cloudservices/${cloudService}/resources/scheduler/~/JobCollections/jc1`;
}

/** The `<Error>` body's code and message. */
export const errorOf = (body: string) => ({
  code: /<Code>([^<]*)<\/Code>/.exec(body)?.[1],
  message: /<Message>([^<]*)<\/Message>/.exec(body)?.[1],
});
