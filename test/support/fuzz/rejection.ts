import type { ClassicCode as ErrorCode } from '../../../shared/surfaces/classic-import-export/errors';
import { statusOf } from '../../../shared/surfaces/classic-import-export/error-map';
import type { RawResponse } from './raw-http';

/**
 * What every answer to a bad request must be (docs/contract/import-export.md#a4, #d5): a 4xx, never a 5xx, with the OData
 * error body (`code` the status as a string, an English message, the ExtendedCode and its
 * information) and the headers of every answer. Answers the ExtendedCode, or a list of what is wrong.
 */
export function rejectionOf(method: string, res: RawResponse): { code?: string; problems: string[] } {
  const problems: string[] = [];
  if (res.status < 400 || res.status > 499) problems.push(`status ${res.status}, not a 4xx`);
  if (!/^[0-9a-f]{32}$/.test(res.headers['x-ms-request-id'] ?? ''))
    problems.push(`x-ms-request-id ${res.headers['x-ms-request-id']}`);
  if (res.headers['cache-control'] !== 'no-cache') problems.push('no Cache-Control: no-cache');
  if (!(res.headers['content-type'] ?? '').startsWith('application/json'))
    problems.push(`Content-Type ${res.headers['content-type']}`);
  if (method === 'HEAD') {
    if (res.text !== '') problems.push('a HEAD answer with a body');
    return { problems };
  }
  let body: any;
  try {
    body = JSON.parse(res.text);
  } catch {
    problems.push(`a body that is not JSON: ${res.text.slice(0, 200)}`);
    return { problems };
  }
  const error = body?.['odata.error'];
  const values = error?.['azure.values'];
  const code = values?.[0]?.ExtendedCode;
  const wellFormed =
    Object.keys(body).length === 1 &&
    error?.code === String(res.status) &&
    error?.message?.lang === 'en-US' &&
    typeof error?.message?.value === 'string' &&
    error.message.value.length > 0 &&
    Array.isArray(values) &&
    values.length === 2 &&
    typeof code === 'string' &&
    typeof values[1]?.ExtendedInformation === 'string';
  if (!wellFormed) problems.push(`a malformed error body: ${res.text.slice(0, 300)}`);
  else if (statusOfCode(code) !== res.status) problems.push(`ExtendedCode ${code} with status ${res.status}`);
  if (/\n\s+at /.test(res.text)) problems.push('a stack trace in the body');
  return { code, problems };
}

function statusOfCode(code: string): number | undefined {
  try {
    return statusOf(code as ErrorCode);
  } catch {
    return undefined;
  }
}
