import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../shared/app/settings';
import type { LocalHost } from './launch-host';
import { launchLocalHost } from './launch-host';

/** The repository's root: the nearest folder with a package.json (from dist/local-host or local-host). */
function repoRoot(from = __dirname): string {
  return existsSync(join(from, 'package.json')) || dirname(from) === from ? from : repoRoot(dirname(from));
}
/** A stop that takes longer than this (a request that never ends) is cut short. */
const STOP_DEADLINE_MS = 5_000;

/**
 * `npm start`: the local host in the foreground. SIGINT (Ctrl-C) and SIGTERM stop it and its
 * Azurite and say so; a second signal, or a stop that hangs, exits at once.
 */
export async function main(): Promise<void> {
  const DATA = resolve(process.env.LOCAL_DATA_DIR ?? join(repoRoot(), '.local'));
  const PID_FILE = join(DATA, 'host.pid');
  const running: { host?: LocalHost } = {};
  let stopping = false;
  const stop = (why: string, code: number) => {
    if (stopping) {
      console.error(`${why} again: exiting now.`);
      process.exit(code || 130);
    }
    stopping = true;
    const started = Date.now();
    console.log(`${why}: stopping the host and Azurite...`);
    setTimeout(() => {
      console.error(`Not stopped within ${STOP_DEADLINE_MS / 1000} s: exiting anyway.`);
      process.exit(code || 1);
    }, STOP_DEADLINE_MS).unref();
    void (running.host?.stop() ?? Promise.resolve())
      .catch((err: unknown) =>
        console.error(`while stopping: ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => {
        rmSync(PID_FILE, { force: true });
        console.log(`Stopped in ${Date.now() - started} ms.`);
        process.exit(code);
      });
  };
  process.on('SIGINT', () => stop('SIGINT', 0)).on('SIGTERM', () => stop('SIGTERM', 0));
  const host = await launchLocalHost({
    dataDir: DATA,
    env: process.env,
    log: (line) => console.log(line),
    alert: (text) => console.error(text),
    onFatal: (reason) => {
      console.error(`!! ${reason}`);
      stop('Azurite is gone', 1);
    },
  });
  running.host = host;
  writeFileSync(PID_FILE, String(process.pid));
  console.log(host.banner.join('\n'));
  console.log('\nCtrl-C stops the host and Azurite; `npm run reset` (while stopped) clears the local data.');
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  });
}
