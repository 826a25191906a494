import type { HttpResponseInit, InvocationContext } from '@azure/functions';
import type { Reply } from '../../edge/reply';
import { redact } from '../../kernel/redact';
import { classify } from './error-map';
import { xmlDocument } from './xml';

/** docs/classic-scheduler.md#a3: on every answer. */
const COMMON = { 'Cache-Control': 'no-cache', Pragma: 'no-cache', Expires: '-1' };

/** docs/classic-scheduler.md#a5: `<Error><Code/><Message/></Error>`, on the JSON routes too. */
const errorXml = (code: string, message: string): string =>
  xmlDocument([
    'Error',
    [
      ['Code', code],
      ['Message', message],
    ],
  ]);

/** A reply in the Scheduler's wire form (docs/classic-scheduler.md#a3): empty bodies have no Content-Type. */
export function render(reply: Reply, requestId: string): HttpResponseInit {
  const headers: Record<string, string> = { ...COMMON, 'x-ms-request-id': requestId, ...reply.headers };
  let body: string | undefined;
  if (reply.json !== undefined) {
    body = JSON.stringify(reply.json);
    headers['Content-Type'] = 'application/json; charset=utf-8';
  } else if (reply.xml !== undefined) {
    body = reply.xml;
    headers['Content-Type'] = 'application/xml; charset=utf-8';
  }
  if (body === undefined) return { status: reply.status, headers };
  headers['Content-Length'] = String(Buffer.byteLength(body));
  return { status: reply.status, headers, body };
}

/** Any failure in the `<Error>` envelope; one the error map does not know is a 500, logged. */
export function renderError(
  err: unknown,
  requestId: string,
  log: Pick<InvocationContext, 'error'>,
): HttpResponseInit {
  const known = classify(err);
  if (!known) {
    log.error(
      redact(
        `request ${requestId} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      ),
    );
    return render(
      {
        status: 500,
        xml: errorXml('InternalError', 'The server encountered an internal error. Please retry the request.'),
      },
      requestId,
    );
  }
  const headers = known.status === 503 ? { 'Retry-After': '10' } : undefined;
  return render(
    { status: known.status, xml: errorXml(known.code, known.message), ...(headers && { headers }) },
    requestId,
  );
}
