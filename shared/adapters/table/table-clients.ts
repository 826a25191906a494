import type { TableClient, TableServiceClientOptions } from '@azure/data-tables';
import type { StorageConfig } from '../storage-config';
import { StorageDeadlineExceeded, withDeadline } from '../deadline';
import { endpointOf, isLoopback } from '../endpoints';
import { guarded, statusOf } from '../store-errors';

const TABLE_NAMES = ['jobs', 'certs', 'due', 'access', 'schedjobs', 'schedacct', 'scheddue'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** One HTTP request to the storage service, as it leaves (every retry counted). */
interface StorageRequest {
  table: TableName;
  method: string;
  url: string;
}
export type StorageRequestListener = (request: StorageRequest) => void;

type PipelinePolicy = NonNullable<TableServiceClientOptions['additionalPolicies']>[number]['policy'];

/** Storage calls fail fast enough for a request to answer 503 in seconds, not minutes (docs/contract/import-export.md#d6). */
const retryOptions = { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1000 };

/**
 * The service's own tables: one client per table per process, created lazily (the SDK is heavy
 * to load and cold starts should not pay for it) and each table created once.
 */
export class TableClients {
  private readonly clients = new Map<TableName, Promise<TableClient>>();
  private readonly listeners = new Set<StorageRequestListener>();
  private ready?: Promise<void>;

  constructor(
    private readonly storage: StorageConfig,
    private readonly prefix: string,
    private readonly timeoutMs: number,
  ) {}

  /**
   * Calls `listener` for every request any table client sends, until the returned function is
   * called: the instrument behind the sweep's cost proof (docs/contract/import-export.md#c2) and a hook for diagnostics.
   */
  observe(listener: StorageRequestListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Creates the service's tables: at start-up (the local host, the Functions host's appStart
   * hook, the benchmark's server), so that no request pays for it. A process where nothing
   * called it (a test's runtime) creates them before its first table call, once.
   */
  ensure(): Promise<void> {
    this.ready ??= this.createAll().catch((err: unknown) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }

  private async createAll(): Promise<void> {
    await Promise.all(
      TABLE_NAMES.map(async (name) => {
        const client = await this.client(name);
        await guarded(async () => {
          try {
            await client.createTable();
          } catch (err) {
            if (statusOf(err) !== 409) throw err;
          }
        });
      }),
    );
  }

  table(name: TableName): Promise<TableClient> {
    let client = this.clients.get(name);
    if (!client) {
      client = this.open(name);
      this.clients.set(name, client);
      // A failed creation (store down) must not stick: the next call tries again (docs/contract/import-export.md#d6).
      client.catch(() => this.clients.delete(name));
    }
    return client;
  }

  private observer(table: TableName): PipelinePolicy {
    return {
      name: 'storage-request-observer',
      sendRequest: (request, next) => {
        for (const listener of this.listeners) listener({ table, method: request.method, url: request.url });
        return next(request);
      },
    };
  }

  /** Per call, around the SDK's retries: a frozen store answers 503 within the deadline (docs/contract/import-export.md#d6). */
  private deadline(): PipelinePolicy {
    const ms = this.timeoutMs;
    return {
      name: 'storage-deadline',
      sendRequest: async (request, next) => {
        const signal = withDeadline(ms, request.abortSignal);
        request.abortSignal = signal;
        try {
          return await next(request);
        } catch (err) {
          if (signal.aborted) throw new StorageDeadlineExceeded(ms);
          throw err;
        }
      },
    };
  }

  private async open(name: TableName): Promise<TableClient> {
    await this.ensure();
    return this.client(name);
  }

  private async client(name: TableName): Promise<TableClient> {
    const { TableClient } = await import('@azure/data-tables');
    const tableName = `${this.prefix}${name}`;
    const options = {
      retryOptions,
      additionalPolicies: [
        { policy: this.deadline(), position: 'perCall' as const },
        { policy: this.observer(name), position: 'perRetry' as const },
      ],
    };
    let client: TableClient;
    if (this.storage.kind === 'connectionString') {
      const endpoint = endpointOf(this.storage.connectionString, 'TableEndpoint') ?? '';
      client = TableClient.fromConnectionString(this.storage.connectionString, tableName, {
        allowInsecureConnection: isLoopback(endpoint),
        ...options,
      });
    } else {
      const { credentialFor } = await import('../credential');
      client = new TableClient(
        this.storage.tableEndpoint,
        tableName,
        await credentialFor(this.storage),
        options,
      );
    }
    return client;
  }
}
