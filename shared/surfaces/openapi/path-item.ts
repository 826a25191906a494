import type { OperationDoc, RouteApi } from '../../edge/operation';
import type { Verb } from '../../edge/request-info';
import type { HttpRoute } from '../../edge/routes';
import { SECURITY, TAGS } from './document-info';
import type { Json, SchemaComponents } from './json-schemas';
import { CONDITIONAL_HEADERS, parameterRef, parametersOf, TUNNEL_HEADER } from './parameters';
import type { ErrorCode, Framing } from './responses';
import { errorResponses, successResponse } from './responses';
import type { SurfaceProfile } from './surface-profiles';
import { PROFILES } from './surface-profiles';

type Surface = RouteApi['surface'];
type AnyOperation = OperationDoc;

interface Context {
  route: HttpRoute;
  surface: Surface;
  profile: SurfaceProfile;
  schemas: SchemaComponents;
  pathErrors: readonly ErrorCode[];
}

/** The order of a path item's operations; MERGE is PATCH (docs/contract/import-export.md#a1). */
export const VERBS: readonly Verb[] = ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'POST'];
/** What a customer POST (or GET) may tunnel (docs/contract/import-export.md#a1). */
const TUNNELLED: readonly Verb[] = ['PUT', 'PATCH', 'DELETE'];

/** The `{name}` parameters of a Functions route template, in order. */
export const templateParams = (route: string): string[] =>
  [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');

const operationId = (verb: Verb, route: HttpRoute) =>
  `${verb.toLowerCase()}-${route.name}`.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

const errorCodes = (ctx: Context, op: AnyOperation): ErrorCode[] => [
  ...ctx.profile.pipelineErrors,
  ...ctx.pathErrors,
  ...(op.body ? ctx.profile.bodyErrors : []),
  ...(op.conditional ? ctx.profile.conditionalErrors : []),
  ...((op.errors ?? []) as readonly ErrorCode[]),
];

/** The request body: the pipeline's JSON (`body`), or one the operation reads itself. */
function requestBody(ctx: Context, op: AnyOperation): Json | undefined {
  if (op.body)
    return {
      required: !op.optionalBody,
      content: { 'application/json': { schema: ctx.schemas.ref(op.body, 'request') } },
    };
  const own = op.documentedBody;
  if (!own) return undefined;
  const type = own.representation === 'xml' ? 'application/xml' : 'application/json';
  return {
    required: !own.optional,
    content: { [type]: { schema: ctx.schemas.ref(own.schema(), 'request') } },
  };
}

function tunnelNote(surface: Surface, verb: Verb): string {
  if (surface !== 'customer' || !TUNNELLED.includes(verb)) return '';
  const merge = verb === 'PATCH' ? ' or MERGE, or as MERGE itself' : '';
  return ` Also as a POST with X-HTTP-Method: ${verb}${merge}.`;
}

function operation(ctx: Context, verb: Verb, op: AnyOperation): Json {
  const o = op;
  const head = verb === 'HEAD';
  const f: Framing = { surface: ctx.surface, xml: o.representation === 'xml', head };
  const description = `${op.description ?? ''}${tunnelNote(ctx.surface, verb)}`.trim();
  const parameters = [
    ...ctx.profile.parameters(),
    ...(op.query ? parametersOf('query', op.query()) : []),
    ...(op.conditional ? ctx.profile.conditional() : []),
  ];
  return {
    operationId: operationId(verb, ctx.route),
    summary: head ? `${op.summary} (headers only)` : op.summary,
    ...(description && { description }),
    tags: [TAGS[ctx.surface].name],
    security: SECURITY[ctx.surface],
    ...(parameters.length > 0 && { parameters }),
    ...(requestBody(ctx, o) && { requestBody: requestBody(ctx, o) }),
    responses: {
      ...Object.fromEntries(
        [op.success.status, ...(op.success.also ?? [])].map((status) => [
          String(status),
          successResponse({ ...op.success, status }, f, ctx.schemas),
        ]),
      ),
      ...errorResponses(new Set(errorCodes(ctx, op)), f),
    },
  };
}

/** POST with X-HTTP-Method: the route's PUT, PATCH or DELETE (docs/contract/import-export.md#a1). */
function tunnel(ctx: Context, ops: readonly [Verb, AnyOperation][]): Json {
  const f: Framing = { surface: ctx.surface, xml: false, head: false };
  const bodies = ops.flatMap(([, op]) => {
    const body = op.body;
    return body ? [ctx.schemas.ref(body, 'request')] : [];
  });
  const successes = new Map<number, string[]>();
  for (const [verb, op] of ops)
    successes.set(op.success.status, [
      ...(successes.get(op.success.status) ?? []),
      `${verb} (${op.summary})`,
    ]);
  const codes = new Set<ErrorCode>(['MethodNotAllowed', ...ops.flatMap(([, op]) => errorCodes(ctx, op))]);
  return {
    operationId: operationId('POST', ctx.route),
    summary: `Verb tunnelling: ${ops.map(([, op]) => op.summary).join(', ')}`,
    description:
      'Processed as the verb X-HTTP-Method names (MERGE is PATCH); a verb this path does not support is 405. A GET may tunnel too, but the Functions worker drops GET bodies, so tunnel PUT and PATCH through POST.',
    tags: [TAGS[ctx.surface].name],
    security: SECURITY[ctx.surface],
    parameters: [
      parameterRef('header', TUNNEL_HEADER),
      ...ctx.profile.parameters(),
      ...(ops.some(([, op]) => op.conditional)
        ? CONDITIONAL_HEADERS.map((h) => parameterRef('header', h))
        : []),
    ],
    ...(bodies.length > 0 && {
      requestBody: {
        required: false,
        description: 'The body of the tunnelled verb.',
        content: { 'application/json': { schema: bodies.length === 1 ? bodies[0] : { anyOf: bodies } } },
      },
    }),
    responses: {
      ...Object.fromEntries(
        [...successes].map(([status, verbs]) => [
          String(status),
          successResponse({ status }, f, ctx.schemas, `As ${verbs.join(', ')}.`),
        ]),
      ),
      ...errorResponses(codes, f),
    },
  };
}

/** A route's path item: its path parameters, then one operation per verb it supports. */
export function pathItem(route: HttpRoute, api: RouteApi, schemas: SchemaComponents): Json {
  const params = templateParams(route.route);
  const profile = PROFILES[api.surface];
  const pathErrors = params.flatMap((p) => {
    if (!profile.isPathParam(p))
      throw new Error(
        `route ${route.name}: {${p}} is not described in the surface's wire/parameters.schema.ts`,
      );
    const error = profile.pathError(p);
    return error ? [error] : [];
  });
  const ctx: Context = { route, surface: api.surface, profile, schemas, pathErrors };
  const ops = api.operations;
  const item: Json =
    params.length > 0 ? { parameters: params.map((p) => parameterRef('path', p, profile.scope)) } : {};
  for (const verb of VERBS) {
    const op = ops[verb];
    if (op) item[verb.toLowerCase()] = operation(ctx, verb, op);
  }
  const tunnelled = TUNNELLED.flatMap((v): [Verb, AnyOperation][] => (ops[v] ? [[v, ops[v]]] : []));
  if (api.surface === 'customer' && !ops.POST && tunnelled.length > 0) item.post = tunnel(ctx, tunnelled);
  return item;
}
