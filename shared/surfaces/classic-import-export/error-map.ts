import type { ClassicCode as ErrorCode } from './errors';

/**
 * The one mapping from error codes to HTTP statuses (docs/contract/import-export.md#a4). A code added to ErrorCode and
 * not mapped here does not compile.
 */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'MissingOrIncorrectVersionHeader':
    case 'InvalidHttpVerb':
    case 'InvalidHeaderValue':
    case 'InvalidRequestBody':
    case 'InvalidQueryParameterValue':
    case 'MultipleConditionHeadersNotSupported':
    case 'InvalidJobName':
    case 'InvalidStorageAccountName':
    case 'InvalidSubscriptionId':
    case 'JobNameMismatch':
    case 'StorageAccountNameMismatch':
    case 'InvalidLocation':
    case 'MissingStorageCredential':
    case 'ConflictingStorageCredential':
    case 'InvalidContainerSas':
    case 'PropertyNotSupportedInVersion':
    case 'InvalidDriveList':
    case 'InvalidExportBlobList':
    case 'InvalidStateValue':
    case 'InvalidCancelRequestedValue':
    case 'ShippingInformationIncomplete':
    case 'InvalidCertificate':
      return 400;
    case 'AuthenticationFailed':
      return 403;
    case 'ResourceNotFound':
      return 404;
    case 'MethodNotAllowed':
      return 405;
    case 'NotAcceptable':
    case 'UnsupportedMediaType':
      return 406;
    case 'JobAlreadyExists':
    case 'ActiveJobQuotaExceeded':
    case 'InvalidJobState':
      return 409;
    case 'ConditionNotMet':
      return 412;
    case 'RequestBodyTooLarge':
      return 413;
    case 'InternalError':
      return 500;
    case 'StorageWriteFailed':
    case 'StorageReadFailed':
      return 502;
    case 'ServiceUnavailable':
      return 503;
    default: {
      const unmapped: never = code;
      throw new Error(`unmapped error code ${String(unmapped)}`);
    }
  }
}

/** Seconds a client should wait before retrying a 503. */
export const RETRY_AFTER_SECONDS = 5;
