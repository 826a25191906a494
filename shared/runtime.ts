import { hkdfSync } from 'node:crypto';
import { CustomerAuthenticator } from './auth/customer-auth';
import type { Config } from './config';
import { parseConfig } from './config';
import type { CertificateStore } from './domain/certificates';
import { Locations } from './domain/locations';
import type { JobDeps } from './domain/ports';
import type { SweepDeps } from './domain/sweeper';
import { TableDueIndex } from './storage/due-index';
import { JobRows } from './storage/job-rows';
import { SecretBox } from './storage/secret-box';
import { SubscriptionMeta } from './storage/subscription-meta';
import { TableCertificateStore } from './storage/table-certificate-store';
import { TableClients } from './storage/table-clients';
import { TableJobStore } from './storage/table-job-store';

/** Everything a request needs, built once per process (the composition root). */
export interface Runtime {
  config: Config;
  now: () => Date;
  tables: TableClients;
  jobs: JobDeps;
  /** The timers' sweeper (SPEC C.2), over the same store and its due-time index. */
  sweep: SweepDeps;
  certificates: CertificateStore;
  authenticator: CustomerAuthenticator;
  /** Signs List Jobs continuation tokens; derived from SECRETS_KEY, never stored. */
  tokenKey: Buffer;
}

export function createRuntime(config: Config, now: () => Date = () => new Date()): Runtime {
  const tables = new TableClients(config.storage, config.storagePrefix);
  const jobsTable = () => tables.table('jobs');
  const certificates = new TableCertificateStore(() => tables.table('certs'));
  const due = new TableDueIndex(() => tables.table('due'));
  const store = new TableJobStore(
    jobsTable,
    new JobRows(new SecretBox(config.secretsKey)),
    new SubscriptionMeta(jobsTable),
    due,
  );
  return {
    config,
    now,
    tables,
    jobs: {
      store,
      now,
      locations: new Locations(config.locations),
      activeJobLimit: config.activeJobLimit,
    },
    sweep: { store, due },
    certificates,
    authenticator: new CustomerAuthenticator(certificates, now),
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
