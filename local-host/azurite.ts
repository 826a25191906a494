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

type AzuriteService = 'Blob' | 'Queue' | 'Table';

export interface AzuriteOptions {
  /** Workspace folder; in memory when left out. */
  location?: string;
  /** 0 (the default) lets the OS pick. */
  blobPort?: number;
  queuePort?: number;
  tablePort?: number;
  /** Accounts besides the development account (Azurite's AZURITE_ACCOUNTS). */
  accounts?: readonly StorageAccount[];
  /** Called when Azurite exits without stop() having been called, with its last output. */
  onUnexpectedExit?: (why: string) => void;
}

export interface Azurite {
  /** The child process's id. */
  pid: number;
  blobPort: number;
  queuePort: number;
  tablePort: number;
  /** The development account's connection string. */
  connectionString: string;
  /** `http://127.0.0.1:<port>/{account}`: the path-style blob endpoint template (docs/contract/import-export.md#b2). */
  blobEndpointTemplate: string;
  /** `http://127.0.0.1:<port>/{account}`: the Scheduler's queue endpoint template (SCHEDULER_QUEUE_ENDPOINT). */
  queueEndpointTemplate: string;
  /** Stops Azurite: SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Azurite could not listen on a port it was given; `service` says which. */
export class AzuritePortInUse extends Error {
  constructor(
    readonly service: AzuriteService,
    readonly port: number,
  ) {
    super(`Azurite's ${service.toLowerCase()} port ${port} is in use`);
    this.name = 'AzuritePortInUse';
  }
}

const READY = /Azurite (Blob|Queue|Table) service is successfully listening at http:\/\/127\.0\.0\.1:(\d+)/;
const STARTING = /Azurite (Blob|Queue|Table) service is starting at http:\/\/127\.0\.0\.1:(\d+)/g;
const IN_USE = /EADDRINUSE[^\n]*:(\d+)/;
const TAIL = 2_000;

/** Which service a port in use belongs to: the last one Azurite said it was starting on that port. */
function inUse(output: string): AzuritePortInUse | undefined {
  const m = IN_USE.exec(output);
  if (!m) return undefined;
  const port = Number(m[1]);
  const starting = [...output.matchAll(STARTING)].filter((s) => Number(s[2]) === port).pop();
  return new AzuritePortInUse((starting?.[1] as AzuriteService | undefined) ?? 'Blob', port);
}

/**
 * Starts Azurite (blob, queue and table) as a child process and resolves once all three listen,
 * with the ports they took. Telemetry is off (it would try to reach the internet), and the API
 * version check is skipped because the storage SDK may be newer than the emulator.
 */
export async function startAzurite(opts: AzuriteOptions = {}): Promise<Azurite> {
  const args = [
    require.resolve('azurite/dist/src/azurite.js'),
    ...['--blobPort', String(opts.blobPort ?? 0), '--queuePort', String(opts.queuePort ?? 0)],
    ...['--tablePort', String(opts.tablePort ?? 0)],
    ...['--disableTelemetry', '--skipApiVersionCheck', '--silent'],
    ...(opts.location ? ['--location', opts.location] : ['--inMemoryPersistence']),
  ];
  const accounts = [DEV_ACCOUNT, ...(opts.accounts ?? [])];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, AZURITE_ACCOUNTS: accounts.map((a) => `${a.name}:${a.key}`).join(';') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ports: Partial<Record<AzuriteService, number>> = {};
  let output = '';
  let stopping = false;
  let ready = false;
  const started = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-TAIL);
      for (const line of chunk.toString().split('\n')) {
        const m = READY.exec(line);
        if (m) ports[m[1] as AzuriteService] = Number(m[2]);
      }
      if (ports.Blob && ports.Queue && ports.Table) {
        ready = true;
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      if (!ready)
        reject(
          inUse(output) ?? new Error(`Azurite exited (${code ?? signal}) before it was ready:\n${output}`),
        );
      else if (!stopping)
        opts.onUnexpectedExit?.(
          `exit code ${code ?? '-'}, signal ${signal ?? '-'}; its last output:\n${output.trim()}`,
        );
    });
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  try {
    await started;
  } catch (err) {
    process.removeListener('exit', killOnExit);
    throw err;
  }
  const [blobPort, queuePort, tablePort] = [ports.Blob ?? 0, ports.Queue ?? 0, ports.Table ?? 0];
  const endpoint = (port: number) => `http://127.0.0.1:${port}/${DEV_ACCOUNT.name}`;
  return {
    pid: child.pid ?? 0,
    blobPort,
    queuePort,
    tablePort,
    connectionString: [
      'DefaultEndpointsProtocol=http',
      `AccountName=${DEV_ACCOUNT.name}`,
      `AccountKey=${DEV_ACCOUNT.key}`,
      `BlobEndpoint=${endpoint(blobPort)}`,
      `QueueEndpoint=${endpoint(queuePort)}`,
      `TableEndpoint=${endpoint(tablePort)}`,
    ].join(';'),
    blobEndpointTemplate: `http://127.0.0.1:${blobPort}/{account}`,
    queueEndpointTemplate: `http://127.0.0.1:${queuePort}/{account}`,
    async stop(graceMs = 2_000) {
      stopping = true;
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
