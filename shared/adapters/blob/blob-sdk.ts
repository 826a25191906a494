import type * as BlobSdk from '@azure/storage-blob';

/**
 * @azure/storage-blob, loaded on first use only: cold starts must not pay for the SDK (every value
 * import of it goes through here; elsewhere it is imported for types only).
 */
let sdk: Promise<typeof BlobSdk> | undefined;

export const loadBlobSdk = (): Promise<typeof BlobSdk> => (sdk ??= import('@azure/storage-blob'));
