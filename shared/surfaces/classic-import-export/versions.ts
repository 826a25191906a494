import type { HttpRequest } from '@azure/functions';
import { ClassicError } from './errors';
import { originOf } from '../../edge/request-info';

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

/**
 * The absolute URL of `/{sub}/services/importexport` as the client addressed it
 * (docs/contract/import-export.md#a3): scheme and host of the request, or of
 * X-Forwarded-Proto/-Host set by a front end.
 */
export const baseUrl = (request: HttpRequest, subscriptionAsAddressed: string): string =>
  `${originOf(request.url, request.headers)}/${encodeURIComponent(subscriptionAsAddressed)}/services/importexport`;
