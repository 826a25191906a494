import { hkdfSync } from 'node:crypto';
import { ActiveSlots } from '../adapters/table/active-slots';
import { TableDueIndex } from '../adapters/table/due-index';
import { JobRows } from '../adapters/table/job-rows';
import { AccessTable } from '../adapters/table/table-access';
import { TableCertificateStore } from '../adapters/table/table-certificate-store';
import { TableClients } from '../adapters/table/table-clients';
import { TableJobStore } from '../adapters/table/table-job-store';
import type { DatacenterDeps } from '../import-export/datacenter/ports';
import { Locations } from '../import-export/model/locations';
import type { JobDeps } from '../import-export/model/ports';
import type { SweepDeps } from '../import-export/sweep/sweeper';
import { CertificateAuthenticator } from '../identity/certificate-auth';
import type { CertificateStore } from '../identity/certificates';
import { SecretBox } from '../kernel/secret-box';
import type { ArmRuntime } from './arm-runtime';
import type { Config } from './config';
import { parseConfig } from './config';
import type { SchedulerRuntime } from './scheduler-runtime';
import type * as ArmModule from './arm-runtime';
import type * as DatacenterModule from './datacenter-runtime';
import type * as SchedulerModule from './scheduler-runtime';

/** Everything a request needs, built once per process (the composition root). */
export interface Runtime extends SchedulerRuntime {
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
  /** Resource Manager's front door (docs/arm-import-export.md#e). */
  arm: ArmRuntime;
}

/** A part built, and its modules loaded, on first use. */
function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

/*
 * The operator API's, the Scheduler's and Resource Manager's parts are required on first use, so
 * that a process answering the classic Import/Export API never loads their code, `jose` or the
 * Scheduler's executor (issue 15's cold start; docs/benchmarks.md). A getter must stay synchronous,
 * hence `require` rather than `import()`.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const armModule = () => require('./arm-runtime') as typeof ArmModule;
const schedulerModule = () => require('./scheduler-runtime') as typeof SchedulerModule;
const datacenterModule = () => require('./datacenter-runtime') as typeof DatacenterModule;
/* eslint-enable @typescript-eslint/no-require-imports */

export function createRuntime(config: Config, now: () => Date = () => new Date()): Runtime {
  const tables = new TableClients(config.storage, config.storagePrefix, config.storageTimeoutMs);
  const jobsTable = () => tables.table('jobs');
  const certificates = new TableCertificateStore(() => tables.table('certs'));
  const box = new SecretBox(config.secretsKey);
  const rows = new JobRows(box);
  const due = new TableDueIndex(jobsTable, () => tables.table('due'), 'due', now);
  const store = new TableJobStore(jobsTable, rows, new ActiveSlots(jobsTable), due);
  const jobs: JobDeps = {
    store,
    now,
    locations: new Locations(config.locations),
    activeJobLimit: config.activeJobLimit,
  };
  const arm = once(() => armModule().armRuntime(config, new AccessTable(() => tables.table('access')), box));
  const scheduler = once(() => schedulerModule().schedulerRuntime(config, tables, now));
  const datacenter = once(() =>
    datacenterModule().datacenterRuntime(config, jobs, tables, rows, () => arm().credentials),
  );
  return {
    config,
    now,
    tables,
    jobs,
    sweep: { store, due },
    certificates,
    authenticator: new CertificateAuthenticator(certificates, now),
    tokenKey: Buffer.from(hkdfSync('sha256', config.secretsKey, Buffer.alloc(0), 'list-jobs-skiptoken', 32)),
    get datacenter() {
      return datacenter();
    },
    get arm() {
      return arm();
    },
    get scheduler() {
      return scheduler().scheduler;
    },
    get schedulerExecution() {
      return scheduler().schedulerExecution;
    },
    get schedulerHistory() {
      return scheduler().schedulerHistory;
    },
    get readPfx() {
      return scheduler().readPfx;
    },
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
