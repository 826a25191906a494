import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, parseSettings } from '../shared/app/settings';

const port = (name: string, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a port number (0 to 65535; 0 lets the OS pick)`)
    .transform(Number)
    .pipe(z.number().int().max(65535, `${name} must be a port number (0 to 65535; 0 lets the OS pick)`))
    .default(fallback);

/** The local host's own settings (docs/configuration.md#local-host), beside the app settings. */
const LocalEnvSchema = z.object({
  PORT: port('PORT', 7071),
  LOCAL_HOST_ADDRESS: z.string().min(1).default('127.0.0.1'),
  /** Host header values served besides the loopback names and LOCAL_HOST_ADDRESS; `*` is any. */
  LOCAL_HOST_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  LOCAL_HTTPS_CERT_FILE: z.string().min(1).optional(),
  LOCAL_HTTPS_KEY_FILE: z.string().min(1).optional(),
  AZURITE_BLOB_PORT: port('AZURITE_BLOB_PORT', 10000),
  AZURITE_QUEUE_PORT: port('AZURITE_QUEUE_PORT', 10001),
  AZURITE_TABLE_PORT: port('AZURITE_TABLE_PORT', 10002),
  TRUST_FORWARDED_CLIENT_CERT: z.enum(['true', 'false']).optional(),
});

interface LocalSettings {
  port: number;
  address: string;
  allowedHosts: readonly string[];
  tls?: { cert: string; key: string };
  azurite: { blobPort: number; queuePort: number; tablePort: number };
  /** False when TRUST_FORWARDED_CLIENT_CERT=false: a client's own X-ARR-ClientCert is always removed. */
  trustClientCertHeader: boolean;
}

function readPem(setting: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(
      `App setting ${setting} is invalid: cannot read ${file} (${(err as Error).message})`,
    );
  }
}

/** Parses the local host's settings; a bad one is a ConfigError that names it. */
export function parseLocalSettings(env: NodeJS.ProcessEnv): LocalSettings {
  const e = parseSettings(LocalEnvSchema, env);
  if (Boolean(e.LOCAL_HTTPS_CERT_FILE) !== Boolean(e.LOCAL_HTTPS_KEY_FILE)) {
    throw new ConfigError(
      'App settings LOCAL_HTTPS_CERT_FILE and LOCAL_HTTPS_KEY_FILE go together: set both (HTTPS) or neither (HTTP)',
    );
  }
  const tls =
    e.LOCAL_HTTPS_CERT_FILE && e.LOCAL_HTTPS_KEY_FILE
      ? {
          cert: readPem('LOCAL_HTTPS_CERT_FILE', e.LOCAL_HTTPS_CERT_FILE),
          key: readPem('LOCAL_HTTPS_KEY_FILE', e.LOCAL_HTTPS_KEY_FILE),
        }
      : undefined;
  return {
    port: e.PORT,
    address: e.LOCAL_HOST_ADDRESS,
    allowedHosts: e.LOCAL_HOST_ALLOWED_HOSTS,
    ...(tls && { tls }),
    azurite: {
      blobPort: e.AZURITE_BLOB_PORT,
      queuePort: e.AZURITE_QUEUE_PORT,
      tablePort: e.AZURITE_TABLE_PORT,
    },
    trustClientCertHeader: e.TRUST_FORWARDED_CLIENT_CERT !== 'false',
  };
}
