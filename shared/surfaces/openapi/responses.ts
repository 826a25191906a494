import type { ClassicCode as ErrorCode } from '../classic-import-export/errors';
import { statusOf } from '../classic-import-export/error-map';
import type { OperationDoc } from '../../edge/operation';
import type { RouteApi } from '../../edge/operation';
import { odataErrorSchema } from '../classic-import-export/wire/odata-wire.schema';
import type { Json, SchemaComponents } from './json-schemas';
import type { ResponseHeader } from './parameters';
import { headerRef } from './parameters';

/** How an answer is framed: by its pipeline, its representation, and whether it answers a HEAD. */
export interface Framing {
  surface: RouteApi['surface'];
  xml: boolean;
  head: boolean;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
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

const headers = (names: readonly ResponseHeader[]): Json =>
  Object.fromEntries(names.map((n) => [n, headerRef(n)]));

/** Headers of every answer (docs/contract/import-export.md#a2): the customer API echoes x-ms-version. */
const common = (surface: Framing['surface']): ResponseHeader[] => [
  'x-ms-request-id',
  'Date',
  'Cache-Control',
  ...(surface === 'customer' ? (['x-ms-version'] as const) : []),
];

/** The success answer of an operation (docs/contract/import-export.md#a2, #a3): OData JSON, plain JSON or XML. */
export function successResponse(
  success: OperationDoc['success'],
  f: Framing,
  schemas: SchemaComponents,
  description?: string,
): Json {
  const body = success.body;
  const odata: ResponseHeader[] =
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
    headers: headers([...common(f.surface), ...odata, ...(success.headers ?? [])]),
    ...(body !== undefined &&
      !f.head && { content: { [type]: { schema: schemas.ref(body(), 'response') } } }),
  };
}

const errorComponent = (customer: boolean, unavailable: boolean, head: boolean) =>
  `${customer ? 'Customer' : ''}${unavailable ? 'Unavailable' : 'Error'}${head ? 'Head' : ''}`;

/**
 * `components.responses`: an error answer with the OData body (docs/contract/import-export.md#a4) and the headers of its
 * pipeline, Retry-After on 503 (docs/contract/import-export.md#d6), no body on a HEAD.
 */
export function errorResponseComponents(schemas: SchemaComponents): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const customer of [true, false])
    for (const unavailable of [false, true])
      for (const head of [false, true]) {
        out[errorComponent(customer, unavailable, head)] = {
          description: unavailable ? REASONS[503] : 'An error.',
          headers: headers([
            ...common(customer ? 'customer' : 'operator'),
            'DataServiceVersion',
            'Content-Language',
            ...(unavailable ? (['Retry-After'] as const) : []),
          ]),
          ...(!head && {
            content: { 'application/json': { schema: schemas.ref(odataErrorSchema(), 'response') } },
          }),
        };
      }
  return out;
}

/** One response per error status, naming its ExtendedCodes (docs/contract/import-export.md#a4). */
export function errorResponses(codes: ReadonlySet<ErrorCode>, f: Framing): Json {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = statusOf(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Json = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    const component = errorComponent(f.surface === 'customer', status === 503, f.head);
    out[String(status)] = {
      $ref: `#/components/responses/${component}`,
      description: `${REASONS[status] ?? 'Error'}. ExtendedCode: ${list.join(', ')}.`,
    };
  }
  return out;
}
