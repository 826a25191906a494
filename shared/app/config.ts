import type { StorageConfig, StorageCredential } from '../adapters/storage-config';
import type { z } from 'zod';
import { DEFAULT_LOCATIONS, Locations } from '../import-export/model/locations';
import type { Location } from '../import-export/model/locations';
import { ConfigEnvSchema } from './config.schema';
import type { SchedulerConfig } from './scheduler-config';
import type { SchedulerExecutionConfig } from './scheduler-execution-config';
import { parseSchedulerExecutionConfig } from './scheduler-execution-config';
import { parseSchedulerConfig } from './scheduler-config';
import { ConfigError, parseSettings } from './settings';

export interface Config {
  storage: StorageConfig;
  storagePrefix: string;
  operatorKeys: readonly string[];
  secretsKey: Buffer;
  customerBlobEndpoint: string;
  activeJobLimit: number;
  /** Deadlines of one storage call, retries included: the service's own (503) and the customer's (502). */
  storageTimeoutMs: number;
  customerStorageTimeoutMs: number;
  sweepSchedule: string;
  locations: readonly Location[];
  /** Whether X-ARR-ClientCert comes from a front end that sets it itself (docs/contract/import-export.md#d1). */
  trustForwardedClientCert: boolean;
  scheduler: SchedulerConfig;
  /** The executor's settings (docs/classic-scheduler.md#e1). */
  schedulerExecution: SchedulerExecutionConfig;
  arm: ArmConfig;
}

/** Resource Manager's settings (docs/arm-import-export.md#h). */
interface ArmConfig {
  issuers: readonly { issuer: string; jwksUri?: string }[];
  audiences: readonly string[];
  devIssuer: boolean;
  classicResourceGroup: string;
  pageSize: number;
  /** docs/arm-import-export.md#g2: serve `az`'s login routes. */
  azShim: boolean;
}

const LOCAL_AUDIENCE = 'api://importexport';

function armOf(e: Env): ArmConfig {
  const issuers = e.ARM_TOKEN_ISSUERS ?? [];
  const audiences = e.ARM_AUDIENCE ?? [];
  if (issuers.length > 0 && audiences.length === 0) {
    throw new ConfigError('App setting ARM_AUDIENCE is required when ARM_TOKEN_ISSUERS is set.');
  }
  return {
    issuers,
    audiences: audiences.length > 0 ? audiences : [LOCAL_AUDIENCE],
    devIssuer: e.ARM_DEV_ISSUER === 'true',
    classicResourceGroup: e.CLASSIC_RESOURCE_GROUP,
    pageSize: e.ARM_LIST_PAGE_SIZE,
    azShim: e.ARM_AZ_SHIM === 'true',
  };
}

type Env = z.infer<typeof ConfigEnvSchema>;

function credentialOf(env: Env): StorageCredential {
  const clientId = env.AzureWebJobsStorage__clientId;
  const resourceId = env.AzureWebJobsStorage__managedIdentityResourceId;
  if (clientId && resourceId) {
    throw new ConfigError(
      'App setting AzureWebJobsStorage__clientId is invalid: set it or AzureWebJobsStorage__managedIdentityResourceId, not both',
    );
  }
  if (!clientId && !resourceId && env.AzureWebJobsStorage__credential !== 'managedidentity') {
    return { kind: 'default' };
  }
  return {
    kind: 'managedIdentity',
    ...(clientId && { clientId }),
    ...(resourceId && { resourceId }),
  };
}

/**
 * docs/contract/import-export.md#d7: a connection string (Azurite, or a key) wins, as it does for the Functions host;
 * otherwise the identity-based settings, with endpoints from the service URIs or, in public
 * Azure, from the account name.
 */
function storageOf(env: Env): StorageConfig {
  if (env.AzureWebJobsStorage) return { kind: 'connectionString', connectionString: env.AzureWebJobsStorage };
  const account = env.AzureWebJobsStorage__accountName;
  const tableEndpoint =
    env.AzureWebJobsStorage__tableServiceUri ?? (account && `https://${account}.table.core.windows.net`);
  const blobEndpoint =
    env.AzureWebJobsStorage__blobServiceUri ?? (account && `https://${account}.blob.core.windows.net`);
  if (!tableEndpoint || !blobEndpoint) {
    throw new ConfigError(
      'App setting AzureWebJobsStorage is missing: set a connection string, or AzureWebJobsStorage__accountName (or __tableServiceUri and __blobServiceUri) for identity-based access',
    );
  }
  return { kind: 'identity', tableEndpoint, blobEndpoint, credential: credentialOf(env) };
}

/** Parses the app settings (docs/contract/import-export.md#d7); a bad value throws a ConfigError that names the setting. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const e = parseSettings(ConfigEnvSchema, env);
  const scheduler = parseSchedulerConfig(env);
  const schedulerExecution = parseSchedulerExecutionConfig(env);
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
    storageTimeoutMs: e.STORAGE_TIMEOUT_MS,
    customerStorageTimeoutMs: e.CUSTOMER_STORAGE_TIMEOUT_MS,
    sweepSchedule: e.SWEEP_SCHEDULE,
    locations: e.LOCATIONS ?? DEFAULT_LOCATIONS,
    trustForwardedClientCert:
      e.TRUST_FORWARDED_CLIENT_CERT === 'true' ||
      (e.TRUST_FORWARDED_CLIENT_CERT === undefined && e.WEBSITE_SITE_NAME !== undefined),
    arm: armOf(e),
    scheduler,
    schedulerExecution,
  };
}
