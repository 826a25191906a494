import type { EdgeCode } from '../../edge/errors';
import type { IdentityCode } from '../../identity/errors';
import type { ImportExportCode } from '../../import-export/model/errors';
import type { KernelCode } from '../../kernel/errors';
import { CodedError } from '../../kernel/errors';
import type { TokenFault } from '../../identity/bearer-tokens';
import { TokenRejected } from '../../identity/bearer-tokens';

/** Every coded failure Resource Manager's routes can meet. */
type ErrorCode = ImportExportCode | EdgeCode | KernelCode | IdentityCode;

/** The wire codes of docs/arm-import-export.md#b4. */
export type ArmCode =
  | 'MissingApiVersionParameter'
  | 'InvalidApiVersionParameter'
  | 'NoRegisteredProviderFound'
  | 'InvalidSubscriptionId'
  | 'InvalidResourceGroupName'
  | 'InvalidJobName'
  | 'InvalidRequestContent'
  | 'InvalidStorageAccountId'
  | 'InvalidJobType'
  | 'InvalidLocation'
  | 'LocationClosed'
  | 'InvalidDiagnosticsPath'
  | 'InvalidLogLevel'
  | 'InvalidDriveList'
  | 'InvalidExportBlobList'
  | 'InvalidStateValue'
  | 'InvalidCancelRequestedValue'
  | 'ShippingInformationIncomplete'
  | 'InvalidFilter'
  | 'InvalidQueryParameterValue'
  | 'AuthenticationFailed'
  | 'InvalidAuthenticationToken'
  | 'ExpiredAuthenticationToken'
  | 'InvalidAuthenticationTokenAudience'
  | 'InvalidAuthenticationTokenTenant'
  | 'AuthorizationFailed'
  | 'ResourceNotFound'
  | 'NotFound'
  | 'MethodNotAllowed'
  | 'InvalidJobState'
  | 'JobAlreadyExists'
  | 'ActiveJobQuotaExceeded'
  | 'ConditionNotMet'
  | 'RequestBodyTooLarge'
  | 'UnsupportedMediaType'
  | 'StorageWriteFailed'
  | 'InternalServerError'
  | 'ServiceUnavailable';

export interface ArmErrorDetail {
  code: string;
  target?: string;
  message: string;
}

/** A failure in Resource Manager's terms; `target` is a wire path or a query key. */
export class ArmError extends Error {
  constructor(
    readonly code: ArmCode,
    message: string,
    readonly target?: string,
    readonly details?: readonly ArmErrorDetail[],
  ) {
    super(message);
    this.name = 'ArmError';
  }
}

/** The one map from wire code to status; an unmapped code does not compile. */
export function armStatusOf(code: ArmCode): number {
  switch (code) {
    case 'MissingApiVersionParameter':
    case 'InvalidApiVersionParameter':
    case 'NoRegisteredProviderFound':
    case 'InvalidSubscriptionId':
    case 'InvalidResourceGroupName':
    case 'InvalidJobName':
    case 'InvalidRequestContent':
    case 'InvalidStorageAccountId':
    case 'InvalidJobType':
    case 'InvalidLocation':
    case 'LocationClosed':
    case 'InvalidDiagnosticsPath':
    case 'InvalidLogLevel':
    case 'InvalidDriveList':
    case 'InvalidExportBlobList':
    case 'InvalidStateValue':
    case 'InvalidCancelRequestedValue':
    case 'ShippingInformationIncomplete':
    case 'InvalidFilter':
    case 'InvalidQueryParameterValue':
      return 400;
    case 'AuthenticationFailed':
    case 'InvalidAuthenticationToken':
    case 'ExpiredAuthenticationToken':
    case 'InvalidAuthenticationTokenAudience':
    case 'InvalidAuthenticationTokenTenant':
      return 401;
    case 'AuthorizationFailed':
      return 403;
    case 'ResourceNotFound':
    case 'NotFound':
      return 404;
    case 'MethodNotAllowed':
      return 405;
    case 'InvalidJobState':
    case 'JobAlreadyExists':
    case 'ActiveJobQuotaExceeded':
      return 409;
    case 'ConditionNotMet':
      return 412;
    case 'RequestBodyTooLarge':
      return 413;
    case 'UnsupportedMediaType':
      return 415;
    case 'InternalServerError':
      return 500;
    case 'StorageWriteFailed':
      return 502;
    case 'ServiceUnavailable':
      return 503;
    default: {
      const unmapped: never = code;
      throw new Error(`unmapped ARM error code ${String(unmapped)}`);
    }
  }
}

/** The domain's codes in Resource Manager's words; codes ARM never meets read as a bug. */
function armCodeOf(code: ErrorCode): ArmCode {
  switch (code) {
    case 'ConflictingStorageCredential':
    case 'InvalidCertificate':
    case 'InvalidContainerSas':
    case 'InvalidHeaderValue':
    case 'InvalidRequestBody':
    case 'InvalidStorageAccountName':
    case 'JobNameMismatch':
    case 'MissingStorageCredential':
    case 'MultipleConditionHeadersNotSupported':
    case 'StorageAccountNameMismatch':
      return 'InvalidRequestContent';
    case 'ActiveJobQuotaExceeded':
    case 'ConditionNotMet':
    case 'InvalidCancelRequestedValue':
    case 'InvalidDriveList':
    case 'InvalidExportBlobList':
    case 'InvalidJobName':
    case 'InvalidJobState':
    case 'InvalidLocation':
    case 'InvalidQueryParameterValue':
    case 'InvalidStateValue':
    case 'InvalidSubscriptionId':
    case 'JobAlreadyExists':
    case 'LocationClosed':
    case 'MethodNotAllowed':
    case 'RequestBodyTooLarge':
    case 'ResourceNotFound':
    case 'ServiceUnavailable':
    case 'ShippingInformationIncomplete':
    case 'StorageWriteFailed':
    case 'UnsupportedMediaType':
      return code;
    case 'StorageAccessNotConfigured':
      return 'InvalidJobState';
    case 'InvalidHttpVerb':
      return 'MethodNotAllowed';
    case 'AuthenticationFailed':
      return 'AuthorizationFailed';
    case 'StorageReadFailed':
      return 'StorageWriteFailed';
    case 'InternalError':
      return 'InternalServerError';
    default: {
      const unmapped: never = code;
      throw new Error(`unmapped error code ${String(unmapped)}`);
    }
  }
}

function tokenCodeOf(fault: TokenFault): ArmCode {
  switch (fault) {
    case 'missing':
      return 'AuthenticationFailed';
    case 'invalid':
      return 'InvalidAuthenticationToken';
    case 'expired':
      return 'ExpiredAuthenticationToken';
    case 'audience':
      return 'InvalidAuthenticationTokenAudience';
    case 'issuer':
      return 'InvalidAuthenticationTokenTenant';
    case 'unavailable':
      return 'ServiceUnavailable';
    default: {
      const unmapped: never = fault;
      throw new Error(`unmapped token fault ${String(unmapped)}`);
    }
  }
}

/** Any failure as an ArmError; undefined for a bug (the caller logs it and answers 500). */
export function asArmError(err: unknown): ArmError | undefined {
  if (err instanceof ArmError) return err;
  if (err instanceof TokenRejected) return new ArmError(tokenCodeOf(err.fault), err.message);
  if (err instanceof CodedError) {
    const target = err.detail && /^(properties|location|tags|\$)/.test(err.detail) ? err.detail : undefined;
    return new ArmError(armCodeOf(err.code as ErrorCode), err.message, target);
  }
  return undefined;
}

/** The error body of docs/arm-import-export.md#b4. */
export const armErrorBody = (e: ArmError) => ({
  error: {
    code: e.code,
    message: e.message,
    ...(e.target !== undefined && { target: e.target }),
    ...(e.details && e.details.length > 0 && { details: e.details }),
  },
});
