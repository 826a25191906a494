import type { AddressInfo } from 'node:net';
import { loadRoutes } from '../local-host/quiet-import';
import { createLocalHost } from '../local-host/server';
import { parseConfig } from '../shared/app/config';
import { createRuntime, setRuntime } from '../shared/app/runtime';

/**
 * The service under load, in a process of its own (forked by bench/run.ts): the route table over
 * HTTP through the local host, configured from the environment. It tells its parent its port,
 * and answers `requests` with the storage requests it has sent so far. Tables are created at
 * start-up, as the Functions host's appStart hook does.
 */
async function main(): Promise<void> {
  const rt = createRuntime(parseConfig(process.env));
  setRuntime(rt);
  let requests = 0;
  rt.tables.observe(() => requests++);
  await rt.tables.ensure();
  const server = createLocalHost(await loadRoutes(), { passClientCertHeader: true, log: () => undefined });
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
  // Exit on the parent's SIGTERM, so that `--cpu-prof` (BENCH_NODE_ARGS) writes its profile.
  process.on('SIGTERM', () => process.exit(0));
  process.on('message', (m) => {
    if (m === 'requests') process.send?.({ requests });
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
