import type { HttpRequest } from '@azure/functions';
import { ClassicError } from './errors';

/** The two x-ms-version values the classic API serves (docs/contract/import-export.md#a2). */
export type ApiVersion = '2014-05-01' | '2014-11-01';
const VERSIONS: readonly ApiVersion[] = ['2014-05-01', '2014-11-01'];

export function checkVersion(value: string | null): ApiVersion {
  const version = VERSIONS.find((v) => v === value?.trim());
  if (!version) {
    throw new ClassicError(
      'MissingOrIncorrectVersionHeader',
      'The x-ms-version header must be 2014-05-01 or 2014-11-01.',
      value ?? 'missing',
    );
  }
  return version;
}

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The absolute URL of `/{sub}/services/importexport` as the client addressed it
 * (docs/contract/import-export.md#a3): scheme and host of the request, or of
 * X-Forwarded-Proto/-Host set by a front end.
 */
export function baseUrl(request: HttpRequest, subscriptionAsAddressed: string): string {
  const url = new URL(request.url);
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  const scheme = proto === 'http' || proto === 'https' ? proto : url.protocol.slice(0, -1);
  return `${scheme}://${host && HOST.test(host) ? host : url.host}/${encodeURIComponent(subscriptionAsAddressed)}/services/importexport`;
}
