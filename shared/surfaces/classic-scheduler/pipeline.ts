import type { HttpHandler } from '@azure/functions';
import { readBody } from '../../edge/body';
import type { Operation } from '../../edge/operation';
import type { Exchange, PreStep, Step } from '../../edge/pipeline';
import { pipeline } from '../../edge/pipeline';
import { newRequestId, ownVerb } from '../../edge/request-info';
import type { CertificateAuthenticator } from '../../identity/certificate-auth';
import type { SchedulerDeps } from '../../scheduler/deps';
import type { PfxReader } from '../../scheduler/pfx';
import { render, renderError } from './envelope';
import { SchedulerWireError } from './error-map';

/** What the surface needs of the composition root (app/ passes the runtime in). */
export interface SchedulerSurfaceDeps {
  scheduler: SchedulerDeps;
  readPfx: PfxReader;
  authenticator: Pick<CertificateAuthenticator, 'authenticate'>;
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

export interface SchedOp extends Operation<SchedRequest> {
  /** The body's media type; undefined: the body is ignored. */
  accepts?: 'xml' | 'json';
}

/** What the Scheduler's steps learn of a request. */
interface SchedFacts {
  /** Query parameters by lower-cased name, the first of each. */
  query: Map<string, string>;
  /** The subscription, lower-case. */
  sub: string;
}

const MAX_URL = 2048;
const MAX_BODY = 64 * 1024;
const RESERVED_SUBS = ['operator', 'subscriptions', 'providers', 'admin'];
const VERSION = /^(\d{4})-(\d{2})-(\d{2})$/;
const JOBS_API_VERSION = '2014-04-01';

const wire = (code: ConstructorParameters<typeof SchedulerWireError>[0], message: string) =>
  new SchedulerWireError(code, message);

type X = Exchange<SchedulerSurfaceDeps, SchedFacts>;
type SchedStep = Step<SchedulerSurfaceDeps, SchedFacts>;
const opOf = (x: X): SchedOp => x.op;

/** docs/classic-scheduler.md#a1: a URL over 2048 characters is 400; query names match in any case. */
const url: PreStep<SchedFacts> = (request, pre) => {
  const query = new Map<string, string>();
  for (const [k, v] of new URL(request.url).searchParams)
    if (!query.has(k.toLowerCase())) query.set(k.toLowerCase(), v);
  if (request.url.length > MAX_URL)
    throw wire('BadRequest', 'The request URL is longer than 2048 characters.');
  pre.facts.query = query;
};

/** docs/classic-scheduler.md#a1: `{sub}` is not format-checked, but never a reserved word (404). */
const subscription: PreStep<SchedFacts> = (request, pre) => {
  const sub = (request.params.sub ?? '').toLowerCase();
  if (RESERVED_SUBS.includes(sub)) throw wire('ResourceNotFound', 'The specified resource does not exist.');
  pre.facts.sub = sub;
};

/** docs/classic-scheduler.md#a2: any YYYY-MM-DD from 2013-03-01 on. */
const version: SchedStep = (x) => {
  const value = x.request.headers.get('x-ms-version')?.trim() ?? null;
  const m = value === null ? null : VERSION.exec(value);
  if (!m || value! < '2013-03-01' || Number.isNaN(Date.parse(value!)))
    throw wire(
      'MissingOrIncorrectVersionHeader',
      'The versioning header is not specified or was specified incorrectly.',
    );
};

/** docs/classic-scheduler.md#a2: `api-version`, when present, is 2014-04-01. */
const apiVersion: SchedStep = (x) => {
  const value = x.facts.query?.get('api-version');
  if (value !== undefined && value !== JOBS_API_VERSION)
    throw wire('MissingOrInvalidRequiredQueryParameter', `api-version must be ${JOBS_API_VERSION}.`);
};

/** docs/classic-scheduler.md#a4: the subscription's management certificate (403 otherwise). */
const certificate: SchedStep = async (x) => {
  const header = x.deps.config.trustForwardedClientCert ? x.request.headers.get('x-arr-clientcert') : null;
  await x.deps.authenticator.authenticate(x.facts.sub ?? '', header ?? undefined);
};

/** docs/classic-scheduler.md#a2: a Content-Type other than the route's (parameters allowed) is 400. */
const contentType: SchedStep = (x) => {
  const kind = opOf(x).accepts;
  const type = x.request.headers.get('content-type');
  if (!kind || type === null || type.trim() === '') return;
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
};

/** docs/classic-scheduler.md#a2: a body over 64 KiB is 400, unparsed; the operation parses it. */
const body: SchedStep = async (x) => {
  if (opOf(x).accepts) x.body = await readBody(x.request, MAX_BODY);
};

/**
 * The classic Scheduler on the one pipeline, in the order of docs/classic-scheduler.md#a7: route
 * (URL length, reserved subscriptions), verb (no tunnelling; another is 400 InvalidHttpVerb),
 * x-ms-version, api-version, certificate, then the body, bounded, and the operation (existence,
 * conditions, validation, state, quotas).
 */
export const schedulerApi = (deps: () => SchedulerSurfaceDeps) =>
  pipeline<SchedulerSurfaceDeps, SchedFacts, SchedRequest>({
    surface: 'scheduler',
    deps,
    before: [url, subscription],
    verb: ownVerb,
    steps: [version, apiVersion, certificate, contentType, body],
    request: (x) => ({
      rt: x.deps,
      requestId: x.requestId,
      sub: x.facts.sub ?? '',
      params: x.request.params,
      query: x.facts.query ?? new Map<string, string>(),
      headers: x.request.headers,
      body: (x.body as Buffer | undefined) ?? Buffer.alloc(0),
    }),
    render: (reply, x) => render(reply, x.requestId),
    renderError: (err, x, log) => renderError(err, x.requestId, log),
  });

/** Unknown paths under the Scheduler's prefixes: the XML 404. */
export const schedulerNotFound: HttpHandler = (_request, context) =>
  Promise.resolve(
    renderError(wire('ResourceNotFound', 'The specified resource does not exist.'), newRequestId(), context),
  );

export { wire };
