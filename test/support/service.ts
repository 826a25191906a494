import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { readCertificate } from '../../shared/identity/client-certificate';
import type { Runtime } from '../../shared/app/runtime';
import { issueCertificate, type IssuedCertificate } from '../../local-host/certificates';
import { loadRoutes } from '../../local-host/quiet-import';
import { createLocalHost, type LocalHostOptions } from '../../local-host/server';
import { newSubscription, TEST_OPERATOR_KEY, testRuntime } from './runtime';

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Defaults to 2014-11-01; `null` sends no x-ms-version. */
  version?: string | null;
  /** Defaults to the service's client certificate; `null` sends none. */
  cert?: string | null;
}

export interface TestService {
  url: string;
  rt: Runtime;
  /** A subscription with the client certificate registered. */
  sub: string;
  cert: IssuedCertificate;
  /** `/{sub}/services/importexport` on this service. */
  base: (sub?: string) => string;
  /** A customer API call: path relative to the base of `sub` (default: the service's). */
  call: (method: string, path: string, opts?: CallOptions & { sub?: string }) => Promise<Response>;
  /** An operator API call under `/operator`. */
  operator: (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<Response>;
  stop: () => Promise<void>;
}

let client: IssuedCertificate | undefined;
export const testClientCertificate = (): IssuedCertificate =>
  (client ??= issueCertificate({ commonName: 'test client' }));

/**
 * The service behind the local host on a free loopback port, on a fresh runtime, with a
 * subscription whose management certificate is registered: real HTTP for end-to-end tests.
 */
export async function startService(
  env: Record<string, string> = {},
  opts: Partial<LocalHostOptions> & { now?: () => Date } = {},
): Promise<TestService> {
  const rt = testRuntime(env, opts.now);
  const routes = await loadRoutes();
  const server: Server = createLocalHost(routes, {
    passClientCertHeader: true,
    log: () => undefined,
    ...opts,
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const scheme = opts.tls ? 'https' : 'http';
  const url = `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cert = testClientCertificate();
  const sub = newSubscription();
  await rt.certificates.put(sub, readCertificate(cert.derBase64)!);
  const base = (s = sub) => `${url}/${s}/services/importexport`;
  const call: TestService['call'] = (method, path, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.version !== null) headers['x-ms-version'] ??= o.version ?? '2014-11-01';
    if (o.cert !== null) headers['x-arr-clientcert'] ??= o.cert ?? cert.derBase64;
    const body =
      o.body === undefined
        ? undefined
        : typeof o.body === 'string' || o.body instanceof Uint8Array
          ? o.body
          : JSON.stringify(o.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    return fetch(`${base(o.sub)}${path}`, { method, headers, ...(body !== undefined && { body }) });
  };
  const operator: TestService['operator'] = (method, path, body, headers = {}) =>
    fetch(`${url}/operator${path}`, {
      method,
      headers: {
        'x-operator-key': TEST_OPERATOR_KEY,
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && {
        body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
      }),
    });
  return {
    url,
    rt,
    sub,
    cert,
    base,
    call,
    operator,
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** The ExtendedCode of an OData error response. */
export async function extendedCode(res: Response): Promise<string | undefined> {
  const body = (await res.json()) as { 'odata.error'?: { 'azure.values'?: { ExtendedCode?: string }[] } };
  return body['odata.error']?.['azure.values']?.[0]?.ExtendedCode;
}

/** The test storage's connection string with its table endpoint on a loopback port nothing listens on. */
export async function unreachableTableStorage(): Promise<string> {
  const { createServer } = await import('node:net');
  const port = await new Promise<number>((ok) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => ok(typeof address === 'object' && address ? address.port : 0));
    });
  });
  return process.env.AzureWebJobsStorage!.replace(
    /TableEndpoint=[^;]+/,
    `TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1`,
  );
}
