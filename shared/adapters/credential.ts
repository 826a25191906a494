import type { TokenCredential } from '@azure/core-auth';
import type { StorageConfig, StorageCredential } from './storage-config';

const credentials = new Map<string, Promise<TokenCredential>>();

/**
 * Identity-based access to the service's own storage (the `AzureWebJobsStorage__*` settings): the
 * app's managed identity in Azure, the developer's login (`az login`, environment) elsewhere.
 * One credential per process and identity, so its token cache is shared by every client.
 */
export function credentialFor(
  storage: Extract<StorageConfig, { kind: 'identity' }>,
): Promise<TokenCredential> {
  const key = JSON.stringify(storage.credential);
  let credential = credentials.get(key);
  if (!credential) {
    credential = createCredential(storage.credential);
    credentials.set(key, credential);
  }
  return credential;
}

async function createCredential(choice: StorageCredential): Promise<TokenCredential> {
  // Loaded here, not at the top: cold starts with a connection string never pay for @azure/identity.
  const { DefaultAzureCredential, ManagedIdentityCredential } = await import('@azure/identity');
  if (choice.kind === 'default') return new DefaultAzureCredential();
  if (choice.clientId) return new ManagedIdentityCredential({ clientId: choice.clientId });
  if (choice.resourceId) return new ManagedIdentityCredential({ resourceId: choice.resourceId });
  return new ManagedIdentityCredential();
}

/**
 * The app's managed identity, when its own storage is reached with one (in Azure, as deployed): the
 * last resort for customer storage (docs/arm-import-export.md#f2); undefined elsewhere, where a
 * developer's ambient login must never stand in for it.
 */
export function appManagedIdentity(storage: StorageConfig): (() => Promise<TokenCredential>) | undefined {
  if (storage.kind !== 'identity' || storage.credential.kind !== 'managedIdentity') return undefined;
  return () => credentialFor(storage);
}
