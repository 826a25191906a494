import type { HttpResponseInit, InvocationContext } from '@azure/functions';
import { CodedError } from '../../kernel/errors';
import { inClassicWords } from './new-job-wording';
import { redact } from '../../kernel/redact';
import type { Reply } from '../../edge/reply';
import type { ClassicCode } from './errors';
import { classicCodeOf } from './errors';
import { RETRY_AFTER_SECONDS, statusOf } from './error-map';
import type { MetadataLevel } from './negotiation';
import { JsonBytes, serialize } from './odata';
import type { ODataError } from './wire/odata-wire.schema';

export interface ReplyContext {
  requestId: string;
  /** The request's x-ms-version, when it was valid (echoed, docs/contract/import-export.md#a2). */
  version?: string;
  /** The OData metadata level; undefined for the operator API's plain JSON. */
  level?: MetadataLevel;
  head: boolean;
}

function commonHeaders(ctx: ReplyContext): Record<string, string> {
  return {
    'x-ms-request-id': ctx.requestId,
    Date: new Date().toUTCString(),
    'Cache-Control': 'no-cache',
    ...(ctx.version !== undefined && { 'x-ms-version': ctx.version }),
  };
}

const jsonHeaders = (level: MetadataLevel | undefined): Record<string, string> =>
  level === undefined
    ? { 'Content-Type': 'application/json; charset=utf-8' }
    : {
        'Content-Type': `application/json;odata=${level};streaming=true;charset=utf-8`,
        DataServiceVersion: '3.0;',
        'Content-Language': 'en-us',
      };

export function render(reply: Reply, ctx: ReplyContext): HttpResponseInit {
  const headers = { ...commonHeaders(ctx), ...reply.headers };
  let body: string | Buffer | undefined;
  if (reply.json !== undefined) {
    body = reply.json instanceof JsonBytes ? reply.json.bytes : serialize(reply.json);
    Object.assign(headers, jsonHeaders(ctx.level));
  } else if (reply.xml !== undefined) {
    body = reply.xml;
    Object.assign(headers, { 'Content-Type': 'application/xml;charset=utf-8', DataServiceVersion: '3.0;' });
  }
  if (body === undefined) return { status: reply.status, headers };
  headers['Content-Length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.length);
  return { status: reply.status, headers, ...(!ctx.head && { body }) };
}

/** The OData error body of docs/contract/import-export.md#a4, typed by its wire schema (the OpenAPI document's ODataError). */
function errorBody(status: number, code: ClassicCode, message: string, detail?: string): ODataError {
  return {
    'odata.error': {
      code: String(status),
      message: { lang: 'en-US', value: message },
      'azure.values': [{ ExtendedCode: code }, { ExtendedInformation: detail ?? '' }],
    },
  };
}

/**
 * Any failure as the OData error of docs/contract/import-export.md#a4 (the operator API answers in
 * the same envelope). A coded failure this surface maps keeps its code; anything else is a bug:
 * logged (redacted) with the request id, and answered 500 with nothing of its detail.
 */
export function renderError(
  raw: unknown,
  ctx: ReplyContext,
  log: Pick<InvocationContext, 'error'>,
): HttpResponseInit {
  const err = inClassicWords(raw);
  const mapped = classicCodeOf(err);
  const known = mapped !== undefined && err instanceof CodedError ? err : undefined;
  if (!known) {
    const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
    log.error(redact(`request ${ctx.requestId} failed: ${text}`));
  }
  const code = mapped ?? 'InternalError';
  const status = statusOf(code);
  const message =
    known?.message ??
    `The server encountered an internal error. Quote request id ${ctx.requestId} when you report it.`;
  const headers = status === 503 ? { 'Retry-After': String(RETRY_AFTER_SECONDS) } : undefined;
  const level = ctx.level ?? 'minimalmetadata';
  return render(
    { status, json: errorBody(status, code, message, known?.detail), ...(headers && { headers }) },
    { ...ctx, level },
  );
}
