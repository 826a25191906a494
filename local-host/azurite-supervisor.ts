import type { Azurite, AzuriteOptions } from './azurite';
import { AzuritePortInUse, startAzurite } from './azurite';
import { portInUse } from './ports';

/** More deaths than this within RESTART_WINDOW_MS and the host gives up rather than loop. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

const SETTING = {
  Blob: 'AZURITE_BLOB_PORT',
  Queue: 'AZURITE_QUEUE_PORT',
  Table: 'AZURITE_TABLE_PORT',
} as const;

interface SupervisorOptions extends Omit<AzuriteOptions, 'onUnexpectedExit'> {
  /** Where the loud lines go (stderr in `npm start`). */
  alert: (text: string) => void;
  /** Called when Azurite cannot be brought back; the host should exit with this reason. */
  onFatal: (reason: string) => void;
}

export interface SupervisedAzurite {
  readonly azurite: Azurite;
  stop(): Promise<void>;
}

/** Starts Azurite; a port in use becomes the one line that names its setting. */
async function start(opts: AzuriteOptions): Promise<Azurite> {
  try {
    return await startAzurite(opts);
  } catch (err) {
    if (err instanceof AzuritePortInUse) throw portInUse(err.port, SETTING[err.service]);
    throw err;
  }
}

/**
 * The embedded Azurite, watched: when it dies the host says so at once (storage calls answer 503
 * meanwhile) and starts it again on the same ports and data, so the connection string the
 * runtime holds stays right; if it keeps dying, or cannot come back, the host exits with why.
 */
export async function superviseAzurite(opts: SupervisorOptions): Promise<SupervisedAzurite> {
  const { alert, onFatal, ...azuriteOptions } = opts;
  const deaths: number[] = [];
  let stopped = false;
  const onUnexpectedExit = (why: string) => {
    if (stopped) return;
    const now = Date.now();
    deaths.push(now);
    while (deaths.length > 0 && now - deaths[0]! > RESTART_WINDOW_MS) deaths.shift();
    alert(`!! Azurite (the service's storage) exited unexpectedly: ${why}`);
    if (deaths.length > MAX_RESTARTS) {
      onFatal(
        `Azurite exited ${deaths.length} times within a minute; giving up. Its data is in ${opts.location ?? 'memory'}: if it is damaged, \`npm run reset\` clears it.`,
      );
      return;
    }
    alert(
      `!! Storage calls answer 503 until it is back. Restarting Azurite (${deaths.length} of ${MAX_RESTARTS})...`,
    );
    const ports = { blobPort: current.blobPort, queuePort: current.queuePort, tablePort: current.tablePort };
    start({ ...azuriteOptions, ...ports, onUnexpectedExit }).then(
      (next) => {
        current = next;
        if (stopped) return void next.stop();
        alert(
          `Azurite is back (blob :${next.blobPort}, queue :${next.queuePort}, table :${next.tablePort}).`,
        );
      },
      (err: unknown) =>
        onFatal(`Azurite could not be restarted: ${err instanceof Error ? err.message : String(err)}`),
    );
  };
  let current = await start({ ...azuriteOptions, onUnexpectedExit });
  return {
    get azurite() {
      return current;
    },
    async stop() {
      stopped = true;
      await current.stop();
    },
  };
}
