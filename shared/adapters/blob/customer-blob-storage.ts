import type { BlobServiceClient, ContainerClient, StoragePipelineOptions } from '@azure/storage-blob';
import type { BlobItem, CustomerStorage, ListScope } from '../../import-export/datacenter/ports';
import { CustomerStorageFailure } from '../../import-export/model/errors';
import type { Job } from '../../import-export/model/model';
import { loadBlobSdk } from './blob-sdk';
import { statusOf, codeOf } from '../store-errors';

/** The customer's storage may be slow or away; a call gives up in seconds, not minutes. */
const options: StoragePipelineOptions = {
  retryOptions: { maxTries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 1000, tryTimeoutInMs: 60_000 },
};

/**
 * A storage failure in the domain's terms; its reason names a status and a storage code, never a
 * URL. Only the SDK's RestError (an answer, or no answer at all) is one: anything else is a bug.
 */
function failure(err: unknown): unknown {
  if (!(err instanceof Error) || err.name !== 'RestError') return err;
  const status = statusOf(err);
  const reason = `${status ?? 'no response'}${codeOf(err) ? ` ${codeOf(err)}` : ''}`;
  if (status === 403) return new CustomerStorageFailure('Forbidden', reason);
  if (status === 404) return new CustomerStorageFailure('NotFound', reason);
  return new CustomerStorageFailure('Failed', reason);
}

async function translated<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw failure(err);
  }
}

/**
 * The customer's blob storage (docs/contract/import-export.md#b2), reached at CUSTOMER_BLOB_ENDPOINT with the job's own
 * credential: the account key (shared key) or the container SAS. With a key the states location is
 * a container, created when missing; with a SAS it is a virtual directory beneath the SAS
 * container, so a SAS job never writes outside its container (docs/contract/import-export.md#b3).
 */
export class CustomerBlobStorage implements CustomerStorage {
  /** States containers already known to exist, per account. */
  private readonly ready = new Set<string>();

  constructor(private readonly endpointTemplate: string) {}

  private endpoint(job: Job): string {
    return this.endpointTemplate.replace('{account}', job.StorageAccountName).replace(/\/+$/, '');
  }

  private async service(job: Job): Promise<BlobServiceClient> {
    const { BlobServiceClient, StorageSharedKeyCredential } = await loadBlobSdk();
    const c = job.Credential;
    if (c.Kind !== 'StorageAccountKey')
      throw new CustomerStorageFailure('Forbidden', 'a container SAS cannot reach the account');
    const key = new StorageSharedKeyCredential(job.StorageAccountName, c.Key);
    return new BlobServiceClient(this.endpoint(job), key, options);
  }

  private async container(job: Job, name: string): Promise<ContainerClient> {
    const c = job.Credential;
    if (c.Kind === 'StorageAccountKey') return (await this.service(job)).getContainerClient(name);
    if (name !== c.Container)
      throw new CustomerStorageFailure('Forbidden', `container ${name} is outside the SAS container`);
    const { ContainerClient } = await loadBlobSdk();
    return new ContainerClient(
      `${this.endpoint(job)}/${encodeURIComponent(name)}?${c.Token}`,
      undefined,
      options,
    );
  }

  async list(job: Job, scope: ListScope): Promise<BlobItem[]> {
    return translated(async () => {
      const names: string[] = [];
      if ('exact' in scope.container) names.push(scope.container.exact);
      else {
        const service = await this.service(job);
        for await (const c of service.listContainers({ prefix: scope.container.prefix })) names.push(c.name);
      }
      const items: BlobItem[] = [];
      for (const name of names) {
        const container = await this.container(job, name);
        const blobs = container.listBlobsFlat({ prefix: scope.blobPrefix, includeSnapshots: true });
        for await (const b of blobs) {
          items.push({
            container: name,
            name: b.name,
            ...(b.snapshot && { snapshot: b.snapshot }),
            length: b.properties.contentLength ?? 0,
            lastModified: b.properties.lastModified.toISOString(),
          });
        }
      }
      return items;
    });
  }

  async read(job: Job, container: string, blob: string): Promise<string> {
    return translated(async () => {
      const client = (await this.container(job, container)).getBlobClient(blob);
      return (await client.downloadToBuffer()).toString('utf8').replace(/^\uFEFF/, '');
    });
  }

  async writeState(job: Job, name: string, xml: string): Promise<string> {
    return translated(async () => {
      const c = job.Credential;
      const containerName = c.Kind === 'StorageAccountKey' ? job.ImportExportStatesPath : c.Container;
      const blobName = c.Kind === 'StorageAccountKey' ? name : `${job.ImportExportStatesPath}/${name}`;
      const container = await this.container(job, containerName);
      const readyKey = `${job.StorageAccountName}/${containerName}`;
      if (c.Kind === 'StorageAccountKey' && !this.ready.has(readyKey)) {
        await container.createIfNotExists();
        this.ready.add(readyKey);
      }
      const blob = container.getBlockBlobClient(blobName);
      await blob.upload(xml, Buffer.byteLength(xml), {
        blobHTTPHeaders: { blobContentType: 'application/xml' },
      });
      const url = new URL(blob.url);
      url.search = '';
      return url.toString();
    });
  }
}
