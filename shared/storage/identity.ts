import type { TokenCredential } from '@azure/core-auth';
import type { StorageConfig } from '../config';

/**
 * Identity-based access to the service's own storage (the `AzureWebJobsStorage__*` settings):
 * a managed identity in Azure, the developer's login elsewhere.
 */
export function credentialFor(
  storage: Extract<StorageConfig, { kind: 'identity' }>,
): Promise<TokenCredential> {
  void storage;
  return Promise.reject(new Error('identity-based storage access is not available in this build'));
}
