import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, parseConfig } from '../shared/app/config';
import { createRuntime, setRuntime } from '../shared/app/runtime';
import type { Azurite } from './azurite';
import { startAzurite } from './azurite';
import { issueCertificate } from './certificates';
import { loadRoutes } from './quiet-import';
import { createLocalHost, passesClientCertHeader } from './server';
import { startScheduler } from './sweep-scheduler';
import { redact } from '../shared/kernel/redact';
import { TIMERS } from '../shared/app/timers';

/** The subscription the development client certificate is registered for. */
export const DEV_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
const DATA = resolve(__dirname, '..', '..', '.local');

function kept(file: string, make: () => string): string {
  const path = join(DATA, file);
  if (!existsSync(path)) writeFileSync(path, make(), { mode: 0o600 });
  return readFileSync(path, 'utf8');
}

function portOf(value: string | undefined): number {
  const port = Number(value ?? '7071');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`App setting PORT is invalid: ${value}`);
  return port;
}

async function main(): Promise<void> {
  mkdirSync(DATA, { recursive: true });
  const env = process.env;
  env.SECRETS_KEY ??= kept('secrets.key', () => randomBytes(32).toString('base64'));
  const defaultOperatorKey = env.OPERATOR_KEYS === undefined;
  env.OPERATOR_KEYS ??= 'dev-operator-key';
  let azurite: Azurite | undefined;
  if (
    !env.AzureWebJobsStorage &&
    !env.AzureWebJobsStorage__accountName &&
    !env.AzureWebJobsStorage__tableServiceUri
  ) {
    azurite = await startAzurite({
      location: join(DATA, 'azurite'),
      blobPort: 10000,
      queuePort: 10001,
      tablePort: 10002,
    });
    env.AzureWebJobsStorage = azurite.connectionString;
  }
  env.CUSTOMER_BLOB_ENDPOINT ??= 'http://127.0.0.1:10000/{account}';
  // The development host marks itself: the Scheduler's SSRF guard then lets loopback and private
  // targets through (docs/classic-scheduler.md#e4), and queue actions go to the embedded Azurite.
  env.SCHEDULER_LOCAL_HOST ??= 'true';
  // The development token issuer is on in the local host only (docs/arm-import-export.md#e3).
  env.ARM_DEV_ISSUER ??= 'true';
  const address = env.LOCAL_HOST_ADDRESS ?? '127.0.0.1';
  const certFile = env.LOCAL_HTTPS_CERT_FILE;
  const keyFile = env.LOCAL_HTTPS_KEY_FILE;
  const tls =
    certFile && keyFile
      ? { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') }
      : undefined;
  // This host fills or strips X-ARR-ClientCert itself (see server.ts), so the pipeline may trust it.
  env.TRUST_FORWARDED_CLIENT_CERT = 'true';
  const port = portOf(env.PORT);
  const rt = createRuntime(parseConfig(env));
  setRuntime(rt);

  const client = JSON.parse(
    kept('dev-client.json', () =>
      JSON.stringify(issueCertificate({ commonName: 'Import/Export local development client' })),
    ),
  ) as ReturnType<typeof issueCertificate>;
  writeFileSync(join(DATA, 'dev-client.pem'), client.certPem);
  writeFileSync(join(DATA, 'dev-client.key'), client.keyPem, { mode: 0o600 });
  writeFileSync(join(DATA, 'dev-client.b64'), client.derBase64);
  const { readCertificate } = await import('../shared/identity/client-certificate');
  const parsed = readCertificate(client.derBase64);
  if (parsed) await rt.certificates.put(DEV_SUBSCRIPTION, parsed);

  const routes = await loadRoutes();
  const server = createLocalHost(routes, {
    ...(tls && { tls }),
    passClientCertHeader: passesClientCertHeader(address, tls !== undefined),
  });
  server.listen(port, address);
  await new Promise<void>((ok, fail) => server.once('listening', ok).once('error', fail));
  // The timer triggers' stand-in: the same timer table, on the same schedules.
  const timers = TIMERS.map((timer) => ({
    timer,
    scheduler: startScheduler(
      timer.schedule(rt.config),
      () => timer.run(rt, console),
      (err) =>
        console.error(redact(`${timer.name} failed: ${err instanceof Error ? err.message : String(err)}`)),
    ),
  }));
  // The Scheduler's executor runs in-process, sleeping until the next due job (docs/scheduler-execution.md).
  const executor = rt.schedulerExecution.loop.runFor();
  const scheme = tls ? 'https' : 'http';
  const url = `${scheme}://${address.includes(':') ? `[${address}]` : address}:${port}`;
  const auth = tls
    ? '--cert .local/dev-client.pem --key .local/dev-client.key -k'
    : '-H "X-ARR-ClientCert: $(cat .local/dev-client.b64)"';
  console.log(
    [
      `Import/Export service ready on ${url}`,
      `  storage: ${azurite ? `embedded Azurite (blob :${azurite.blobPort}, table :${azurite.tablePort}, data in .local/azurite)` : 'from AzureWebJobsStorage'}`,
      `  operator key: ${env.OPERATOR_KEYS}${defaultOperatorKey ? ' (the development default; set OPERATOR_KEYS to change it)' : ''}`,
      `  development client certificate: .local/dev-client.pem, registered for subscription ${DEV_SUBSCRIPTION}`,
      ...timers.map(
        ({ timer, scheduler }) =>
          `  timer ${timer.name}: on ${timer.setting} "${timer.schedule(rt.config)}", next at ${scheduler.next.toISOString()}${timer.name === 'sweep-timer' ? ' (POST /operator/sweep runs one now)' : ''}`,
      ),
      `  scheduler executor: in-process; outbound calls allowed to ${env.SCHEDULER_OUTBOUND_ALLOW ?? '127.0.0.0/8,::1 and private ranges'} (SCHEDULER_OUTBOUND_ALLOW), queue actions to ${rt.config.schedulerExecution.queueEndpoint}`,
      `  API description: ${url}/openapi.json (OpenAPI 3.1, also in docs/openapi.json)`,
      '',
      'First call (list the locations drives can be shipped to):',
      `  curl ${auth} -H "x-ms-version: 2014-11-01" ${url}/${DEV_SUBSCRIPTION}/services/importexport/locations`,
    ].join('\n'),
  );
  const stop = () => {
    for (const { scheduler } of timers) scheduler.stop();
    rt.schedulerExecution.loop.stop();
    void executor;
    server.close();
    void (azurite?.stop() ?? Promise.resolve()).then(() => process.exit(0));
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
