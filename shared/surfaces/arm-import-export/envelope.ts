import { randomUUID } from 'node:crypto';
import type { HttpResponseInit, InvocationContext } from '@azure/functions';
import type { Reply } from '../../edge/reply';
import { DEV_ISSUER } from '../../identity/bearer-tokens';
import { redact } from '../../kernel/redact';
import { ArmError, armErrorBody, armStatusOf, asArmError } from './arm-errors';
import { inArmWords } from './arm-new-job-wording';

/** The request headers an answer depends on. */
export interface HeaderSource {
  get(name: string): string | null;
}

/** What every answer of the surface needs to know of its request. */
export interface ArmAnswerContext {
  /** The pipeline's request id (32 hex digits); ARM writes it as a GUID. */
  requestId: string;
  headers: HeaderSource;
}

/** docs/arm-import-export.md#b3: x-ms-request-id is a GUID. */
export const asGuid = (id: string): string =>
  /^[0-9a-f]{32}$/i.test(id)
    ? `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`
    : id;

function commonHeaders(ctx: ArmAnswerContext): Record<string, string> {
  const { headers } = ctx;
  const out: Record<string, string> = {
    'x-ms-request-id': asGuid(ctx.requestId),
    'x-ms-correlation-request-id': headers.get('x-ms-correlation-request-id') ?? randomUUID(),
    Date: new Date().toUTCString(),
    'Cache-Control': 'no-cache',
  };
  const clientId = headers.get('x-ms-client-request-id');
  if (clientId !== null && headers.get('x-ms-return-client-request-id')?.toLowerCase() === 'true') {
    out['x-ms-client-request-id'] = clientId;
  }
  return out;
}

/** A reply as docs/arm-import-export.md#b3 frames it: JSON bodies, Content-Length 0 otherwise. */
export function renderArm(reply: Reply, ctx: ArmAnswerContext): HttpResponseInit {
  const headers = { ...commonHeaders(ctx), ...reply.headers };
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

function challenge(issuer: string, err: ArmError, tokenSent: boolean): string {
  const base = `Bearer authorization_uri="${issuer}"`;
  return tokenSent
    ? `${base}, error="invalid_token", error_description="${err.message.replace(/"/g, "'")}"`
    : base;
}

/**
 * Any failure in the error shape of docs/arm-import-export.md#b4; a bug is logged with the request
 * id and answers a generic 500. 401s carry the challenge of #e4 naming `issuer()` (the first
 * configured issuer), 503s a Retry-After.
 */
export function renderArmFailure(
  err: unknown,
  ctx: ArmAnswerContext,
  issuer: () => string | undefined,
  log: Pick<InvocationContext, 'error'>,
): HttpResponseInit {
  let known = asArmError(inArmWords(err));
  const id = asGuid(ctx.requestId);
  if (!known) {
    const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
    log.error(redact(`request ${id} failed: ${text}`));
    known = new ArmError(
      'InternalServerError',
      `The server encountered an internal error. Quote request id ${id} when you report it.`,
    );
  }
  const status = armStatusOf(known.code);
  const headers: Record<string, string> = {};
  if (status === 503) headers['Retry-After'] = '5';
  if (status === 401)
    headers['WWW-Authenticate'] = challenge(
      issuer() ?? DEV_ISSUER,
      known,
      ctx.headers.get('authorization') !== null,
    );
  return renderArm({ status, json: armErrorBody(known), headers }, ctx);
}
