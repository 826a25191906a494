import type { EdgeCode } from '../../edge/errors';
import type { IdentityCode } from '../../identity/errors';
import type { ImportExportCode } from '../../import-export/model/errors';
import type { KernelCode } from '../../kernel/errors';
import { CodedError } from '../../kernel/errors';

/** The classic surface's own failures: its version header, its media types, its versions' fields. */
export type ClassicTransportCode =
  'MissingOrIncorrectVersionHeader' | 'NotAcceptable' | 'PropertyNotSupportedInVersion';

export class ClassicError extends CodedError<ClassicTransportCode> {}

/** Every ExtendedCode the classic surface answers (docs/contract/import-export.md#a4). */
export type ClassicCode = KernelCode | EdgeCode | IdentityCode | ImportExportCode | ClassicTransportCode;

/** The codes in the contract's order (the OpenAPI document lists them so). */
export const CLASSIC_CODES = [
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
] as const satisfies readonly ClassicCode[];

// A code some context adds and this list forgets does not compile.
type Unlisted = Exclude<ClassicCode, (typeof CLASSIC_CODES)[number]>;
const complete: [Unlisted] extends [never] ? true : Unlisted = true;
void complete;

const known: ReadonlySet<string> = new Set(CLASSIC_CODES);

/** A coded failure whose code this surface maps; anything else is answered as a bug (500). */
export function classicCodeOf(err: unknown): ClassicCode | undefined {
  if (!(err instanceof CodedError)) return undefined;
  const code: string = (err as CodedError).code;
  return known.has(code) ? (code as ClassicCode) : undefined;
}
