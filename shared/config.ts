import type { z } from 'zod';
import { DEFAULT_LOCATIONS, Locations } from './domain/locations';
import type { Location } from './domain/locations';
import { ConfigEnvSchema } from './schemas/config.schema';

export type StorageConfig =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'identity'; tableEndpoint: string; blobEndpoint: string; clientId?: string };

export interface Config {
  storage: StorageConfig;
  storagePrefix: string;
  operatorKeys: readonly string[];
  secretsKey: Buffer;
  customerBlobEndpoint: string;
  activeJobLimit: number;
  sweepSchedule: string;
  locations: readonly Location[];
  /** Whether X-ARR-ClientCert comes from a front end that sets it itself (SPEC D.1). */
  trustForwardedClientCert: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function storageOf(env: z.infer<typeof ConfigEnvSchema>): StorageConfig {
  if (env.AzureWebJobsStorage) return { kind: 'connectionString', connectionString: env.AzureWebJobsStorage };
  const account = env.AzureWebJobsStorage__accountName;
  const tableEndpoint =
    env.AzureWebJobsStorage__tableServiceUri ?? (account && `https://${account}.table.core.windows.net`);
  const blobEndpoint =
    env.AzureWebJobsStorage__blobServiceUri ?? (account && `https://${account}.blob.core.windows.net`);
  if (!tableEndpoint || !blobEndpoint) {
    throw new ConfigError(
      'AzureWebJobsStorage: set a connection string, or AzureWebJobsStorage__accountName (or __tableServiceUri and __blobServiceUri) for identity-based access',
    );
  }
  return {
    kind: 'identity',
    tableEndpoint,
    blobEndpoint,
    ...(env.AzureWebJobsStorage__clientId && { clientId: env.AzureWebJobsStorage__clientId }),
  };
}

/** Parses the app settings (SPEC D.7); a bad value throws a ConfigError that names the setting. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = ConfigEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const setting = String(issue?.path[0] ?? 'configuration');
    if (env[setting] === undefined) throw new ConfigError(`App setting ${setting} is required.`);
    throw new ConfigError(`App setting ${setting} is invalid: ${issue?.message ?? 'unknown problem'}`);
  }
  const e = parsed.data;
  try {
    new Locations(e.LOCATIONS ?? DEFAULT_LOCATIONS);
  } catch (err) {
    throw new ConfigError(`App setting LOCATIONS is invalid: ${(err as Error).message}`);
  }
  return {
    storage: storageOf(e),
    storagePrefix: e.STORAGE_PREFIX,
    operatorKeys: e.OPERATOR_KEYS,
    secretsKey: e.SECRETS_KEY,
    customerBlobEndpoint: e.CUSTOMER_BLOB_ENDPOINT,
    activeJobLimit: e.ACTIVE_JOB_LIMIT,
    sweepSchedule: e.SWEEP_SCHEDULE,
    locations: e.LOCATIONS ?? DEFAULT_LOCATIONS,
    trustForwardedClientCert:
      e.TRUST_FORWARDED_CLIENT_CERT === 'true' ||
      (e.TRUST_FORWARDED_CLIENT_CERT === undefined && e.WEBSITE_SITE_NAME !== undefined),
  };
}
