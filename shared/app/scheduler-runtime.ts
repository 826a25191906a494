import { randomUUID } from 'node:crypto';
import { readPfx } from '../adapters/crypto/pfx-reader';
import { TableSchedulerAccount } from '../adapters/table/scheduler-account-store';
import { TableCollectionStore } from '../adapters/table/scheduler-collection-store';
import { TableSchedulerHistory } from '../adapters/table/scheduler-history-store';
import { TableSchedulerJobStore } from '../adapters/table/scheduler-job-store';
import type { TableClients } from '../adapters/table/table-clients';
import { SecretBox } from '../kernel/secret-box';
import type { SchedulerDeps } from '../scheduler/deps';
import type { JobHistoryTrimmer, JobHistoryWriter } from '../scheduler/job-store';
import type { PfxReader } from '../scheduler/pfx';
import type { Config } from './config';
import type { SchedulerExecution } from './scheduler-execution';
import { createSchedulerExecution } from './scheduler-execution';

/** The classic Scheduler's part of the runtime (docs/classic-scheduler.md), built on first use (runtime.ts). */
export interface SchedulerRuntime {
  scheduler: SchedulerDeps;
  schedulerExecution: SchedulerExecution;
  schedulerHistory: JobHistoryWriter & JobHistoryTrimmer;
  readPfx: PfxReader;
}

export function schedulerRuntime(config: Config, tables: TableClients, now: () => Date): SchedulerRuntime {
  const schedulerHistory = new TableSchedulerHistory(() => tables.table('schedjobs'));
  const schedulerAccount = new TableSchedulerAccount(() => tables.table('schedacct'));
  const collections = new TableCollectionStore(() => tables.table('schedjobs'));
  const schedulerExecution = createSchedulerExecution(config.schedulerExecution, {
    jobs: new TableSchedulerJobStore(
      () => tables.table('schedjobs'),
      new SecretBox(config.secretsKey),
      schedulerHistory,
    ),
    history: schedulerHistory,
    services: schedulerAccount,
    collections,
    operations: schedulerAccount,
    dueTable: () => tables.table('scheddue'),
    now,
    log: (message) => console.error(message),
  });
  const scheduler: SchedulerDeps = {
    jobs: schedulerExecution.jobs,
    history: schedulerHistory,
    collections,
    services: schedulerAccount,
    registrations: schedulerAccount,
    operations: schedulerAccount,
    now,
    newId: () => randomUUID(),
    minRetryMs: config.scheduler.minRetryMs,
    outbound: config.schedulerExecution.policy,
    regions: config.scheduler.regions,
  };
  return { scheduler, schedulerExecution, schedulerHistory, readPfx };
}
