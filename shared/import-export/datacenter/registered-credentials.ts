import { isAccountKey, parseContainerSas } from '../model/container-sas';
import { ImportExportError } from '../model/errors';
import type { Credential } from '../model/model';

/**
 * Storage credentials an operator registers per subscription and account, for jobs that carry
 * none of their own (docs/arm-import-export.md#f1); sealed at rest by the adapter.
 */
export interface RegisteredCredentials {
  get(subscriptionId: string, account: string): Promise<Credential | undefined>;
  /** True when the credential is new. */
  put(subscriptionId: string, account: string, credential: Credential): Promise<boolean>;
  delete(subscriptionId: string, account: string): Promise<boolean>;
}

/**
 * The body's credential, checked as classic Put checks its own (docs/arm-import-export.md#f1). A
 * SAS is checked against the stricter of the two job types' permissions: r, w, d and l.
 */
export function credentialOfBody(
  body: { StorageAccountKey?: string | undefined; ContainerSas?: string | undefined },
  now: Date,
): Credential {
  if (body.StorageAccountKey !== undefined && body.ContainerSas !== undefined) {
    throw new ImportExportError(
      'ConflictingStorageCredential',
      'Give either StorageAccountKey or ContainerSas, not both.',
    );
  }
  if (body.StorageAccountKey !== undefined) {
    if (!isAccountKey(body.StorageAccountKey)) {
      throw new ImportExportError(
        'InvalidRequestBody',
        'StorageAccountKey is not a storage account key (the base64 of 64 bytes).',
        'StorageAccountKey',
      );
    }
    return { Kind: 'StorageAccountKey', Key: body.StorageAccountKey };
  }
  if (body.ContainerSas !== undefined) {
    parseContainerSas(body.ContainerSas, 'Import', now);
    return parseContainerSas(body.ContainerSas, 'Export', now);
  }
  throw new ImportExportError('MissingStorageCredential', 'Give StorageAccountKey or ContainerSas.');
}

/** The well-known key of Azurite's development account (public, documented by Azurite). */
const AZURITE_DEV_ACCOUNT = 'devstoreaccount1';
const AZURITE_DEV_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/**
 * How the service reaches a job's storage: a stored credential, or the app's managed identity
 * (never stored: it is the app's own, docs/arm-import-export.md#f2).
 */
export type StorageAccess = Credential | { Kind: 'ManagedIdentity' };

/** Where this deployment can fall back to (docs/arm-import-export.md#f2 steps 3 and 4). */
export interface Fallbacks {
  /** CUSTOMER_BLOB_ENDPOINT is a loopback address: the embedded Azurite's account needs no credential. */
  localAzurite: boolean;
  /** The app runs with a managed identity (in Azure): tried last, for any account. */
  managedIdentity: boolean;
}

/**
 * Resolution for a job without its own credential (docs/arm-import-export.md#f2), in order: the
 * registered one, Azurite's development key locally, the app's managed identity; else none.
 */
export async function resolveCredential(
  registered: RegisteredCredentials,
  fallbacks: Fallbacks,
  subscriptionId: string,
  account: string,
): Promise<StorageAccess | undefined> {
  const found = await registered.get(subscriptionId, account);
  if (found) return found;
  if (fallbacks.localAzurite && account === AZURITE_DEV_ACCOUNT)
    return { Kind: 'StorageAccountKey', Key: AZURITE_DEV_KEY };
  if (fallbacks.managedIdentity) return { Kind: 'ManagedIdentity' };
  return undefined;
}
