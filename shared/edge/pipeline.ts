import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { NO_CONDITIONS } from '../kernel/conditions';
import type { Conditions } from '../kernel/conditions';
import { parseJsonBody, readBody } from './body';
import { parseConditions } from './conditional-headers';
import { EdgeError } from './errors';
import type { Operation, Operations, PipelineSurface, RouteApi } from './operation';
import type { Reply } from './reply';
import type { Verb } from './request-info';
import { checkContentHeaders, effectiveVerb, newRequestId } from './request-info';

/**
 * One request on its way through a surface's steps: what the steps have learnt so far. Surfaces
 * keep their own findings (version, metadata level, subscription) in `facts`.
 */
export interface Exchange<D, F> {
  readonly request: HttpRequest;
  /** The invocation's context: its log is the service's (structured, redacted by the caller). */
  readonly context: InvocationContext;
  /** The runtime, as the composition root (app/) passed it in. */
  readonly deps: D;
  readonly requestId: string;
  readonly head: boolean;
  readonly verb: Verb;
  readonly op: Operation<never>;
  facts: Partial<F>;
  body?: unknown;
  conditions: Conditions;
}

/** One small step of a pipeline: it checks the exchange, or adds to it, or throws. */
export type Step<D, F> = (x: Exchange<D, F>) => void | Promise<void>;

/** A step that runs before the verb is resolved, on what is known of the request so far. */
export type PreStep<F> = (request: HttpRequest, pre: Preliminary<F>) => void | Promise<void>;

/** What a surface configures of the one pipeline. */
export interface SurfaceSpec<D, F, Req> {
  surface: PipelineSurface;
  /** The composition root's dependencies, resolved once per request. */
  deps: () => D;
  /** Checks of the route itself, before the verb (none by default). */
  before?: readonly PreStep<F>[];
  /** How the verb is read; by default `effectiveVerb` (with X-HTTP-Method tunnelling). */
  verb?: (request: HttpRequest) => Verb;
  /** The surface's steps, in order; the generic ones are exported below. */
  steps: readonly Step<D, F>[];
  /** The operation's request, from what the steps found. */
  request: (x: Exchange<D, F>) => Req;
  /** A reply in the surface's wire form. */
  render: (reply: Reply, x: Exchange<D, F> | Preliminary<F>) => HttpResponseInit;
  /** Any failure in the surface's error envelope (a bug: 500, logged with the request id). */
  renderError: (err: unknown, x: Exchange<D, F> | Preliminary<F>, log: InvocationContext) => HttpResponseInit;
}

/** What is known of a request that failed before its operation was chosen. */
export interface Preliminary<F> {
  readonly requestId: string;
  readonly head: boolean;
  facts: Partial<F>;
}

/** A handler that carries its route's operations, so the route table can describe itself. */
export type DocumentedHandler = HttpHandler & { readonly api: RouteApi };

function operationFor<O>(ops: Operations<O>, verb: Verb): O {
  const op = ops[verb];
  if (!op) {
    const allowed = Object.keys(ops).join(', ');
    throw new EdgeError('MethodNotAllowed', `This resource supports ${allowed}.`, verb);
  }
  return op;
}

/**
 * The one request pipeline: the surface's `before` steps, verb (with tunnelling unless the surface
 * reads it otherwise), operation, the surface's steps in order, the operation, the surface's
 * renderer; any failure in the surface's envelope.
 */
export const pipeline =
  <D, F, Req>(spec: SurfaceSpec<D, F, Req>) =>
  (ops: Operations<Operation<Req>>): DocumentedHandler => {
    const handler = async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
      const pre: Preliminary<F> = {
        requestId: newRequestId(),
        head: request.method.toUpperCase() === 'HEAD',
        facts: {},
      };
      let x: Exchange<D, F> | undefined;
      try {
        for (const step of spec.before ?? []) await step(request, pre);
        const verb = (spec.verb ?? effectiveVerb)(request);
        const op = operationFor(ops, verb) as Operation<never>;
        x = { ...pre, request, context, deps: spec.deps(), verb, op, conditions: NO_CONDITIONS };
        for (const step of spec.steps) await step(x);
        return spec.render(await op.run(spec.request(x) as never), x);
      } catch (err) {
        return spec.renderError(err, x ?? pre, context);
      }
    };
    return Object.assign(handler, { api: { surface: spec.surface, operations: ops } });
  };

/** docs/contract/import-export.md#a2: Content-Length, Content-Encoding and Content-Type. */
export const contentHeaders: Step<unknown, unknown> = (x) =>
  checkContentHeaders(x.verb, x.request, x.op.body !== undefined);

/** The operation's JSON body, parsed against its schema (none: nothing is read). */
export const jsonBody: Step<unknown, unknown> = async (x) => {
  const schema = x.op.body;
  if (!schema) return;
  const bytes = await readBody(x.request);
  x.body = x.op.optionalBody && bytes.length === 0 ? schema.parse({}) : parseJsonBody(bytes, schema);
};

/** The conditional headers, for the operations that honour them. */
export const conditionalHeaders: Step<unknown, unknown> = (x) => {
  if (x.op.conditional) x.conditions = parseConditions(x.request.headers);
};
