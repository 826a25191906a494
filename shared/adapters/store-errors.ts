import { KernelError } from '../kernel/errors';

interface StorageFailure {
  statusCode?: number;
  code?: string;
}

const asFailure = (err: unknown): StorageFailure => (typeof err === 'object' && err !== null ? err : {});

export const statusOf = (err: unknown): number | undefined => asFailure(err).statusCode;
export const codeOf = (err: unknown): string | undefined => asFailure(err).code;

/** 404 from the storage service: the entity (or table) is not there. */
export const isNotFound = (err: unknown): boolean => statusOf(err) === 404;

/**
 * Whether the storage service could not be reached or failed on its side (docs/contract/import-export.md#d6): an SDK
 * RestError with no HTTP status at all (refused, reset, timed out) or a 5xx. Such failures become
 * 503 with Retry-After; any other error is a bug and stays one.
 */
export function isUnavailable(err: unknown): boolean {
  if (!(err instanceof Error) || err.name !== 'RestError') return false;
  const status = statusOf(err);
  return status === undefined || status >= 500 || status === 408;
}

export const unavailable = (): KernelError =>
  new KernelError('ServiceUnavailable', 'The service cannot reach its storage right now; retry shortly.');

/**
 * Runs a storage call and turns "the store is down" into ServiceUnavailable; anything else
 * (including the 404/409/412 the caller translates itself) is rethrown as it is.
 */
export async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (isUnavailable(err)) throw unavailable();
    throw err;
  }
}
