import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { z } from 'zod';
import { checkOperatorKey } from '../auth/operator-key';
import type { Conditions } from '../domain/conditions';
import { NO_CONDITIONS } from '../domain/conditions';
import { ServiceError } from '../domain/errors';
import type { ApiVersion } from '../domain/job-definition';
import { checkSubscriptionId } from '../domain/names';
import type { Runtime } from '../runtime';
import { runtime } from '../runtime';
import { parseJsonBody, readBody } from './body';
import { parseConditions } from './conditional-headers';
import type { Representation } from './negotiation';
import { negotiate } from './negotiation';
import type { Framing } from './odata';
import type { Reply, ReplyContext } from './reply';
import { render, renderError } from './reply';
import type { Verb } from './request-info';
import { baseUrl, checkContentHeaders, checkVersion, effectiveVerb, newRequestId } from './request-info';

export interface CustomerRequest<B> {
  rt: Runtime;
  requestId: string;
  version: ApiVersion;
  framing: Framing;
  /** Lower-case, as the store keys on it. */
  subscriptionId: string;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  conditions: Conditions;
  body: B;
}

export interface CustomerOperation<B = undefined> {
  body?: z.ZodType<B>;
  /** Parse the conditional headers of SPEC A.6 (job operations only). */
  conditional?: boolean;
  representation?: Representation;
  run(req: CustomerRequest<B>): Promise<Reply>;
}

export interface OperatorRequest<B> {
  rt: Runtime;
  requestId: string;
  /** The request's absolute URL, for links such as a worklist's nextLink. */
  url: string;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  body: B;
}

export interface OperatorOperation<B = undefined> {
  body?: z.ZodType<B>;
  /** A body that may be left out entirely, as for `advance` and `sweep`. */
  optionalBody?: boolean;
  run(req: OperatorRequest<B>): Promise<Reply>;
}

/** Helpers that let TypeScript infer an operation's body type from its schema. */
export const customerOp = <B = undefined>(op: CustomerOperation<B>): CustomerOperation<B> => op;
export const operatorOp = <B = undefined>(op: OperatorOperation<B>): OperatorOperation<B> => op;

type Operations<O> = Partial<Record<Verb, O>>;
/* eslint-disable @typescript-eslint/no-explicit-any -- a route's operations each have their own body type */
type AnyCustomerOperation = CustomerOperation<any>;
type AnyOperatorOperation = OperatorOperation<any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

function operationFor<O>(ops: Operations<O>, verb: Verb): O {
  const op = ops[verb];
  if (!op) {
    const allowed = Object.keys(ops).join(', ');
    throw new ServiceError('MethodNotAllowed', `This resource supports ${allowed}.`, verb);
  }
  return op;
}

async function bodyOf<B>(
  request: HttpRequest,
  schema: z.ZodType<B> | undefined,
  optional = false,
): Promise<B> {
  if (!schema) return undefined as B;
  const bytes = await readBody(request);
  if (optional && bytes.length === 0) return schema.parse({});
  return parseJsonBody(bytes, schema);
}

/**
 * The customer API pipeline (SPEC A.2, D.1), in order: verb tunnelling, verb, version, content
 * negotiation, content headers, subscription, client certificate, body, conditional headers.
 */
export function customerApi(ops: Operations<AnyCustomerOperation>): HttpHandler {
  return async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    const ctx: ReplyContext = { requestId: newRequestId(), head: request.method.toUpperCase() === 'HEAD' };
    try {
      const verb = effectiveVerb(request);
      const op = operationFor(ops, verb) as CustomerOperation<unknown>;
      ctx.version = checkVersion(request.headers.get('x-ms-version'));
      ctx.level = negotiate(
        op.representation ?? 'json',
        request.headers.get('accept'),
        request.query.get('$format'),
      );
      checkContentHeaders(verb, request, op.body !== undefined);
      const subAsAddressed = request.params.sub ?? '';
      const subscriptionId = checkSubscriptionId(subAsAddressed);
      const rt = runtime();
      const cert = rt.config.trustForwardedClientCert ? request.headers.get('x-arr-clientcert') : null;
      await rt.authenticator.authenticate(subscriptionId, cert ?? undefined);
      const body = await bodyOf(request, op.body);
      const conditions = op.conditional ? parseConditions(request.headers) : NO_CONDITIONS;
      const reply = await op.run({
        rt,
        requestId: ctx.requestId,
        version: ctx.version as ApiVersion,
        framing: { level: ctx.level, base: baseUrl(request, subAsAddressed) },
        subscriptionId,
        params: request.params,
        query: request.query,
        conditions,
        body,
      });
      return render(reply, ctx);
    } catch (err) {
      return renderError(err, ctx, context);
    }
  };
}

/** The operator API pipeline (SPEC B): operator key, then body; plain JSON answers. */
export function operatorApi(ops: Operations<AnyOperatorOperation>): HttpHandler {
  return async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    const ctx: ReplyContext = { requestId: newRequestId(), head: request.method.toUpperCase() === 'HEAD' };
    try {
      const verb = effectiveVerb(request);
      const op = operationFor(ops, verb) as OperatorOperation<unknown>;
      const rt = runtime();
      checkOperatorKey(rt.config.operatorKeys, request.headers.get('x-operator-key'));
      checkContentHeaders(verb, request, op.body !== undefined);
      const body = await bodyOf(request, op.body, op.optionalBody);
      const reply = await op.run({
        rt,
        requestId: ctx.requestId,
        url: request.url,
        params: request.params,
        query: request.query,
        body,
      });
      return render(reply, ctx);
    } catch (err) {
      return renderError(err, ctx, context);
    }
  };
}

/** Unknown routes: the OData 404 rather than the host's own page. */
export const notFoundHandler: HttpHandler = (request, context) =>
  renderError(
    new ServiceError(
      'ResourceNotFound',
      'The requested resource does not exist.',
      new URL(request.url).pathname,
    ),
    { requestId: newRequestId(), head: request.method.toUpperCase() === 'HEAD' },
    context,
  );
