import { armStatusOf, type ArmCode } from '../arm-import-export/arm-errors';
import { armErrorSchema } from '../arm-import-export/arm-doc-wire.schema';
import type { ClassicCode } from '../classic-import-export/errors';
import { statusOf as classicStatusOf } from '../classic-import-export/error-map';
import { odataErrorSchema } from '../classic-import-export/wire/odata-wire.schema';
import { errorXmlSchema } from '../classic-scheduler/doc-wire.schema';
import { wireStatusOf, type SchedulerWireCode } from '../classic-scheduler/error-map';
import type { OperationDoc, RouteApi } from '../../edge/operation';
import type { Json, SchemaComponents } from './json-schemas';
import { headerRef } from './parameters';

/** A code an error response names: the OData ExtendedCode, the Scheduler's `<Code>`, ARM's `error.code`. */
export type ErrorCode = ClassicCode | SchedulerWireCode | ArmCode;

type Surface = RouteApi['surface'];

/** How an answer is framed: by its pipeline, its representation, and whether it answers a HEAD. */
export interface Framing {
  surface: Surface;
  xml: boolean;
  head: boolean;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted: done; its status is at GET /{sub}/operations/{x-ms-request-id}',
  400: 'Bad request',
  401: 'No valid bearer token; WWW-Authenticate says which issuer',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Request body too large',
  415: 'Unsupported media type',
  500: 'Internal error (a bug: logged with the request id)',
  502: "The customer's storage failed (nothing changed)",
  503: 'The backing store cannot be reached (nothing changed); retry after Retry-After',
};

/** Headers a surface answers in its own form, as components scoped by its name. */
const OWN: Partial<Record<Surface, readonly string[]>> = {
  scheduler: ['Pragma', 'Expires', 'ETag'],
  arm: [
    'x-ms-request-id',
    'x-ms-correlation-request-id',
    'x-ms-client-request-id',
    'ETag',
    'WWW-Authenticate',
  ],
};

const headers = (names: readonly string[], surface: Surface): Json =>
  Object.fromEntries(names.map((n) => [n, headerRef(n, OWN[surface]?.includes(n) ? surface : undefined)]));

/**
 * Headers of every answer (docs/contract/import-export.md#a2): the customer API echoes
 * x-ms-version; the Scheduler adds Pragma and Expires (docs/classic-scheduler.md#a3); Resource
 * Manager its correlation and client request ids (docs/arm-import-export.md#b3).
 */
const COMMON: Record<Surface, readonly string[]> = {
  customer: ['x-ms-request-id', 'Date', 'Cache-Control', 'x-ms-version'],
  operator: ['x-ms-request-id', 'Date', 'Cache-Control'],
  public: ['x-ms-request-id', 'Date', 'Cache-Control'],
  scheduler: ['x-ms-request-id', 'Date', 'Cache-Control', 'Pragma', 'Expires'],
  arm: ['x-ms-request-id', 'x-ms-correlation-request-id', 'x-ms-client-request-id', 'Date', 'Cache-Control'],
};

function statusOf(code: ErrorCode, surface: Surface): number {
  switch (surface) {
    case 'scheduler':
      return wireStatusOf(code as SchedulerWireCode);
    case 'arm':
      return armStatusOf(code as ArmCode);
    default:
      return classicStatusOf(code as ClassicCode);
  }
}

/** The success answer of an operation (docs/contract/import-export.md#a2, #a3): OData JSON, plain JSON or XML. */
export function successResponse(
  success: OperationDoc['success'],
  f: Framing,
  schemas: SchemaComponents,
  description?: string,
): Json {
  const body = success.body;
  const odata: string[] =
    body === undefined || f.surface !== 'customer'
      ? []
      : f.xml
        ? ['DataServiceVersion']
        : ['DataServiceVersion', 'Content-Language'];
  const type = f.xml ? 'application/xml' : 'application/json';
  return {
    description:
      description ??
      (body === undefined
        ? `${REASONS[success.status] ?? 'Success'}, with no body.`
        : REASONS[success.status]),
    headers: headers([...COMMON[f.surface], ...odata, ...(success.headers ?? [])], f.surface),
    ...(body !== undefined &&
      !f.head && { content: { [type]: { schema: schemas.ref(body(), 'response') } } }),
  };
}

const PREFIX: Record<Surface, string> = {
  customer: 'Customer',
  operator: '',
  public: '',
  scheduler: 'Scheduler',
  arm: 'Arm',
};

function errorComponent(surface: Surface, status: number, head: boolean): string {
  const kind =
    status === 503 ? 'Unavailable' : surface === 'arm' && status === 401 ? 'Unauthorized' : 'Error';
  return `${PREFIX[surface === 'public' ? 'operator' : surface]}${kind}${head ? 'Head' : ''}`;
}

const component = (surface: Surface, status: number, head: boolean, body: Json | undefined): Json => ({
  description: status === 503 ? REASONS[503] : status === 401 ? REASONS[401] : 'An error.',
  headers: headers(
    [
      ...COMMON[surface],
      ...(surface === 'customer' || surface === 'operator' ? ['DataServiceVersion', 'Content-Language'] : []),
      ...(status === 503 ? ['Retry-After'] : []),
      ...(status === 401 ? ['WWW-Authenticate'] : []),
    ],
    surface,
  ),
  ...(!head && body && { content: body }),
});

/**
 * `components.responses`: an error answer in its surface's body and headers: the OData body
 * (docs/contract/import-export.md#a4) with a HEAD form; the Scheduler's XML `<Error>` on every
 * route, JSON ones included (docs/classic-scheduler.md#a5); ARM's error object with its 401
 * challenge (docs/arm-import-export.md#b4, #e4); Retry-After on 503 everywhere.
 */
export function errorResponseComponents(schemas: SchemaComponents): Record<string, Json> {
  const out: Record<string, Json> = {};
  const odata = { 'application/json': { schema: schemas.ref(odataErrorSchema(), 'response') } };
  for (const surface of ['customer', 'operator'] as const)
    for (const status of [400, 503])
      for (const head of [false, true])
        out[errorComponent(surface, status, head)] = component(surface, status, head, odata);
  const xml = { 'application/xml': { schema: schemas.ref(errorXmlSchema(), 'response') } };
  for (const status of [400, 503])
    out[errorComponent('scheduler', status, false)] = component('scheduler', status, false, xml);
  const arm = { 'application/json': { schema: schemas.ref(armErrorSchema(), 'response') } };
  for (const status of [400, 401, 503])
    out[errorComponent('arm', status, false)] = component('arm', status, false, arm);
  return out;
}

const FIELD: Record<Surface, string> = {
  customer: 'ExtendedCode',
  operator: 'ExtendedCode',
  public: 'ExtendedCode',
  scheduler: 'Code',
  arm: 'error.code',
};

/** One response per error status, naming the codes behind it (docs/contract/import-export.md#a4). */
export function errorResponses(codes: ReadonlySet<ErrorCode>, f: Framing): Json {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = statusOf(code, f.surface);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Json = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    out[String(status)] = {
      $ref: `#/components/responses/${errorComponent(f.surface, status, f.head)}`,
      description: `${REASONS[status] ?? 'Error'}. ${FIELD[f.surface]}: ${list.join(', ')}.`,
    };
  }
  return out;
}
