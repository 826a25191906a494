import type { Conditions } from '../../kernel/conditions';
import { conditionsMet } from '../../kernel/conditions';
import { CodedError } from '../../kernel/errors';

/**
 * The failures of the Import/Export domain (the ExtendedCodes of
 * docs/contract/import-export.md#a4 that are about jobs, not about HTTP). Each surface maps them
 * to its own wire form.
 */
export type ImportExportCode =
  | 'InvalidRequestBody'
  | 'InvalidJobName'
  | 'InvalidStorageAccountName'
  | 'InvalidSubscriptionId'
  | 'JobNameMismatch'
  | 'StorageAccountNameMismatch'
  | 'InvalidLocation'
  | 'LocationClosed'
  | 'StorageAccessNotConfigured'
  | 'MissingStorageCredential'
  | 'ConflictingStorageCredential'
  | 'InvalidContainerSas'
  | 'InvalidDriveList'
  | 'InvalidExportBlobList'
  | 'InvalidStateValue'
  | 'InvalidCancelRequestedValue'
  | 'ShippingInformationIncomplete'
  | 'ResourceNotFound'
  | 'JobAlreadyExists'
  | 'ActiveJobQuotaExceeded'
  | 'InvalidJobState'
  | 'ConditionNotMet'
  | 'StorageWriteFailed'
  | 'StorageReadFailed';

/** A failure of an Import/Export use case. `detail` is safe to show (ExtendedInformation). */
export class ImportExportError extends CodedError<ImportExportCode> {}

/**
 * The customer's storage refused or failed a request (docs/contract/import-export.md#b2).
 * Internal: the use cases turn it into a log status (BlobRequestForbidden) or a contract error
 * (StorageWriteFailed...). `reason` is safe to show: a status and the storage error code, never a
 * URL or credential.
 */
export class CustomerStorageFailure extends Error {
  constructor(
    readonly kind: 'Forbidden' | 'NotFound' | 'TooLarge' | 'Failed',
    readonly reason: string,
  ) {
    super(`the customer's storage answered ${reason}`);
    this.name = 'CustomerStorageFailure';
  }
}

export const invalidState = (message: string, detail?: string): ImportExportError =>
  new ImportExportError('InvalidJobState', message, detail);

export const notFound = (what: string): ImportExportError =>
  new ImportExportError('ResourceNotFound', `The ${what} does not exist.`);

/**
 * 412 ConditionNotMet unless the conditional headers hold for the job as stored, or for its
 * absence (docs/contract/import-export.md#a6): its ETag and its last-modified time.
 */
export function requireConditions(
  conditions: Conditions,
  job: { etag: string; lastModified: Date } | undefined,
): void {
  const target = job ? { exists: true, etag: job.etag, lastModified: job.lastModified } : { exists: false };
  if (!conditionsMet(conditions, target)) {
    throw new ImportExportError(
      'ConditionNotMet',
      'The condition specified by the conditional headers is not met.',
    );
  }
}
