/**
 * How the service authenticates to its own storage with identity-based settings, following the
 * Functions host's conventions for `AzureWebJobsStorage__*`: a managed identity when
 * `__credential` is `managedidentity` or an identity is named, the ambient login otherwise.
 */
export type StorageCredential =
  { kind: 'managedIdentity'; clientId?: string; resourceId?: string } | { kind: 'default' };

export type StorageConfig =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'identity'; tableEndpoint: string; blobEndpoint: string; credential: StorageCredential };
