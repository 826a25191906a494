import type { ClassicCode } from '../classic-import-export/errors';
import { statusOf as classicStatusOf } from '../classic-import-export/error-map';
import { wireStatusOf, type SchedulerWireCode } from '../classic-scheduler/error-map';
import { errorXmlSchema } from '../classic-scheduler/doc-wire.schema';
import type { OperationDoc } from '../../edge/operation';
import type { RouteApi } from '../../edge/operation';
import { odataErrorSchema } from '../classic-import-export/wire/odata-wire.schema';
import type { Json, SchemaComponents } from './json-schemas';
import type { ResponseHeader } from './parameters';
import { headerRef } from './parameters';
import type { SchedulerResponseHeader } from './scheduler-parts';

/** A code an error response names: the OData ExtendedCode, or the Scheduler's `<Code>`. */
export type ErrorCode = ClassicCode | SchedulerWireCode;

/** How an answer is framed: by its pipeline, its representation, and whether it answers a HEAD. */
export interface Framing {
  surface: RouteApi['surface'];
  xml: boolean;
  head: boolean;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted: done; its status is at GET /{sub}/operations/{x-ms-request-id}',
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Request body too large',
  500: 'Internal error (a bug: logged with the request id)',
  502: "The customer's storage failed (nothing changed)",
  503: 'The backing store cannot be reached (nothing changed); retry after Retry-After',
};

type AnyHeader = ResponseHeader | SchedulerResponseHeader;
const SCHEDULER_OWN: readonly AnyHeader[] = ['Pragma', 'Expires'];

const headers = (names: readonly AnyHeader[], surface: Framing['surface']): Json =>
  Object.fromEntries(
    names.map((n) => [
      n,
      headerRef(n, surface === 'scheduler' && (SCHEDULER_OWN.includes(n) || n === 'ETag')),
    ]),
  );

/**
 * Headers of every answer (docs/contract/import-export.md#a2): the customer API echoes
 * x-ms-version; the Scheduler adds Pragma and Expires (docs/classic-scheduler.md#a3).
 */
const common = (surface: Framing['surface']): AnyHeader[] => [
  'x-ms-request-id',
  'Date',
  'Cache-Control',
  ...(surface === 'customer' ? (['x-ms-version'] as const) : []),
  ...(surface === 'scheduler' ? SCHEDULER_OWN : []),
];

const statusOf = (code: ErrorCode, surface: Framing['surface']): number =>
  surface === 'scheduler' ? wireStatusOf(code as SchedulerWireCode) : classicStatusOf(code as ClassicCode);

/** The success answer of an operation (docs/contract/import-export.md#a2, #a3): OData JSON, plain JSON or XML. */
export function successResponse(
  success: OperationDoc['success'],
  f: Framing,
  schemas: SchemaComponents,
  description?: string,
): Json {
  const body = success.body;
  const odata: AnyHeader[] =
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
    headers: headers([...common(f.surface), ...odata, ...(success.headers ?? [])], f.surface),
    ...(body !== undefined &&
      !f.head && { content: { [type]: { schema: schemas.ref(body(), 'response') } } }),
  };
}

const PREFIX: Record<Framing['surface'], string> = {
  customer: 'Customer',
  operator: '',
  public: '',
  scheduler: 'Scheduler',
};

const errorComponent = (surface: Framing['surface'], unavailable: boolean, head: boolean) =>
  `${PREFIX[surface]}${unavailable ? 'Unavailable' : 'Error'}${head ? 'Head' : ''}`;

/**
 * `components.responses`: an error answer with the OData body (docs/contract/import-export.md#a4) and the headers of its
 * pipeline, Retry-After on 503 (docs/contract/import-export.md#d6), no body on a HEAD.
 */
export function errorResponseComponents(schemas: SchemaComponents): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const surface of ['customer', 'operator'] as const)
    for (const unavailable of [false, true])
      for (const head of [false, true]) {
        out[errorComponent(surface, unavailable, head)] = {
          description: unavailable ? REASONS[503] : 'An error.',
          headers: headers(
            [
              ...common(surface),
              'DataServiceVersion',
              'Content-Language',
              ...(unavailable ? (['Retry-After'] as const) : []),
            ],
            surface,
          ),
          ...(!head && {
            content: { 'application/json': { schema: schemas.ref(odataErrorSchema(), 'response') } },
          }),
        };
      }
  // docs/classic-scheduler.md#a5: `<Error>` in XML on every route, JSON ones included; no HEAD.
  for (const unavailable of [false, true])
    out[errorComponent('scheduler', unavailable, false)] = {
      description: unavailable ? REASONS[503] : 'An error.',
      headers: headers(
        [...common('scheduler'), ...(unavailable ? (['Retry-After'] as const) : [])],
        'scheduler',
      ),
      content: { 'application/xml': { schema: schemas.ref(errorXmlSchema(), 'response') } },
    };
  return out;
}

/** One response per error status, naming its ExtendedCodes (docs/contract/import-export.md#a4). */
export function errorResponses(codes: ReadonlySet<ErrorCode>, f: Framing): Json {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = statusOf(code, f.surface);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Json = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    const component = errorComponent(f.surface === 'public' ? 'operator' : f.surface, status === 503, f.head);
    const field = f.surface === 'scheduler' ? 'Code' : 'ExtendedCode';
    out[String(status)] = {
      $ref: `#/components/responses/${component}`,
      description: `${REASONS[status] ?? 'Error'}. ${field}: ${list.join(', ')}.`,
    };
  }
  return out;
}
