import type { RawResponse } from './raw-http';

const STATUS_OF: Record<string, number> = {
  MissingOrIncorrectVersionHeader: 400,
  InvalidXmlRequest: 400,
  MissingOrInvalidRequiredQueryParameter: 400,
  InvalidHttpVerb: 400,
  BadRequest: 400,
  ForbiddenError: 403,
  ResourceNotFound: 404,
  ConflictError: 409,
  PreconditionFailed: 412,
};

/**
 * What every answer to a bad Scheduler request must be (docs/classic-scheduler.md#a5): a 4xx with
 * the XML `<Error>` in the windowsazure namespace, its Code matching the status, and the headers
 * of every answer. Answers the Code, or what is wrong.
 */
export function schedulerRejectionOf(
  method: string,
  res: RawResponse,
): { code?: string; problems: string[] } {
  const problems: string[] = [];
  if (res.status < 400 || res.status > 499) problems.push(`status ${res.status}, not a 4xx`);
  if (!/^[0-9a-f]{32}$/.test(res.headers['x-ms-request-id'] ?? ''))
    problems.push(`x-ms-request-id ${res.headers['x-ms-request-id']}`);
  if (res.headers['cache-control'] !== 'no-cache') problems.push('no Cache-Control: no-cache');
  if (res.headers['content-type'] !== 'application/xml; charset=utf-8')
    problems.push(`Content-Type ${res.headers['content-type']}`);
  if (method === 'HEAD') {
    if (res.text !== '') problems.push('a HEAD answer with a body');
    return { problems };
  }
  const m =
    /^<\?xml version="1.0" encoding="utf-8"\?><Error xmlns="http:\/\/schemas.microsoft.com\/windowsazure" xmlns:i="http:\/\/www.w3.org\/2001\/XMLSchema-instance"><Code>(\w+)<\/Code><Message>([^<]+)<\/Message><\/Error>$/.exec(
      res.text,
    );
  if (!m) problems.push(`a malformed error body (${method}): ${res.text.slice(0, 300)}`);
  const code = m?.[1];
  if (code !== undefined && STATUS_OF[code] !== res.status)
    problems.push(`Code ${code} with status ${res.status}`);
  if (/\n\s+at /.test(res.text)) problems.push('a stack trace in the body');
  return { ...(code !== undefined && { code }), problems };
}
