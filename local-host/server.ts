import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { HttpRequest, InvocationContext } from '@azure/functions';
import type { HttpResponseInit, LogLevel } from '@azure/functions';
import { MAX_BODY_BYTES } from '../shared/edge/body';
import type { HttpRoute } from '../shared/edge/routes';
import { RouteMatcher } from './route-matcher';

export interface LocalHostOptions {
  /** PEM server certificate and key: serve HTTPS and ask clients for a certificate. */
  tls?: { cert: string; key: string };
  /**
   * Whether, over plain HTTP, a client's own X-ARR-ClientCert header is passed on (meant for a
   * loopback address only); otherwise it is removed. In HTTPS mode it is always replaced by the TLS
   * peer certificate, or removed when there is none, as App Service does (docs/contract/import-export.md#d1).
   */
  passClientCertHeader: boolean;
  log?: (line: string) => void;
}

const CLIENT_CERT = 'x-arr-clientcert';

const isLoopbackAddress = (a: string) => a === 'localhost' || a === '::1' || a.startsWith('127.');

/**
 * docs/contract/import-export.md#d1: a client's own X-ARR-ClientCert may be passed on only by a host that no one but this
 * machine can reach (plain HTTP on a loopback address); in HTTPS mode the TLS certificate decides.
 */
export const passesClientCertHeader = (address: string, tls: boolean): boolean =>
  !tls && isLoopbackAddress(address);

/** Reads at most one byte past the body limit: enough for the pipeline to answer 413. */
async function readCapped(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size > MAX_BODY_BYTES) break;
  }
  return Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES + 1);
}

function headersOf(req: IncomingMessage, opts: LocalHostOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  if (opts.tls || !opts.passClientCertHeader) delete headers[CLIENT_CERT];
  if (opts.tls) {
    const peer = (req.socket as TLSSocket).getPeerCertificate?.();
    if (peer?.raw) headers[CLIENT_CERT] = peer.raw.toString('base64');
  }
  return headers;
}

async function send(res: ServerResponse, result: HttpResponseInit): Promise<void> {
  const headers = new Headers(result.headers);
  headers.forEach((value, name) => res.setHeader(name, value));
  res.statusCode = result.status ?? 200;
  const body = result.body;
  if (body === undefined || body === null) return void res.end();
  if (typeof body === 'string' || body instanceof Uint8Array) return void res.end(body);
  res.end(Buffer.from(await new Response(body as ConstructorParameters<typeof Response>[0]).arrayBuffer()));
}

/**
 * A small development host for the Functions route table: a node:http(s) server that builds real
 * HttpRequest and InvocationContext objects and calls the registered handlers, for machines
 * without the Azure Functions Core Tools. It is not on the handlers' code path.
 */
export function createLocalHost(routes: readonly HttpRoute[], opts: LocalHostOptions): Server {
  const matcher = new RouteMatcher(routes);
  const log = opts.log ?? ((line: string) => console.log(line));
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    const scheme = opts.tls ? 'https' : 'http';
    const url = new URL(req.url ?? '/', `${scheme}://${req.headers.host ?? 'localhost'}`);
    const method = (req.method ?? 'GET').toUpperCase();
    const found = matcher.match(url.pathname, method);
    if (!found) {
      res.writeHead(404).end();
      return;
    }
    const bytes = method === 'GET' || method === 'HEAD' ? undefined : await readCapped(req);
    const request = new HttpRequest({
      method,
      url: url.toString(),
      headers: headersOf(req, opts),
      params: found.params,
      ...(bytes && { body: { bytes } }),
    });
    const context = new InvocationContext({
      invocationId: randomUUID(),
      functionName: found.route.name,
      logHandler: (level: LogLevel, ...args: unknown[]) =>
        log(`[${level}] ${found.route.name}: ${args.map(String).join(' ')}`),
    });
    const result = (await found.route.handler(request, context)) as HttpResponseInit;
    if (!req.complete) res.setHeader('Connection', 'close');
    await send(res, result);
    log(
      `${method} ${url.pathname} ${res.statusCode} ${Date.now() - started}ms ${String(res.getHeader('x-ms-request-id') ?? '')}`,
    );
  };
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      log(`[error] local host: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
  return opts.tls
    ? createHttpsServer(
        { cert: opts.tls.cert, key: opts.tls.key, requestCert: true, rejectUnauthorized: false },
        listener,
      )
    : createHttpServer(listener);
}
