import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { z } from 'zod';
import { checkOperatorKey } from '../surfaces/operator/operator-key';
import { NO_CONDITIONS } from '../kernel/conditions';
import { ServiceError } from '../kernel/errors';
import type { ApiVersion } from '../import-export/customer/job-definition';
import { checkSubscriptionId } from '../import-export/model/names';
import { runtime } from '../app/runtime';
import { parseJsonBody, readBody } from './body';
import { parseConditions } from './conditional-headers';
import { negotiate } from '../surfaces/classic-import-export/negotiation';
import type {
  AnyCustomerOperation,
  AnyOperatorOperation,
  CustomerOperation,
  Operations,
  OperatorOperation,
  PublicOperation,
  RouteApi,
} from './operation';
import type { ReplyContext } from './reply';
import { render, renderError } from './reply';
import type { Verb } from './request-info';
import { baseUrl, checkContentHeaders, checkVersion, effectiveVerb, newRequestId } from './request-info';

/** A handler that carries its route's operations, so the route table can describe itself. */
export type DocumentedHandler = HttpHandler & { readonly api: RouteApi };

const documented = (handler: HttpHandler, api: RouteApi): DocumentedHandler =>
  Object.assign(handler, { api });

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
export function customerApi(ops: Operations<AnyCustomerOperation>): DocumentedHandler {
  return documented(
    async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
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
    },
    { surface: 'customer', operations: ops },
  );
}

/** The operator API pipeline (SPEC B): operator key, then body; plain JSON answers. */
export function operatorApi(ops: Operations<AnyOperatorOperation>): DocumentedHandler {
  return documented(
    async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
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
    },
    { surface: 'operator', operations: ops },
  );
}

/**
 * The pipeline of what anyone may read (the OpenAPI document): verb and content headers only,
 * plain JSON answers; no version header, certificate or key.
 */
export function publicApi(ops: Operations<PublicOperation>): DocumentedHandler {
  return documented(
    async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
      const ctx: ReplyContext = { requestId: newRequestId(), head: request.method.toUpperCase() === 'HEAD' };
      try {
        const verb = effectiveVerb(request);
        const op = operationFor(ops, verb);
        checkContentHeaders(verb, request, false);
        return render(await op.run(), ctx);
      } catch (err) {
        return renderError(err, ctx, context);
      }
    },
    { surface: 'public', operations: ops },
  );
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
