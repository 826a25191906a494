import { randomBytes } from 'node:crypto';
import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { CodedError } from '../../kernel/errors';
import { redact } from '../../kernel/redact';
import type { SchedulerDeps } from '../../scheduler/deps';
import type { PfxReader } from '../../scheduler/pfx';
import { SchedulerError } from '../../scheduler/errors';
import { FORBIDDEN_MESSAGE, SchedulerWireError, transportWireOf, wireOf, type WireError } from './error-map';
import { xmlDocument } from './xml';

export type Verb = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

/** What the surface needs of the composition root (app/ passes the runtime in). */
export interface SchedulerSurfaceDeps {
  scheduler: SchedulerDeps;
  readPfx: PfxReader;
  authenticator: { authenticate(subscriptionId: string, clientCert: string | undefined): Promise<void> };
  config: { trustForwardedClientCert: boolean };
}

export interface SchedRequest {
  rt: SchedulerSurfaceDeps;
  requestId: string;
  /** Lower-case. */
  sub: string;
  params: Readonly<Record<string, string>>;
  /** Query parameters by lower-cased name (docs/classic-scheduler.md#a1: names match in any case). */
  query: ReadonlyMap<string, string>;
  headers: Headers;
  body: Buffer;
}

export interface SchedReply {
  status: number;
  xml?: string;
  json?: unknown;
  headers?: Record<string, string>;
}

export interface SchedOp {
  /** The body's media type; undefined: the body is ignored. */
  body?: 'xml' | 'json';
  run(req: SchedRequest): Promise<SchedReply>;
}

const MAX_URL = 2048;
const MAX_BODY = 64 * 1024;
const RESERVED_SUBS = ['operator', 'subscriptions', 'providers', 'admin'];
const VERSION = /^(\d{4})-(\d{2})-(\d{2})$/;
const JOBS_API_VERSION = '2014-04-01';

const wire = (code: ConstructorParameters<typeof SchedulerWireError>[0], message: string) =>
  new SchedulerWireError(code, message);

/** docs/classic-scheduler.md#a2: any YYYY-MM-DD from 2013-03-01 on. */
function checkVersion(value: string | null): void {
  const m = value === null ? null : VERSION.exec(value.trim());
  if (!m || value!.trim() < '2013-03-01' || Number.isNaN(Date.parse(value!.trim())))
    throw wire(
      'MissingOrIncorrectVersionHeader',
      'The versioning header is not specified or was specified incorrectly.',
    );
}

function queryOf(url: URL): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of url.searchParams) if (!out.has(k.toLowerCase())) out.set(k.toLowerCase(), v);
  return out;
}

async function readBody(request: HttpRequest): Promise<Buffer> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > MAX_BODY)
    throw wire('BadRequest', 'The request body is larger than 64 KiB.');
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_BODY) throw wire('BadRequest', 'The request body is larger than 64 KiB.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function checkContentType(request: HttpRequest, kind: 'xml' | 'json'): void {
  const type = request.headers.get('content-type');
  if (type === null || type.trim() === '') return;
  const media = type.split(';')[0]!.trim().toLowerCase();
  const ok =
    kind === 'json'
      ? media === 'application/json' || media.endsWith('+json')
      : media === 'application/xml' || media === 'text/xml';
  if (!ok)
    throw wire(
      'BadRequest',
      `The Content-Type '${media}' is not accepted here; send ${kind === 'json' ? 'application/json' : 'application/xml'}.`,
    );
}

const COMMON = { 'Cache-Control': 'no-cache', Pragma: 'no-cache', Expires: '-1' };

const errorXml = (code: string, message: string): string =>
  xmlDocument([
    'Error',
    [
      ['Code', code],
      ['Message', message],
    ],
  ]);

function render(reply: SchedReply, requestId: string): HttpResponseInit {
  const headers: Record<string, string> = { ...COMMON, 'x-ms-request-id': requestId, ...reply.headers };
  let body: string | undefined;
  if (reply.json !== undefined) {
    body = JSON.stringify(reply.json);
    headers['Content-Type'] = 'application/json; charset=utf-8';
  } else if (reply.xml !== undefined) {
    body = reply.xml;
    headers['Content-Type'] = 'application/xml; charset=utf-8';
  }
  if (body === undefined) return { status: reply.status, headers };
  headers['Content-Length'] = String(Buffer.byteLength(body));
  return { status: reply.status, headers, body };
}

function classify(err: unknown): (WireError & { message: string }) | undefined {
  if (err instanceof SchedulerError) return { ...wireOf(err.code), message: err.message };
  if (err instanceof SchedulerWireError) return { ...transportWireOf(err.code), message: err.message };
  if (err instanceof CodedError && err.code === 'AuthenticationFailed')
    return { ...transportWireOf('ForbiddenError'), message: FORBIDDEN_MESSAGE };
  if (err instanceof CodedError && err.code === 'ServiceUnavailable')
    return {
      ...transportWireOf('ServerBusy'),
      message:
        'The server (or an internal component) is currently unavailable to receive requests. Please retry your request.',
    };
  return undefined;
}

function renderError(
  err: unknown,
  requestId: string,
  log: Pick<InvocationContext, 'error'>,
): HttpResponseInit {
  const known = classify(err);
  if (!known) {
    log.error(
      redact(
        `request ${requestId} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      ),
    );
    return render(
      {
        status: 500,
        xml: errorXml('InternalError', 'The server encountered an internal error. Please retry the request.'),
      },
      requestId,
    );
  }
  const headers = known.status === 503 ? { 'Retry-After': '10' } : undefined;
  return render(
    { status: known.status, xml: errorXml(known.code, known.message), ...(headers && { headers }) },
    requestId,
  );
}

const newRequestId = (): string => randomBytes(16).toString('hex');

/**
 * The classic Scheduler pipeline, in the order of docs/classic-scheduler.md#a7: route and verb,
 * x-ms-version, api-version, certificate, then the operation (existence, conditions, validation,
 * state, quotas) with its body read and bounded.
 */
export const schedulerApi =
  (deps: () => SchedulerSurfaceDeps) =>
  (ops: Partial<Record<Verb, SchedOp>>): HttpHandler => {
    return async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
      const requestId = newRequestId();
      try {
        const url = new URL(request.url);
        if (request.url.length > MAX_URL)
          throw wire('BadRequest', 'The request URL is longer than 2048 characters.');
        const sub = (request.params.sub ?? '').toLowerCase();
        if (RESERVED_SUBS.includes(sub))
          throw wire('ResourceNotFound', 'The specified resource does not exist.');
        const op = ops[request.method.toUpperCase() as Verb];
        if (!op)
          throw wire(
            'InvalidHttpVerb',
            "The HTTP verb specified was not recognized by the server or isn't valid for this resource.",
          );
        checkVersion(request.headers.get('x-ms-version'));
        const query = queryOf(url);
        const apiVersion = query.get('api-version');
        if (apiVersion !== undefined && apiVersion !== JOBS_API_VERSION)
          throw wire('MissingOrInvalidRequiredQueryParameter', `api-version must be ${JOBS_API_VERSION}.`);
        const rt = deps();
        const cert = rt.config.trustForwardedClientCert ? request.headers.get('x-arr-clientcert') : null;
        await rt.authenticator.authenticate(sub, cert ?? undefined);
        let body: Buffer = Buffer.alloc(0);
        if (op.body) {
          checkContentType(request, op.body);
          body = await readBody(request);
        }
        const reply = await op.run({
          rt,
          requestId,
          sub,
          params: request.params,
          query,
          headers: request.headers,
          body,
        });
        return render(reply, requestId);
      } catch (err) {
        return renderError(err, requestId, context);
      }
    };
  };

/** Unknown paths under the Scheduler's prefixes: the XML 404. */
export const schedulerNotFound: HttpHandler = (_request, context) =>
  Promise.resolve(
    renderError(wire('ResourceNotFound', 'The specified resource does not exist.'), newRequestId(), context),
  );

export { wire };
