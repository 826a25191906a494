import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { parseConfig } from '../shared/app/config';
import { redact } from '../shared/kernel/redact';
import type { SupervisedAzurite } from './azurite-supervisor';
import { superviseAzurite } from './azurite-supervisor';
import type { IssuedCertificate } from './certificates';
import { ensurePortFree, portInUse } from './ports';
import type { HttpRoute } from '../shared/edge/routes';
import { loadRoutes } from './quiet-import';
import { createLocalHost, passesClientCertHeader } from './server';
import { parseLocalSettings } from './settings';
import { startScheduler } from './sweep-scheduler';

/** The subscription the development client certificate is registered for. */
export const DEV_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
export const DEV_OPERATOR_KEY = 'dev-operator-key';

interface LaunchOptions {
  /** Where the host keeps its data: Azurite's files, the secrets key, the development certificate. */
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** One line per request. */
  log: (line: string) => void;
  /** What must not be missed: Azurite died, a sweep failed. */
  alert: (text: string) => void;
  /** The host cannot go on (Azurite cannot be brought back): the caller stops it and exits. */
  onFatal: (reason: string) => void;
}

export interface LocalHost {
  url: string;
  /** The ready message: where it listens, its storage, keys and a first call. */
  banner: string[];
  stop(): Promise<void>;
}

const STORAGE_SETTINGS = [
  'AzureWebJobsStorage',
  'AzureWebJobsStorage__accountName',
  'AzureWebJobsStorage__tableServiceUri',
];

function kept(dataDir: string, file: string, make: () => string): string {
  const path = join(dataDir, file);
  if (!existsSync(path)) writeFileSync(path, make(), { mode: 0o600 });
  return readFileSync(path, 'utf8');
}

async function listen(server: Server, port: number, address: string): Promise<number> {
  await new Promise<void>((ok, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      fail(err.code === 'EADDRINUSE' ? portInUse(port, 'PORT') : err),
    );
    server.listen(port, address, ok);
  });
  return (server.address() as AddressInfo).port;
}

/** The development certificate, kept across starts, written out in the three forms curl and clients use. */
async function devClient(dataDir: string): Promise<IssuedCertificate> {
  if (!existsSync(join(dataDir, 'dev-client.json'))) {
    const { issueCertificate } = await import('./certificates');
    const issued = issueCertificate({ commonName: 'Import/Export local development client' });
    kept(dataDir, 'dev-client.json', () => JSON.stringify(issued));
  }
  const client = JSON.parse(readFileSync(join(dataDir, 'dev-client.json'), 'utf8')) as IssuedCertificate;
  writeFileSync(join(dataDir, 'dev-client.pem'), client.certPem);
  writeFileSync(join(dataDir, 'dev-client.key'), client.keyPem, { mode: 0o600 });
  writeFileSync(join(dataDir, 'dev-client.b64'), client.derBase64);
  return client;
}

/**
 * The whole service on one machine: the embedded Azurite (unless storage is configured), the
 * route table over node:http(s), the timer's schedule, and a development certificate registered
 * for DEV_SUBSCRIPTION. `npm start` and the doc-examples test both start it this way.
 */
export async function launchLocalHost(opts: LaunchOptions): Promise<LocalHost> {
  const { dataDir } = opts;
  mkdirSync(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...opts.env };
  const local = parseLocalSettings(env);
  env.SECRETS_KEY ??= kept(dataDir, 'secrets.key', () => randomBytes(32).toString('base64'));
  const customKey = env.OPERATOR_KEYS !== undefined;
  env.OPERATOR_KEYS ??= DEV_OPERATOR_KEY;
  let storage: SupervisedAzurite | undefined;
  let routes: Promise<readonly HttpRoute[]> | undefined;
  if (!STORAGE_SETTINGS.some((s) => env[s])) {
    await ensurePortFree(local.port, local.address, 'PORT');
    await ensurePortFree(local.azurite.blobPort, '127.0.0.1', 'AZURITE_BLOB_PORT');
    await ensurePortFree(local.azurite.queuePort, '127.0.0.1', 'AZURITE_QUEUE_PORT');
    await ensurePortFree(local.azurite.tablePort, '127.0.0.1', 'AZURITE_TABLE_PORT');
    // Azurite's process is spawned here, synchronously; the functions load while it boots.
    const starting = superviseAzurite({
      location: join(dataDir, 'azurite'),
      ...local.azurite,
      alert: opts.alert,
      onFatal: opts.onFatal,
    });
    starting.catch(() => undefined);
    routes = loadRoutes();
    storage = await starting;
    env.AzureWebJobsStorage = storage.azurite.connectionString;
    env.CUSTOMER_BLOB_ENDPOINT ??= storage.azurite.blobEndpointTemplate;
    env.SCHEDULER_QUEUE_ENDPOINT ??= storage.azurite.queueEndpointTemplate;
  }
  // The development host marks itself: the Scheduler's SSRF guard then lets loopback and private
  // targets through (docs/classic-scheduler.md#e4), and queue actions go to the embedded Azurite.
  env.SCHEDULER_LOCAL_HOST ??= 'true';
  // The development token issuer is on in the local host only (docs/arm-import-export.md#e3).
  env.ARM_DEV_ISSUER ??= 'true';
  try {
    // This host fills or strips X-ARR-ClientCert itself (see server.ts), so the pipeline may trust it.
    env.TRUST_FORWARDED_CLIENT_CERT = 'true';
    const table = await (routes ?? loadRoutes());
    // Loaded only now: the storage SDKs would otherwise load before Azurite is even spawned.
    const [{ createRuntime, setRuntime }, { TIMERS }, { readCertificate }] = await Promise.all([
      import('../shared/app/runtime'),
      import('../shared/app/timers'),
      import('../shared/identity/client-certificate'),
    ]);
    const rt = createRuntime(parseConfig(env));
    setRuntime(rt);
    const client = await devClient(dataDir);
    await rt.certificates.put(DEV_SUBSCRIPTION, readCertificate(client.derBase64)!);
    const server = createLocalHost(table, {
      ...(local.tls && { tls: local.tls }),
      passClientCertHeader: local.trustClientCertHeader && passesClientCertHeader(local.address, !!local.tls),
      allowedHosts: local.allowedHosts.includes('*') ? '*' : [local.address, ...local.allowedHosts],
      log: opts.log,
    });
    const port = await listen(server, local.port, local.address);
    // The timer triggers' stand-in: the same timer table, on the same schedules, except the
    // executor timer: the loop below runs without an end here (TimerDefinition.localHost).
    const timers = TIMERS.filter((timer) => timer.localHost === 'scheduled').map((timer) => ({
      timer,
      scheduler: startScheduler(
        timer.schedule(rt.config),
        () => timer.run(rt, console),
        (err) =>
          opts.alert(redact(`${timer.name} failed: ${err instanceof Error ? err.message : String(err)}`)),
      ),
    }));
    // The Scheduler's executor runs in-process, sleeping until the next due job (docs/scheduler-execution.md).
    const executor = rt.schedulerExecution.loop.runFor();
    const scheme = local.tls ? 'https' : 'http';
    const host = local.address.includes(':') ? `[${local.address}]` : local.address;
    const url = `${scheme}://${host}:${port}`;
    const auth = local.tls
      ? '--cert .local/dev-client.pem --key .local/dev-client.key -k'
      : '-H "X-ARR-ClientCert: $(cat .local/dev-client.b64)"';
    const a = storage?.azurite;
    const shown = (file: string) => relative(process.cwd(), join(dataDir, file)) || '.';
    const banner = [
      `Import/Export service ready on ${url}`,
      `  storage: ${a ? `embedded Azurite (blob :${a.blobPort}, queue :${a.queuePort}, table :${a.tablePort}, data in ${shown('azurite')})` : 'from AzureWebJobsStorage'}`,
      `  operator key: ${customKey ? 'the one set in OPERATOR_KEYS (not shown)' : `${DEV_OPERATOR_KEY} (the development default; set OPERATOR_KEYS to change it)`}`,
      `  development client certificate: ${shown('dev-client.pem')}, registered for subscription ${DEV_SUBSCRIPTION}`,
      ...(local.trustClientCertHeader
        ? []
        : [
            '  X-ARR-ClientCert sent by clients: removed (TRUST_FORWARDED_CLIENT_CERT=false); authenticate over HTTPS',
          ]),
      ...timers.map(
        ({ timer, scheduler }) =>
          `  timer ${timer.name}: on ${timer.setting} "${timer.schedule(rt.config)}", next at ${scheduler.next.toISOString()}${timer.name === 'sweep-timer' ? ' (POST /operator/sweep runs one now)' : ''}`,
      ),
      `  scheduler executor: in-process and continuous (not on SCHEDULER_EXECUTOR_SCHEDULE, which deployed apps use); outbound calls allowed to ${env.SCHEDULER_OUTBOUND_ALLOW ?? '127.0.0.0/8,::1 and private ranges'} (SCHEDULER_OUTBOUND_ALLOW), queue actions to ${rt.config.schedulerExecution.queueEndpoint}`,
      `  API description: ${url}/openapi.json (OpenAPI 3.1, also in docs/openapi.json)`,
      '',
      'First call (list the locations drives can be shipped to):',
      `  curl ${auth} -H "x-ms-version: 2014-11-01" ${url}/${DEV_SUBSCRIPTION}/services/importexport/locations`,
    ];
    return {
      url,
      banner,
      async stop() {
        for (const { scheduler } of timers) scheduler.stop();
        rt.schedulerExecution.loop.stop();
        await executor.catch(() => undefined);
        const closed = new Promise<void>((ok) => server.close(() => ok()));
        server.closeAllConnections();
        await closed;
        setRuntime(undefined);
        await storage?.stop();
      },
    };
  } catch (err) {
    await storage?.stop();
    throw err;
  }
}
