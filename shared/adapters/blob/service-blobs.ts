import type { ContainerClient } from '@azure/storage-blob';
import type { StorageConfig } from '../storage-config';
import { loadBlobSdk } from './blob-sdk';
import { guarded } from '../store-errors';

/**
 * Containers of the service's own blob storage (AzureWebJobsStorage), one client per container per
 * process, each created once; a failed creation is forgotten so the next call tries again.
 */
export class ServiceBlobs {
  private readonly containers = new Map<string, Promise<ContainerClient>>();

  constructor(
    private readonly storage: StorageConfig,
    private readonly prefix: string,
  ) {}

  container(name: string): Promise<ContainerClient> {
    let client = this.containers.get(name);
    if (!client) {
      client = this.open(`${this.prefix}${name}`);
      this.containers.set(name, client);
      client.catch(() => this.containers.delete(name));
    }
    return client;
  }

  private async open(containerName: string): Promise<ContainerClient> {
    const { BlobServiceClient } = await loadBlobSdk();
    const retryOptions = { maxTries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 1000 };
    let service;
    if (this.storage.kind === 'connectionString') {
      service = BlobServiceClient.fromConnectionString(this.storage.connectionString, { retryOptions });
    } else {
      const { credentialFor } = await import('../credential');
      service = new BlobServiceClient(this.storage.blobEndpoint, await credentialFor(this.storage), {
        retryOptions,
      });
    }
    const container = service.getContainerClient(containerName);
    await guarded(() => container.createIfNotExists());
    return container;
  }
}
