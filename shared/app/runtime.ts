import { createHash, hkdfSync, randomInt, randomUUID } from 'node:crypto';
import { readPfx } from '../adapters/crypto/pfx-reader';
import { TableSchedulerAccount } from '../adapters/table/scheduler-account-store';
import { TableCollectionStore } from '../adapters/table/scheduler-collection-store';
import { TableSchedulerHistory } from '../adapters/table/scheduler-history-store';
import { TableSchedulerJobStore } from '../adapters/table/scheduler-job-store';
import type { SchedulerDeps } from '../scheduler/deps';
import type { SchedulerExecution } from './scheduler-execution';
import { createSchedulerExecution } from './scheduler-execution';
import type { JobHistoryTrimmer, JobHistoryWriter } from '../scheduler/job-store';
import type { PfxReader } from '../scheduler/pfx';
import { CertificateAuthenticator } from '../identity/certificate-auth';
import type { Config } from './config';
import { parseConfig } from './config';
import type { CertificateStore } from '../identity/certificates';
import type { DatacenterDeps } from '../import-export/datacenter/ports';
import { Locations } from '../import-export/model/locations';
import type { JobDeps } from '../import-export/model/ports';
import { BlobPlanStore } from '../adapters/blob/blob-plan-store';
import { CustomerBlobStorage } from '../adapters/blob/customer-blob-storage';
import type { SweepDeps } from '../import-export/sweep/sweeper';
import { TableDueIndex } from '../adapters/table/due-index';
import { JobRows } from '../adapters/table/job-rows';
import { SecretBox } from '../kernel/secret-box';
import { ServiceBlobs } from '../adapters/blob/service-blobs';
import { ActiveSlots } from '../adapters/table/active-slots';
import { TableCertificateStore } from '../adapters/table/table-certificate-store';
import { TableClients } from '../adapters/table/table-clients';
import { TableJobFinder } from '../adapters/table/table-job-finder';
import { TableJobStore } from '../adapters/table/table-job-store';
import { blobFormats } from '../adapters/xml/blob-formats';
import { AccessTable } from '../adapters/table/table-access';
import { TablePrincipalGrants } from '../adapters/table/table-principal-grants';
import { TableDevKeyStore, TableRegisteredCredentials } from '../adapters/table/table-sealed-access';
import { ImportExportError } from '../import-export/model/errors';
import type { Job } from '../import-export/model/model';
import type { RegisteredCredentials } from '../import-export/datacenter/registered-credentials';
import { resolveCredential } from '../import-export/datacenter/registered-credentials';
import { BearerTokens } from '../adapters/jwt/jose-bearer-tokens';
import type { DevTokens, TokenValidator } from '../identity/bearer-tokens';
import { DEV_ISSUER } from '../identity/bearer-tokens';
import { DevIssuer } from '../adapters/jwt/dev-issuer';
import type { PrincipalGrants } from '../identity/principals';
import { trustedIssuers } from '../adapters/jwt/token-issuers';
import { isLoopback } from '../adapters/endpoints';
import { appManagedIdentity } from '../adapters/credential';

/** Everything a request needs, built once per process (the composition root). */
export interface Runtime {
  config: Config;
  now: () => Date;
  tables: TableClients;
  jobs: JobDeps;
  /** The operator API's use cases: the job store plus the customer's and the service's blobs (docs/contract/import-export.md#b). */
  datacenter: DatacenterDeps;
  /** The timers' sweeper (docs/contract/import-export.md#c2), over the same store and its due-time index. */
  sweep: SweepDeps;
  certificates: CertificateStore;
  authenticator: CertificateAuthenticator;
  /** Signs List Jobs continuation tokens; derived from SECRETS_KEY, never stored. */
  tokenKey: Buffer;
  /** The classic Scheduler's use cases (docs/classic-scheduler.md). */
  scheduler: SchedulerDeps;
  /** The executor and its loop (docs/scheduler-execution.md). */
  schedulerExecution: SchedulerExecution;
  /** Where the executor writes job history (docs/classic-scheduler.md#d8). */
  schedulerHistory: JobHistoryWriter & JobHistoryTrimmer;
  readPfx: PfxReader;
  /** Resource Manager's front door (docs/arm-import-export.md#e). */
  arm: ArmRuntime;
}

export interface ArmRuntime {
  tokens: TokenValidator;
  grants: PrincipalGrants;
  /** Present while the development issuer is on. */
  devIssuer?: DevTokens;
  credentials: RegisteredCredentials;
  /** Signs Resource Manager's $skiptoken; derived from SECRETS_KEY. */
  pageKey: Buffer;
}

function armRuntime(config: Config, access: AccessTable, box: SecretBox): ArmRuntime {
  const devIssuer = config.arm.devIssuer
    ? new DevIssuer(new TableDevKeyStore(access, box), config.arm.audiences[0] ?? '')
    : undefined;
  const dev = devIssuer && { issuer: DEV_ISSUER, keys: devIssuer.keySet() };
  return {
    tokens: new BearerTokens(trustedIssuers(config.arm.issuers, dev), config.arm.audiences),
    grants: new TablePrincipalGrants(access),
    ...(devIssuer && { devIssuer }),
    credentials: new TableRegisteredCredentials(access, box),
    pageKey: Buffer.from(hkdfSync('sha256', config.secretsKey, Buffer.alloc(0), 'arm-skiptoken', 32)),
  };
}

export function createRuntime(config: Config, now: () => Date = () => new Date()): Runtime {
  const tables = new TableClients(config.storage, config.storagePrefix, config.storageTimeoutMs);
  const jobsTable = () => tables.table('jobs');
  const certificates = new TableCertificateStore(() => tables.table('certs'));
  const box = new SecretBox(config.secretsKey);
  const rows = new JobRows(box);
  const arm = armRuntime(config, new AccessTable(() => tables.table('access')), box);
  const localAzurite = isLoopback(config.customerBlobEndpoint.replace('{account}', 'account'));
  const identity = appManagedIdentity(config.storage);
  const fallbacks = { localAzurite, managedIdentity: identity !== undefined };
  const resolve = async (job: Job) => {
    const found = await resolveCredential(
      arm.credentials,
      fallbacks,
      job.SubscriptionId,
      job.StorageAccountName,
    );
    if (found) return found;
    throw new ImportExportError(
      'StorageAccessNotConfigured',
      `No credential is registered for storage account ${job.StorageAccountName}.`,
      `PUT /operator/subscriptions/${job.SubscriptionId}/storageaccounts/${job.StorageAccountName}/credential`,
    );
  };
  const due = new TableDueIndex(jobsTable, () => tables.table('due'), 'due', now);
  const store = new TableJobStore(jobsTable, rows, new ActiveSlots(jobsTable), due);
  const jobs: JobDeps = {
    store,
    now,
    locations: new Locations(config.locations),
    activeJobLimit: config.activeJobLimit,
  };
  const schedulerHistory = new TableSchedulerHistory(() => tables.table('schedhist'));
  const schedulerAccount = new TableSchedulerAccount(() => tables.table('schedacct'));
  const schedulerExecution = createSchedulerExecution(config.schedulerExecution, {
    jobs: new TableSchedulerJobStore(
      () => tables.table('schedjobs'),
      new SecretBox(config.secretsKey),
      schedulerHistory,
    ),
    history: schedulerHistory,
    services: schedulerAccount,
    operations: schedulerAccount,
    dueTable: () => tables.table('scheddue'),
    now,
    log: (message) => console.error(message),
  });
  const scheduler: SchedulerDeps = {
    jobs: schedulerExecution.jobs,
    history: schedulerHistory,
    collections: new TableCollectionStore(() => tables.table('schedjobs'), schedulerHistory),
    services: schedulerAccount,
    registrations: schedulerAccount,
    operations: schedulerAccount,
    now,
    newId: () => randomUUID(),
    minRetryMs: config.scheduler.minRetryMs,
    outbound: config.schedulerExecution.policy,
    regions: config.scheduler.regions,
  };
  return {
    config,
    now,
    tables,
    scheduler,
    schedulerExecution,
    schedulerHistory,
    readPfx,
    jobs,
    datacenter: {
      ...jobs,
      customer: new CustomerBlobStorage(
        config.customerBlobEndpoint,
        config.customerStorageTimeoutMs,
        resolve,
        identity,
      ),
      plans: new BlobPlanStore(
        new ServiceBlobs(config.storage, config.storagePrefix, config.storageTimeoutMs),
      ),
      formats: blobFormats,
      finder: new TableJobFinder(jobsTable, rows),
      digestHex: (algorithm, text) => createHash(algorithm).update(text, 'utf8').digest('hex').toUpperCase(),
      randomInt: (max) => randomInt(max),
    },
    sweep: { store, due },
    certificates,
    authenticator: new CertificateAuthenticator(certificates, now),
    tokenKey: Buffer.from(hkdfSync('sha256', config.secretsKey, Buffer.alloc(0), 'list-jobs-skiptoken', 32)),
    arm,
  };
}

let current: Runtime | undefined;

/** The process's runtime, from the app settings on first use. */
export function runtime(): Runtime {
  current ??= createRuntime(parseConfig(process.env));
  return current;
}

/** For hosts and tests that build their own runtime (a chosen clock, another storage prefix). */
export function setRuntime(r: Runtime | undefined): void {
  current = r;
}
