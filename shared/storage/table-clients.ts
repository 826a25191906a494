import type { TableClient } from '@azure/data-tables';
import type { StorageConfig } from '../config';
import { endpointOf, isLoopback } from './endpoints';
import { guarded, statusOf } from './store-errors';

export type TableName = 'jobs' | 'certs' | 'due';

/** Storage calls fail fast enough for a request to answer 503 in seconds, not minutes (SPEC D.6). */
const retryOptions = { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1000 };

/**
 * The service's own tables: one client per table per process, created lazily (the SDK is heavy
 * to load and cold starts should not pay for it) and each table created once.
 */
export class TableClients {
  private readonly clients = new Map<TableName, Promise<TableClient>>();

  constructor(
    private readonly storage: StorageConfig,
    private readonly prefix: string,
  ) {}

  table(name: TableName): Promise<TableClient> {
    let client = this.clients.get(name);
    if (!client) {
      client = this.open(`${this.prefix}${name}`);
      this.clients.set(name, client);
      // A failed creation (store down) must not stick: the next call tries again (SPEC D.6).
      client.catch(() => this.clients.delete(name));
    }
    return client;
  }

  private async open(tableName: string): Promise<TableClient> {
    const { TableClient } = await import('@azure/data-tables');
    let client: TableClient;
    if (this.storage.kind === 'connectionString') {
      const endpoint = endpointOf(this.storage.connectionString, 'TableEndpoint') ?? '';
      client = TableClient.fromConnectionString(this.storage.connectionString, tableName, {
        allowInsecureConnection: isLoopback(endpoint),
        retryOptions,
      });
    } else {
      const { credentialFor } = await import('./identity');
      client = new TableClient(this.storage.tableEndpoint, tableName, await credentialFor(this.storage), {
        retryOptions,
      });
    }
    await guarded(async () => {
      try {
        await client.createTable();
      } catch (err) {
        if (statusOf(err) !== 409) throw err;
      }
    });
    return client;
  }
}
