import type { ArmCode } from '../../../shared/surfaces/arm-import-export/arm-errors';
import { armStatusOf } from '../../../shared/surfaces/arm-import-export/arm-errors';
import type { RawResponse } from './raw-http';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A well-formed Resource Manager refusal (docs/arm-import-export.md#b3, #b4): a 4xx with
 * `{"error":{"code","message",...}}` only, a code whose status is the answer's, the headers of
 * every answer, `WWW-Authenticate` on a 401, and no stack trace.
 */
export function armRejectionOf(method: string, res: RawResponse): { code?: string; problems: string[] } {
  const problems: string[] = [];
  if (res.status < 400 || res.status > 499) problems.push(`status ${res.status}, not a 4xx`);
  if (!GUID.test(res.headers['x-ms-request-id'] ?? ''))
    problems.push(`x-ms-request-id ${res.headers['x-ms-request-id']}`);
  if (!GUID.test(res.headers['x-ms-correlation-request-id'] ?? ''))
    problems.push('no x-ms-correlation-request-id');
  if (res.headers['cache-control'] !== 'no-cache') problems.push('no Cache-Control: no-cache');
  if (res.headers['content-type'] !== 'application/json; charset=utf-8')
    problems.push(`Content-Type ${res.headers['content-type']}`);
  if (res.status === 401 && !(res.headers['www-authenticate'] ?? '').startsWith('Bearer '))
    problems.push('a 401 without WWW-Authenticate');
  if (method === 'HEAD') {
    if (res.text !== '') problems.push('a HEAD answer with a body');
    return { problems };
  }
  let body: { error?: { code?: unknown; message?: unknown } } & Record<string, unknown>;
  try {
    body = JSON.parse(res.text) as typeof body;
  } catch {
    problems.push(`a body that is not JSON: ${res.text.slice(0, 200)}`);
    return { problems };
  }
  const code = body.error?.code;
  const message = body.error?.message;
  if (
    Object.keys(body).length !== 1 ||
    typeof code !== 'string' ||
    typeof message !== 'string' ||
    message === ''
  ) {
    problems.push(`a malformed error body: ${res.text.slice(0, 300)}`);
    return { problems };
  }
  let status: number | undefined;
  try {
    status = armStatusOf(code as ArmCode);
  } catch {
    status = undefined;
  }
  if (status !== res.status) problems.push(`code ${code} with status ${res.status}`);
  if (/\n\s+at /.test(res.text)) problems.push('a stack trace in the body');
  return { code, problems };
}
