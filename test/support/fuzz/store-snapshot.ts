import { TableClient, TableServiceClient } from '@azure/data-tables';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import type { Runtime } from '../../../shared/app/runtime';
import { serviceOf } from '../customer-blobs';

/** A blob container to watch besides the service's own: one of a customer's (docs/contract/import-export.md#b3). */
export interface WatchedContainer {
  account: string;
  container: string;
}

/**
 * Everything the service keeps, read raw as anyone with the account key would: every table and
 * blob container under the runtime's prefix (the jobs, certificates and due-time tables, the export
 * plans container), each row with all its properties, ETag and timestamp, each blob with its ETag and
 * MD5, plus the customers' containers named in `watched`. Two snapshots are equal exactly when
 * nothing was written in between (docs/contract/import-export.md#d5: a rejected request changes nothing).
 */
export class StoreSnapshot {
  private readonly tables: TableServiceClient;
  private readonly blobs: BlobServiceClient;

  constructor(
    private readonly rt: Runtime,
    private readonly watched: readonly WatchedContainer[] = [],
  ) {
    const connection = process.env.AzureWebJobsStorage!;
    this.tables = TableServiceClient.fromConnectionString(connection, { allowInsecureConnection: true });
    this.blobs = BlobServiceClient.fromConnectionString(connection);
  }

  async take(): Promise<string> {
    const prefix = this.rt.config.storagePrefix;
    const state: Record<string, unknown> = {};
    const filter = `TableName ge '${prefix}' and TableName lt '${prefix}~'`;
    for await (const t of this.tables.listTables({ queryOptions: { filter } })) {
      if (t.name) state[`table ${t.name}`] = await this.rows(t.name);
    }
    for await (const c of this.blobs.listContainers({ prefix })) {
      state[`container ${c.name}`] = await blobsOf(this.blobs.getContainerClient(c.name));
    }
    for (const w of this.watched) {
      const container = serviceOf(w.account).getContainerClient(w.container);
      state[`customer ${w.account}/${w.container}`] = (await container.exists())
        ? await blobsOf(container)
        : null;
    }
    return JSON.stringify(state);
  }

  private async rows(table: string): Promise<unknown[]> {
    const client = TableClient.fromConnectionString(process.env.AzureWebJobsStorage!, table, {
      allowInsecureConnection: true,
    });
    const rows: Record<string, unknown>[] = [];
    for await (const row of client.listEntities()) rows.push(row);
    return rows.sort((a, b) =>
      `${String(a.partitionKey)}\u0000${String(a.rowKey)}`.localeCompare(
        `${String(b.partitionKey)}\u0000${String(b.rowKey)}`,
      ),
    );
  }
}

async function blobsOf(container: ContainerClient): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const b of container.listBlobsFlat({ includeSnapshots: true, includeMetadata: true })) {
    out.push({
      name: b.name,
      snapshot: b.snapshot ?? null,
      etag: b.properties.etag,
      md5: b.properties.contentMD5 ? Buffer.from(b.properties.contentMD5).toString('base64') : null,
      length: b.properties.contentLength,
      metadata: b.metadata ?? {},
    });
  }
  return out;
}

/** The first difference between two snapshots, for a failure message. */
export function firstDifference(before: string, after: string): string {
  const a = JSON.parse(before) as Record<string, unknown>;
  const b = JSON.parse(after) as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = JSON.stringify(a[key] ?? null);
    const y = JSON.stringify(b[key] ?? null);
    if (x === y) continue;
    let i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    return `${key} changed near: ...${x.slice(Math.max(0, i - 200), i + 200)}... -> ...${y.slice(Math.max(0, i - 200), i + 200)}...`;
  }
  return 'no difference';
}
