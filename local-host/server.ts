import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { HttpRequest, InvocationContext } from '@azure/functions';
import type { HttpResponseInit, LogLevel } from '@azure/functions';
import type { HttpRoute } from '../shared/edge/routes';
import { answerClientError, failureAnswer, hostAllowed, ownAnswer } from './own-answers';
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
  /** Host header names served besides the loopback names (see own-answers.ts); `*` is any. */
  allowedHosts?: readonly string[] | '*';
  log?: (line: string) => void;
}

const CLIENT_CERT = 'x-arr-clientcert';
/** Methods fetch's Request refuses to carry; the route's pipeline still answers them (405). */
const FORBIDDEN_METHODS = ['TRACE', 'TRACK', 'CONNECT'];

const isLoopbackAddress = (a: string) => a === 'localhost' || a === '::1' || a.startsWith('127.');

/**
 * docs/contract/import-export.md#d1: a client's own X-ARR-ClientCert may be passed on only by a host that no one but this
 * machine can reach (plain HTTP on a loopback address); in HTTPS mode the TLS certificate decides.
 */
export const passesClientCertHeader = (address: string, tls: boolean): boolean =>
  !tls && isLoopbackAddress(address);

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

const hasBody = (req: IncomingMessage) =>
  (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0') ||
  req.headers['transfer-encoding'] !== undefined;

/**
 * The body as a stream read only when the pipeline asks for it, after authentication and the
 * declared-length check; only then does a client waiting on `Expect: 100-continue` get its
 * `100 Continue`, so a refused request is never uploaded.
 */
function lazyBody(
  req: IncomingMessage,
  res: ServerResponse,
  expectsContinue: boolean,
): ReadableStream<Uint8Array> {
  let continued = !expectsContinue;
  const chunks = (req as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!continued) {
          continued = true;
          res.writeContinue();
        }
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(new Uint8Array(next.value));
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * The request the handler sees. With a body, a native Request streaming it lazily (as the Functions
 * host's own streaming requests do); without one, or for a method fetch will not carry, a
 * stand-in with no body: building a Request costs more than the rest of a Get Job's adaptation
 * (issue 15), and the pipeline reads only url, method, headers and body of it.
 */
function requestOf(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  method: string,
  headers: Record<string, string>,
) {
  const bodyless = method === 'GET' || method === 'HEAD' || !hasBody(req);
  const nativeRequest =
    bodyless || FORBIDDEN_METHODS.includes(method)
      ? { url: url.toString(), method, headers: new Headers(headers), body: null, bodyUsed: false }
      : new Request(url, {
          method,
          headers,
          body: lazyBody(req, res, /100-continue/i.test(req.headers.expect ?? '')),
          duplex: 'half',
        });
  return { nativeRequest };
}

/**
 * The answer's headers as `Headers` would list them (names lower-cased and sorted, repeats joined,
 * values trimmed), without building one for the plain object every renderer returns.
 */
function headerList(init: HttpResponseInit['headers']): [string, string][] {
  if (!init) return [];
  if (init instanceof Headers || Array.isArray(init) || Symbol.iterator in init) {
    const list: [string, string][] = [];
    new Headers(init).forEach((value, name) => list.push([name, value]));
    return list;
  }
  const byName = new Map<string, string>();
  for (const [name, raw] of Object.entries(init)) {
    const key = name.toLowerCase();
    const value = String(raw).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
    const before = byName.get(key);
    byName.set(key, before === undefined ? value : `${before}, ${value}`);
  }
  return [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

async function send(res: ServerResponse, result: HttpResponseInit): Promise<void> {
  for (const [name, value] of headerList(result.headers)) res.setHeader(name, value);
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
    const method = (req.method ?? 'GET').toUpperCase();
    if (!hostAllowed(req.headers.host, opts.allowedHosts ?? [])) {
      const a = ownAnswer(
        400,
        'InvalidHeaderValue',
        `This local host does not serve the host name in the Host header. Call it as localhost or 127.0.0.1, or add the name to the LOCAL_HOST_ALLOWED_HOSTS setting.`,
        `Host: ${req.headers.host ?? ''}`,
      );
      res.writeHead(a.status, { ...a.headers, Connection: 'close' }).end(a.body);
      return log(`${method} ${req.url ?? ''} ${a.status} refused Host ${req.headers.host ?? '(none)'}`);
    }
    const url = new URL(req.url ?? '/', `${scheme}://${req.headers.host ?? 'localhost'}`);
    // Every route takes every verb it can; one it cannot still reaches the route's pipeline (405).
    const found = matcher.match(url.pathname, method) ?? matcher.match(url.pathname, 'GET');
    if (!found) {
      const a = ownAnswer(404, 'ResourceNotFound', 'The requested resource does not exist.', url.pathname);
      return void res.writeHead(a.status, a.headers).end(a.body);
    }
    const request = new HttpRequest({
      ...requestOf(req, res, url, method, headersOf(req, opts)),
      params: found.params,
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
      if (res.headersSent) return void res.end();
      const a = failureAnswer(err);
      res.writeHead(a.status, { ...a.headers, Connection: 'close' }).end(a.body);
    });
  };
  const server = opts.tls
    ? createHttpsServer(
        { cert: opts.tls.cert, key: opts.tls.key, requestCert: true, rejectUnauthorized: false },
        listener,
      )
    : createHttpServer(listener);
  // Without this listener node answers `100 Continue` itself, before anything is checked.
  server.on('checkContinue', listener);
  server.on('clientError', answerClientError);
  return server;
}
