import type { BlobServiceClient, ContainerClient, StoragePipelineOptions } from '@azure/storage-blob';
import type { BlobItem, CustomerStorage, ListScope, StateWrite } from '../../import-export/datacenter/ports';
import { CustomerStorageFailure } from '../../import-export/model/errors';
import type { TokenCredential } from '@azure/core-auth';
import type { StorageAccess } from '../../import-export/datacenter/registered-credentials';
import type { Job } from '../../import-export/model/model';
import { loadBlobSdk } from './blob-sdk';
import { statusOf, codeOf } from '../store-errors';

/**
 * A storage failure in the domain's terms; its reason names a status and a storage code, never a
 * URL. Only the SDK's RestError (an answer, or no answer at all) is one: anything else is a bug.
 */
function failure(err: unknown): unknown {
  if (err instanceof CustomerStorageFailure) return err;
  if (!(err instanceof Error) || err.name !== 'RestError') return err;
  const status = statusOf(err);
  const reason = `${status ?? 'no response'}${codeOf(err) ? ` ${codeOf(err)}` : ''}`;
  if (status === 403) return new CustomerStorageFailure('Forbidden', reason);
  if (status === 404) return new CustomerStorageFailure('NotFound', reason);
  return new CustomerStorageFailure('Failed', reason);
}

/** Reads a body stream, refusing it past `max` bytes (a length header may be missing or lie). */
async function readCapped(body: NodeJS.ReadableStream, max: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > max) {
      (body as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw tooLarge(what, max);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const tooLarge = (what: string, max: number) =>
  new CustomerStorageFailure('TooLarge', `${what} is larger than the ${max} bytes the service reads`);

/**
 * The customer's blob storage (docs/contract/import-export.md#b2), reached at CUSTOMER_BLOB_ENDPOINT with the job's own
 * credential: the account key (shared key) or the container SAS. With a key the states location is
 * a container, created when missing; with a SAS it is a virtual directory beneath the SAS
 * container, so a SAS job never writes outside its container (docs/contract/import-export.md#b3).
 */
export class CustomerBlobStorage implements CustomerStorage {
  /** States containers this process made sure of, per account (created again if removed since). */
  private readonly ready = new Set<string>();
  private readonly options: StoragePipelineOptions;

  /**
   * `timeoutMs`: the deadline of one call, retries included (then 502, never a hang). `resolve`
   * finds the access of a job that has no credential of its own (an ARM job,
   * docs/arm-import-export.md#f2): the one registered for its account, the local Azurite's, or the
   * app's managed identity, which `identity` supplies.
   */
  constructor(
    private readonly endpointTemplate: string,
    private readonly timeoutMs: number,
    private readonly resolve: (job: Job) => Promise<StorageAccess> = () =>
      Promise.reject(new Error('no storage credential')),
    private readonly identity?: () => Promise<TokenCredential>,
  ) {
    this.options = {
      retryOptions: { maxTries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 1000, tryTimeoutInMs: timeoutMs },
    };
  }

  /** Runs one call under the deadline, in the domain's terms. */
  private async translated<T>(call: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      return await call(signal);
    } catch (err) {
      if (signal.aborted)
        throw new CustomerStorageFailure('Failed', `no answer within ${this.timeoutMs / 1000} s`);
      throw failure(err);
    }
  }

  private credential(job: Job): Promise<StorageAccess> {
    return job.Credential ? Promise.resolve(job.Credential) : this.resolve(job);
  }

  private endpoint(job: Job): string {
    return this.endpointTemplate.replace('{account}', job.StorageAccountName).replace(/\/+$/, '');
  }

  private async service(job: Job): Promise<BlobServiceClient> {
    const { BlobServiceClient, StorageSharedKeyCredential } = await loadBlobSdk();
    const c = await this.credential(job);
    if (c.Kind === 'ContainerSas')
      throw new CustomerStorageFailure('Forbidden', 'a container SAS cannot reach the account');
    if (c.Kind === 'ManagedIdentity') {
      if (!this.identity) throw new Error('no managed identity to reach customer storage with');
      return new BlobServiceClient(this.endpoint(job), await this.identity(), this.options);
    }
    const key = new StorageSharedKeyCredential(job.StorageAccountName, c.Key);
    return new BlobServiceClient(this.endpoint(job), key, this.options);
  }

  private async container(job: Job, name: string): Promise<ContainerClient> {
    const c = await this.credential(job);
    if (c.Kind !== 'ContainerSas') return (await this.service(job)).getContainerClient(name);
    if (name !== c.Container)
      throw new CustomerStorageFailure('Forbidden', `container ${name} is outside the SAS container`);
    const { ContainerClient } = await loadBlobSdk();
    return new ContainerClient(
      `${this.endpoint(job)}/${encodeURIComponent(name)}?${c.Token}`,
      undefined,
      this.options,
    );
  }

  async list(job: Job, scope: ListScope): Promise<BlobItem[]> {
    return this.translated(async (abortSignal) => {
      const names: string[] = [];
      if ('exact' in scope.container) names.push(scope.container.exact);
      else {
        const service = await this.service(job);
        for await (const c of service.listContainers({ prefix: scope.container.prefix, abortSignal }))
          names.push(c.name);
      }
      const items: BlobItem[] = [];
      for (const name of names) {
        const container = await this.container(job, name);
        const blobs = container.listBlobsFlat({
          prefix: scope.blobPrefix,
          includeSnapshots: true,
          abortSignal,
        });
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

  /** Refused by its length before its body is read: a 50 MB list never reaches memory. */
  async read(job: Job, container: string, blob: string, maxBytes: number): Promise<string> {
    return this.translated(async (abortSignal) => {
      const client = (await this.container(job, container)).getBlobClient(blob);
      const response = await client.download(0, undefined, { abortSignal });
      const body = response.readableStreamBody;
      const what = `the blob ${container}/${blob}`;
      if ((response.contentLength ?? 0) > maxBytes) {
        (body as (NodeJS.ReadableStream & { destroy?: () => void }) | undefined)?.destroy?.();
        throw tooLarge(what, maxBytes);
      }
      const bytes = body ? await readCapped(body, maxBytes, what) : Buffer.alloc(0);
      return bytes.toString('utf8').replace(/^\uFEFF/, '');
    });
  }

  async deleteState(job: Job, name: string): Promise<void> {
    await this.translated(async (abortSignal) => {
      const { container, blobName } = this.statesOf(job, await this.credential(job), name);
      await (
        await this.container(job, container)
      )
        .getBlockBlobClient(blobName)
        .deleteIfExists({ abortSignal });
    });
  }

  private statesOf(job: Job, c: StorageAccess, name: string): { container: string; blobName: string } {
    return c.Kind !== 'ContainerSas'
      ? { container: job.ImportExportStatesPath, blobName: name }
      : { container: c.Container, blobName: `${job.ImportExportStatesPath}/${name}` };
  }

  /** A blob already there is compared with `xml`, reading no more than its length (plus one). */
  async writeState(job: Job, name: string, xml: string): Promise<{ url: string; outcome: StateWrite }> {
    return this.translated(async (abortSignal) => {
      const c = await this.credential(job);
      const { container: containerName, blobName } = this.statesOf(job, c, name);
      const container = await this.container(job, containerName);
      const readyKey = `${job.StorageAccountName}/${containerName}`;
      if (c.Kind !== 'ContainerSas' && !this.ready.has(readyKey)) {
        await container.createIfNotExists({ abortSignal });
        this.ready.add(readyKey);
      }
      const blob = container.getBlockBlobClient(blobName);
      const url = new URL(blob.url);
      url.search = '';
      const upload = () =>
        blob.upload(xml, Buffer.byteLength(xml), {
          blobHTTPHeaders: { blobContentType: 'application/xml' },
          conditions: { ifNoneMatch: '*' },
          abortSignal,
        });
      try {
        try {
          await upload();
        } catch (err) {
          // The customer removed the states container since this process made sure of it.
          if (c.Kind === 'ContainerSas' || statusOf(err) !== 404) throw err;
          await container.createIfNotExists({ abortSignal });
          await upload();
        }
        return { url: url.toString(), outcome: 'written' };
      } catch (err) {
        if (statusOf(err) !== 409 && statusOf(err) !== 412) throw err;
      }
      const mine = Buffer.from(xml, 'utf8');
      const found = await blob.download(0, undefined, { abortSignal });
      const body = found.readableStreamBody;
      const same =
        found.contentLength === mine.byteLength &&
        body !== undefined &&
        (await readCapped(body, mine.byteLength, blobName)).equals(mine);
      if (!same) (body as (NodeJS.ReadableStream & { destroy?: () => void }) | undefined)?.destroy?.();
      return { url: url.toString(), outcome: same ? 'same' : 'different' };
    });
  }
}
