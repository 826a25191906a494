import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** Azurite's well-known development account (public, documented by Microsoft). */
const DEV_ACCOUNT = {
  name: 'devstoreaccount1',
  key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
};

export interface StorageAccount {
  name: string;
  key: string;
}

export interface AzuriteOptions {
  /** Workspace folder; in memory when left out. */
  location?: string;
  /** 0 (the default) lets the OS pick. */
  blobPort?: number;
  tablePort?: number;
  /** Accounts besides the development account (Azurite's AZURITE_ACCOUNTS). */
  accounts?: readonly StorageAccount[];
}

export interface Azurite {
  blobPort: number;
  tablePort: number;
  /** The development account's connection string. */
  connectionString: string;
  /** `http://127.0.0.1:<port>/{account}`: the path-style blob endpoint template (docs/contract/import-export.md#b2). */
  blobEndpointTemplate: string;
  stop(): Promise<void>;
}

const READY = /Azurite (Blob|Table) service is successfully listening at http:\/\/127\.0\.0\.1:(\d+)/;

/**
 * Starts Azurite (blob and table) as a child process and resolves once both services listen,
 * with the ports they took. Telemetry is off (it would try to reach the internet), and the API
 * version check is skipped because the storage SDK may be newer than the emulator.
 */
export async function startAzurite(opts: AzuriteOptions = {}): Promise<Azurite> {
  const args = [
    require.resolve('azurite/dist/src/azurite.js'),
    '--blobPort',
    String(opts.blobPort ?? 0),
    '--tablePort',
    String(opts.tablePort ?? 0),
    '--queuePort',
    '0',
    '--disableTelemetry',
    '--skipApiVersionCheck',
    '--silent',
    ...(opts.location ? ['--location', opts.location] : ['--inMemoryPersistence']),
  ];
  const accounts = [DEV_ACCOUNT, ...(opts.accounts ?? [])];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, AZURITE_ACCOUNTS: accounts.map((a) => `${a.name}:${a.key}`).join(';') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ports: Partial<Record<'Blob' | 'Table', number>> = {};
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split('\n')) {
        const m = READY.exec(line);
        if (m) ports[m[1] as 'Blob' | 'Table'] = Number(m[2]);
      }
      if (ports.Blob && ports.Table) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`Azurite exited (${code}) before it was ready:\n${output}`)),
    );
  });
  const killOnExit = () => child.kill();
  process.once('exit', killOnExit);
  await ready;
  const blobPort = ports.Blob ?? 0;
  const tablePort = ports.Table ?? 0;
  return {
    blobPort,
    tablePort,
    connectionString: [
      'DefaultEndpointsProtocol=http',
      `AccountName=${DEV_ACCOUNT.name}`,
      `AccountKey=${DEV_ACCOUNT.key}`,
      `BlobEndpoint=http://127.0.0.1:${blobPort}/${DEV_ACCOUNT.name}`,
      `TableEndpoint=http://127.0.0.1:${tablePort}/${DEV_ACCOUNT.name}`,
    ].join(';'),
    blobEndpointTemplate: `http://127.0.0.1:${blobPort}/{account}`,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill();
      await once(child, 'exit');
    },
  };
}
