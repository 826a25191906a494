import { TableClient, TableServiceClient } from '@azure/data-tables';
import { BlobServiceClient } from '@azure/storage-blob';
import type { Runtime } from '../../shared/app/runtime';
import type { CallOptions, TestService } from './service';

/** A response as the client saw it: status line, headers and body, and what it answered. */
export interface Seen {
  /** `job` for a job's body (Get Job, operator job answers); anything else otherwise. */
  kind: string;
  label: string;
  text: string;
}

/**
 * Records every answer of the customer and operator APIs, headers included, and every line the
 * service logs (the local host's log, which carries the InvocationContext logs, and the console),
 * so that a test can look for secrets in all of them (docs/contract/import-export.md#a6, #d2).
 */
export class SecretWatch {
  readonly responses: Seen[] = [];
  readonly logs: string[] = [];
  private readonly spies: jest.SpyInstance[] = [];

  constructor() {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
      this.spies.push(
        jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          this.logs.push(args.map(String).join(' '));
        }),
      );
  }

  /** The local host's log option. */
  hostLog = (line: string): void => {
    this.logs.push(line);
  };

  restore(): void {
    for (const spy of this.spies) spy.mockRestore();
  }

  async record(kind: string, label: string, res: Response): Promise<Response> {
    const headers = [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n');
    this.responses.push({ kind, label, text: `${res.status}\n${headers}\n\n${await res.clone().text()}` });
    return res;
  }

  customer(svc: TestService, method: string, path: string, opts?: CallOptions): Promise<Response> {
    const kind = method === 'GET' && /\/jobs\/[^/?]+$/.test(path) ? 'job' : 'customer';
    return svc.call(method, path, opts).then((r) => this.record(kind, `${method} ${path}`, r));
  }

  operator(svc: TestService, method: string, path: string, body?: unknown): Promise<Response> {
    const kind =
      /\/jobs\/[^/]+(\/(receive|ship|fault|resolve|advance|drives\/[^/]+\/(start|progress|complete)))?$/.test(
        path,
      )
        ? 'job'
        : 'operator';
    return svc.operator(method, path, body).then((r) => this.record(kind, `operator ${method} ${path}`, r));
  }
}

/** Every row of every table and every blob of every container the runtime owns, as raw text. */
export async function serviceStorageText(rt: Runtime): Promise<string> {
  const connection = process.env.AzureWebJobsStorage!;
  const prefix = rt.config.storagePrefix;
  const parts: string[] = [];
  const tables = TableServiceClient.fromConnectionString(connection, { allowInsecureConnection: true });
  for await (const t of tables.listTables({
    queryOptions: { filter: `TableName ge '${prefix}' and TableName lt '${prefix}~'` },
  })) {
    const client = TableClient.fromConnectionString(connection, t.name!, { allowInsecureConnection: true });
    for await (const row of client.listEntities()) parts.push(JSON.stringify(row));
  }
  const blobs = BlobServiceClient.fromConnectionString(connection);
  for await (const c of blobs.listContainers({ prefix })) {
    const container = blobs.getContainerClient(c.name);
    for await (const b of container.listBlobsFlat())
      parts.push(b.name, (await container.getBlobClient(b.name).downloadToBuffer()).toString('utf8'));
  }
  return parts.join('\n');
}
