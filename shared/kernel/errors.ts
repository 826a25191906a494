/**
 * Every failure the service reports has a code from this list (the `ExtendedCode` of SPEC A.4).
 * The mapping to HTTP statuses lives in exactly one place: shared/http/error-map.ts.
 */
export const ERROR_CODES = [
  'MissingOrIncorrectVersionHeader',
  'InvalidHttpVerb',
  'InvalidHeaderValue',
  'InvalidRequestBody',
  'InvalidQueryParameterValue',
  'MultipleConditionHeadersNotSupported',
  'InvalidJobName',
  'InvalidStorageAccountName',
  'InvalidSubscriptionId',
  'JobNameMismatch',
  'StorageAccountNameMismatch',
  'InvalidLocation',
  'MissingStorageCredential',
  'ConflictingStorageCredential',
  'InvalidContainerSas',
  'PropertyNotSupportedInVersion',
  'InvalidDriveList',
  'InvalidExportBlobList',
  'InvalidStateValue',
  'InvalidCancelRequestedValue',
  'ShippingInformationIncomplete',
  'InvalidCertificate',
  'AuthenticationFailed',
  'ResourceNotFound',
  'MethodNotAllowed',
  'NotAcceptable',
  'UnsupportedMediaType',
  'JobAlreadyExists',
  'ActiveJobQuotaExceeded',
  'InvalidJobState',
  'ConditionNotMet',
  'RequestBodyTooLarge',
  'InternalError',
  'StorageWriteFailed',
  'StorageReadFailed',
  'ServiceUnavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failure with a contract code. `detail` becomes the ExtendedInformation of the error body. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/**
 * A write lost an optimistic-concurrency race (the version it read is no longer current).
 * Internal: use cases retry on it; it never reaches a client as such.
 */
export class ConcurrencyConflict extends Error {
  constructor(what: string) {
    super(`concurrent change of ${what}`);
    this.name = 'ConcurrencyConflict';
  }
}

/**
 * The customer's storage refused or failed a request (SPEC B.2). Internal: the use cases turn it
 * into a log status (BlobRequestForbidden) or a contract error (StorageWriteFailed...).
 * `reason` is safe to show: a status and the storage error code, never a URL or credential.
 */
export class CustomerStorageFailure extends Error {
  constructor(
    readonly kind: 'Forbidden' | 'NotFound' | 'Failed',
    readonly reason: string,
  ) {
    super(`the customer's storage answered ${reason}`);
    this.name = 'CustomerStorageFailure';
  }
}

export const invalidState = (message: string, detail?: string): ServiceError =>
  new ServiceError('InvalidJobState', message, detail);

export const notFound = (what: string): ServiceError =>
  new ServiceError('ResourceNotFound', `The ${what} does not exist.`);
