import { randomBytes, randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import type { Runtime } from '../../shared/app/runtime';
import { AadTokens } from '../../shared/adapters/outbound-http/aad-tokens';
import { HttpActionSender } from '../../shared/adapters/outbound-http/http-action-sender';
import { StorageQueueSender } from '../../shared/adapters/queue/storage-queue-sender';
import { TableCollectionStore } from '../../shared/adapters/table/scheduler-collection-store';
import { TableSchedulerDueIndex } from '../../shared/adapters/table/scheduler-due-index';
import { TableSchedulerHistory } from '../../shared/adapters/table/scheduler-history-store';
import { TableSchedulerJobStore } from '../../shared/adapters/table/scheduler-job-store';
import { SecretBox } from '../../shared/kernel/secret-box';
import type { ActionPorts } from '../../shared/scheduler/execution/attempt-runner';
import type { SchedulerDueIndex } from '../../shared/scheduler/execution/due-index-port';
import { Executor } from '../../shared/scheduler/execution/executor';
import { IndexedJobStore } from '../../shared/scheduler/execution/indexed-job-store';
import type { CollectionRef, Job, JobAction, Recurrence } from '../../shared/scheduler/model';
import type { JobCollection } from '../../shared/scheduler/model-collections';
import { OutboundPolicy } from '../../shared/scheduler/outbound-policy';
import { nextExecutionTime } from '../../shared/scheduler/recurrence';
import { newSubscription } from './runtime';

/** Counts every request a store sends (retries too): what an execution costs in round trips. */
export interface RequestCounter {
  n: number;
  /** Queries of the due-time index. */
  indexReads?: number;
}

async function table(name: string, counter?: RequestCounter): Promise<TableClient> {
  const client = TableClient.fromConnectionString(process.env.AzureWebJobsStorage ?? '', name, {
    allowInsecureConnection: true,
    ...(counter && {
      additionalPolicies: [
        {
          policy: {
            name: 'count',
            sendRequest: (r, next) => {
              counter.n++;
              if (r.method === 'GET' && r.url.includes('%24filter') && name.endsWith('due'))
                counter.indexReads = (counter.indexReads ?? 0) + 1;
              return next(r);
            },
          },
          position: 'perRetry' as const,
        },
      ],
    }),
  });
  await client.createTable();
  return client;
}

/** The Scheduler's stores on the run's Azurite, in tables of their own. */
export async function schedulerStores(counter?: RequestCounter) {
  const prefix = `x${randomBytes(5).toString('hex')}`;
  const [jobsTable, dueTable] = await Promise.all([
    table(`${prefix}jobs`, counter),
    table(`${prefix}due`, counter),
  ]);
  const box = new SecretBox(Buffer.alloc(32, 9));
  const history = new TableSchedulerHistory(() => Promise.resolve(jobsTable));
  const jobs = new TableSchedulerJobStore(() => Promise.resolve(jobsTable), box, history);
  const collections = new TableCollectionStore(() => Promise.resolve(jobsTable));
  const due = new TableSchedulerDueIndex(() => Promise.resolve(dueTable));
  const api = new IndexedJobStore(jobs, due);
  const ref: CollectionRef = {
    subscriptionId: randomUUID(),
    cloudService: 'cs-westus-scheduler',
    jobCollection: 'jc1',
  };
  await collections.create(ref.subscriptionId, startedCollection(ref));
  return { jobs, history, due, api, ref, dueTable, jobsTable, collections };
}
export type SchedulerStores = Awaited<ReturnType<typeof schedulerStores>>;

/** The same job table as another process sees it: a store of its own, nothing cached. */
export const otherProcessJobs = (stores: SchedulerStores): TableSchedulerJobStore =>
  new TableSchedulerJobStore(
    () => Promise.resolve(stores.jobsTable),
    new SecretBox(Buffer.alloc(32, 9)),
    stores.history,
  );

export const realActions = (timeoutMs = 5000): ActionPorts => ({
  http: new HttpActionSender({
    policy: new OutboundPolicy({ mode: 'local', allow: [] }),
    tokens: new AadTokens('http://127.0.0.1:9'),
    timeoutMs,
  }),
  queue: new StorageQueueSender({ endpointTemplate: process.env.SCHEDULER_QUEUE_ENDPOINT ?? '', timeoutMs }),
});

export function executor(
  stores: Pick<SchedulerStores, 'jobs'> & { due: SchedulerDueIndex },
  now: () => Date,
  opts: {
    id?: string;
    actions?: ActionPorts;
    leaseMs?: number;
    concurrency?: number;
    standing?: (ref: CollectionRef) => Promise<boolean>;
  } = {},
): Executor {
  return new Executor({
    jobs: stores.jobs,
    appended: () => Promise.resolve(),
    due: stores.due,
    actions: opts.actions ?? realActions(),
    standing: opts.standing ?? (() => Promise.resolve(true)),
    region: () => Promise.resolve('West US'),
    now,
    instanceId: opts.id ?? randomUUID(),
    leaseMs: opts.leaseMs ?? 90_000,
    ...(opts.concurrency && { concurrency: opts.concurrency }),
  });
}

/** A job as the jobs API would create it at `now`: enabled, its next execution time computed. */
export function newJob(
  id: string,
  action: JobAction,
  now: Date,
  over: { recurrence?: Recurrence; startTime?: string } = {},
): Job {
  const job: Job = {
    id,
    action,
    ...(over.recurrence && { recurrence: over.recurrence }),
    ...(over.startTime && { startTime: over.startTime }),
    state: 'enabled',
    anchor: over.startTime ?? now.toISOString(),
    incarnation: randomUUID(),
    occurrences: 0,
    status: { executionCount: 0, failureCount: 0, faultedCount: 0 },
  };
  const next = nextExecutionTime(job, now);
  return next ? { ...job, status: { ...job.status, nextExecutionTime: next.toISOString() } } : job;
}

export const httpAction = (uri: string, over: Partial<JobAction> = {}): JobAction => ({
  type: 'http',
  kind: 'http',
  request: { uri, method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'ping' },
  ...over,
});

/** The run's Azurite development account, from the connection string global-setup.ts exported. */
export function devAccount(): { name: string; key: string } {
  const parts = new Map(
    (process.env.AzureWebJobsStorage ?? '')
      .split(';')
      .map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]),
  );
  return { name: parts.get('AccountName') ?? '', key: parts.get('AccountKey') ?? '' };
}

/** A Started Standard collection of 50 jobs, as the management API would store it. */
export const startedCollection = (ref: CollectionRef): JobCollection => ({
  name: ref.jobCollection,
  cloudService: ref.cloudService,
  schemaVersion: '1.0',
  plan: 'Standard',
  quota: { maxJobCount: 50, maxRecurrence: { frequency: 'Minute', interval: 1 } },
  label: ref.jobCollection,
  state: 'Started',
  etag: randomUUID(),
  lastOperation: 'Create',
  jobCount: 0,
});

/** A Started job collection in a runtime's own tables, under a fresh subscription. */
export async function runtimeCollection(rt: Runtime): Promise<CollectionRef> {
  const ref = {
    subscriptionId: newSubscription(),
    cloudService: 'cs-westus-scheduler',
    jobCollection: 'jc1',
  };
  await rt.scheduler.collections.create(ref.subscriptionId, startedCollection(ref));
  return ref;
}
