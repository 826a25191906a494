import { randomUUID } from 'node:crypto';
import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { z } from 'zod';
import type { Conditions } from '../../kernel/conditions';
import { NO_CONDITIONS } from '../../kernel/conditions';
import type { Caller } from '../../identity/bearer-tokens';
import { DEV_ISSUER } from '../../identity/bearer-tokens';
import type { TokenValidator } from '../../identity/bearer-tokens';
import type { PrincipalGrants } from '../../identity/principals';
import type { JobDeps } from '../../import-export/model/ports';
import type { Permission } from '../../identity/principals';
import { allows } from '../../identity/principals';
import { readBody } from '../../edge/body';
import { parseConditions } from '../../edge/conditional-headers';
import { redact } from '../../kernel/redact';
import { ArmError, armErrorBody, armStatusOf, asArmError } from './arm-errors';
import type { ArmApiVersion } from './arm-request';
import {
  checkApiVersion,
  checkJobName,
  checkResourceGroup,
  checkSubscription,
  normalisedQuery,
  originOf,
} from './arm-request';

/** What Resource Manager's operations need, passed in by app/routes.ts. */
export interface ArmDeps {
  jobs: JobDeps;
  now: () => Date;
  config: { arm: { issuers: readonly { issuer: string }[]; classicResourceGroup: string; pageSize: number } };
  arm: { tokens: TokenValidator; grants: PrincipalGrants; pageKey: Buffer };
}
type Runtime = ArmDeps;

export type ArmVerb = 'GET' | 'PUT' | 'PATCH' | 'DELETE' | 'POST';

export interface ArmRequest<B> {
  rt: Runtime;
  requestId: string;
  apiVersion: ArmApiVersion;
  caller: Caller;
  /** Lower-case; '' on provider-level routes. */
  subscriptionId: string;
  resourceGroup: string;
  jobName: string;
  params: Readonly<Record<string, string>>;
  query: Map<string, string>;
  /** `https://host` as the client addressed it, and the path it asked for. */
  origin: string;
  path: string;
  headers: { get(name: string): string | null };
  body: B;
  conditions: Conditions;
}

export interface ArmReply {
  status: number;
  json?: unknown;
  headers?: Record<string, string>;
}

export interface ArmOperation<B = undefined> {
  /** What the caller needs: a grant with this permission, or just a valid token. */
  permission: Permission | 'token';
  body?: z.ZodType<B>;
  conditional?: boolean;
  run(req: ArmRequest<B>): Promise<ArmReply>;
}

export const armOp = <B = undefined>(op: ArmOperation<B>): ArmOperation<B> => op;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each operation has its own body type
export type AnyArmOperation = ArmOperation<any>;

const isJsonType = (t: string | null) =>
  t === null || t.split(';')[0]?.trim().toLowerCase() === 'application/json';

async function bodyOf<B>(request: HttpRequest, schema: z.ZodType<B> | undefined): Promise<B> {
  if (!schema) return undefined as B;
  if (!isJsonType(request.headers.get('content-type'))) {
    throw new ArmError('UnsupportedMediaType', 'The request body must be application/json.');
  }
  const bytes = await readBody(request);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ArmError('InvalidRequestContent', 'The request content is not valid JSON.');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ArmError('InvalidRequestContent', 'The request content must be a JSON object.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const target = (issue?.path ?? [])
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
      .join('');
    throw new ArmError(
      'InvalidRequestContent',
      `The request content is invalid: ${issue?.message ?? 'schema'}.`,
      target || undefined,
    );
  }
  return parsed.data;
}

/** docs/arm-import-export.md#e4: the scope and action ARM's own 403 names. */
function authorizationFailed(caller: Caller, permission: Permission, path: string): ArmError {
  const scope = path.replace(/\/listbitlockerkeys$/i, '');
  return new ArmError(
    'AuthorizationFailed',
    `The client '${caller.objectId}' with object id '${caller.objectId}' does not have authorization to perform action '${permission}' over scope '${scope}' or the scope is invalid.`,
  );
}

function commonHeaders(request: HttpRequest, requestId: string): Record<string, string> {
  const headers: Record<string, string> = {
    'x-ms-request-id': requestId,
    'x-ms-correlation-request-id': request.headers.get('x-ms-correlation-request-id') ?? randomUUID(),
    Date: new Date().toUTCString(),
    'Cache-Control': 'no-cache',
  };
  const clientId = request.headers.get('x-ms-client-request-id');
  if (clientId !== null && request.headers.get('x-ms-return-client-request-id')?.toLowerCase() === 'true') {
    headers['x-ms-client-request-id'] = clientId;
  }
  return headers;
}

function render(reply: ArmReply, base: Record<string, string>): HttpResponseInit {
  const headers = { ...base, ...reply.headers };
  if (reply.json === undefined)
    return { status: reply.status, headers: { ...headers, 'Content-Length': '0' } };
  const body = JSON.stringify(reply.json);
  return {
    status: reply.status,
    headers: {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
    },
    body,
  };
}

function challenge(rt: Runtime, err: ArmError, tokenSent: boolean): string {
  const uri = rt.config.arm.issuers[0]?.issuer ?? DEV_ISSUER;
  const base = `Bearer authorization_uri="${uri}"`;
  return tokenSent
    ? `${base}, error="invalid_token", error_description="${err.message.replace(/"/g, "'")}"`
    : base;
}

function renderFailure(
  deps: () => Runtime,
  err: unknown,
  request: HttpRequest,
  requestId: string,
  log: Pick<InvocationContext, 'error'>,
): HttpResponseInit {
  let known = asArmError(err);
  if (!known) {
    const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
    log.error(redact(`request ${requestId} failed: ${text}`));
    known = new ArmError(
      'InternalServerError',
      `The server encountered an internal error. Quote request id ${requestId} when you report it.`,
    );
  }
  const status = armStatusOf(known.code);
  const headers: Record<string, string> = {};
  if (status === 503) headers['Retry-After'] = '5';
  if (status === 401)
    headers['WWW-Authenticate'] = challenge(deps(), known, request.headers.get('authorization') !== null);
  return render({ status, json: armErrorBody(known), headers }, commonHeaders(request, requestId));
}

/**
 * Resource Manager's pipeline (docs/arm-import-export.md#b2), first failure answers: verb 405,
 * api-version 400, token 401, path segments 400, grant 403, body 413/415/400, conditions 412, then
 * the operation.
 */
export const armApi =
  (deps: () => ArmDeps) =>
  (ops: Partial<Record<ArmVerb, AnyArmOperation>>): HttpHandler => {
    return async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
      const requestId = randomUUID();
      try {
        const method = request.method.toUpperCase();
        const op = ops[method as ArmVerb];
        if (!op) {
          throw new ArmError(
            'MethodNotAllowed',
            `The ${method} method is not allowed here; allowed: ${Object.keys(ops).join(', ')}.`,
          );
        }
        const url = new URL(request.url);
        const query = normalisedQuery(url.searchParams);
        const apiVersion = checkApiVersion(query);
        const rt = deps();
        const caller = await rt.arm.tokens.validate(request.headers.get('authorization'));
        const p = request.params;
        const subscriptionId = p.sub !== undefined ? checkSubscription(p.sub) : '';
        const resourceGroup = p.rg !== undefined ? checkResourceGroup(p.rg) : '';
        const jobName = p.job !== undefined ? checkJobName(p.job) : '';
        if (op.permission !== 'token') {
          const grant = await rt.arm.grants.get(subscriptionId, caller.objectId);
          if (!allows(grant?.role, op.permission))
            throw authorizationFailed(caller, op.permission, url.pathname);
        }
        const body: unknown = await bodyOf<unknown>(request, op.body as z.ZodType<unknown> | undefined);
        const conditions = op.conditional ? parseConditions(request.headers) : NO_CONDITIONS;
        const reply = await op.run({
          rt,
          requestId,
          apiVersion,
          caller,
          subscriptionId,
          resourceGroup,
          jobName,
          params: p,
          query,
          origin: originOf(request.url, request.headers),
          path: url.pathname,
          headers: request.headers,
          body,
          conditions,
        });
        return render(reply, commonHeaders(request, requestId));
      } catch (err) {
        return renderFailure(deps, err, request, requestId, context);
      }
    };
  };

/** Unknown paths under /subscriptions/ and /providers/: ARM's 404. */
export const armNotFound =
  (deps: () => ArmDeps): HttpHandler =>
  (request, context) =>
    Promise.resolve(
      renderFailure(
        deps,
        new ArmError('NotFound', `The path '${new URL(request.url).pathname}' is not a known resource.`),
        request,
        randomUUID(),
        context,
      ),
    );
