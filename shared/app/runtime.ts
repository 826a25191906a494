import { createHash, hkdfSync, randomInt, randomUUID } from 'node:crypto';
import { readPfx } from '../adapters/crypto/pfx-reader';
import { TableSchedulerAccount } from '../adapters/table/scheduler-account-store';
import { TableCollectionStore } from '../adapters/table/scheduler-collection-store';
import { TableSchedulerHistory } from '../adapters/table/scheduler-history-store';
import { TableSchedulerJobStore } from '../adapters/table/scheduler-job-store';
import type { SchedulerDeps } from '../scheduler/deps';
import type { JobHistoryWriter } from '../scheduler/job-store';
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
import { SubscriptionMeta } from '../adapters/table/subscription-meta';
import { TableCertificateStore } from '../adapters/table/table-certificate-store';
import { TableClients } from '../adapters/table/table-clients';
import { TableJobFinder } from '../adapters/table/table-job-finder';
import { TableJobStore } from '../adapters/table/table-job-store';
import { blobFormats } from '../adapters/xml/blob-formats';

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
  /** Where the executor writes job history (docs/classic-scheduler.md#d8). */
  schedulerHistory: JobHistoryWriter;
  readPfx: PfxReader;
}

export function createRuntime(config: Config, now: () => Date = () => new Date()): Runtime {
  const tables = new TableClients(config.storage, config.storagePrefix);
  const jobsTable = () => tables.table('jobs');
  const certificates = new TableCertificateStore(() => tables.table('certs'));
  const rows = new JobRows(new SecretBox(config.secretsKey));
  const meta = new SubscriptionMeta(jobsTable);
  const due = new TableDueIndex(jobsTable, () => tables.table('due'), meta);
  const store = new TableJobStore(jobsTable, rows, meta, due);
  const jobs: JobDeps = {
    store,
    now,
    locations: new Locations(config.locations),
    activeJobLimit: config.activeJobLimit,
  };
  const schedulerHistory = new TableSchedulerHistory(() => tables.table('schedhist'));
  const schedulerAccount = new TableSchedulerAccount(() => tables.table('schedacct'));
  const scheduler: SchedulerDeps = {
    jobs: new TableSchedulerJobStore(
      () => tables.table('schedjobs'),
      new SecretBox(config.secretsKey),
      schedulerHistory,
    ),
    history: schedulerHistory,
    collections: new TableCollectionStore(() => tables.table('schedjobs'), schedulerHistory),
    services: schedulerAccount,
    registrations: schedulerAccount,
    operations: schedulerAccount,
    now,
    newId: () => randomUUID(),
    minRetryMs: config.scheduler.minRetryMs,
    regions: config.scheduler.regions,
  };
  return {
    config,
    now,
    tables,
    scheduler,
    schedulerHistory,
    readPfx,
    jobs,
    datacenter: {
      ...jobs,
      customer: new CustomerBlobStorage(config.customerBlobEndpoint),
      plans: new BlobPlanStore(new ServiceBlobs(config.storage, config.storagePrefix)),
      formats: blobFormats,
      finder: new TableJobFinder(jobsTable, rows),
      md5Hex: (text) => createHash('md5').update(text, 'utf8').digest('hex').toUpperCase(),
      randomInt: (max) => randomInt(max),
    },
    sweep: { store, due },
    certificates,
    authenticator: new CertificateAuthenticator(certificates, now),
    tokenKey: Buffer.from(hkdfSync('sha256', config.secretsKey, Buffer.alloc(0), 'list-jobs-skiptoken', 32)),
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
