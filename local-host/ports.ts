import { createServer } from 'node:net';
import { ConfigError } from '../shared/app/settings';

/** The one-line answer to a port in use, naming the setting that moves it. */
export const portInUse = (port: number, setting: string): ConfigError =>
  new ConfigError(
    `Port ${port} is in use (App setting ${setting}): stop what listens there, or set ${setting} to a free port (0 lets the OS pick).`,
  );

/**
 * Fails at once, with the setting to change, when a port is taken; so a second Azurite or host
 * is reported in a line instead of a child's stack trace. Port 0 is always free.
 */
export async function ensurePortFree(port: number, address: string, setting: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' || err.code === 'EACCES' ? portInUse(port, setting) : err),
    );
    probe.listen({ port, host: address, exclusive: true }, () => probe.close(() => resolve()));
  });
}
