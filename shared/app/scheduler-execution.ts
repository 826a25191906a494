import { randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { AadTokens } from '../adapters/outbound-http/aad-tokens';
import { HttpActionSender } from '../adapters/outbound-http/http-action-sender';
import { StorageQueueSender } from '../adapters/queue/storage-queue-sender';
import { TableSchedulerDueIndex } from '../adapters/table/scheduler-due-index';
import type { ExecutionJobStore } from '../scheduler/execution/executor-ports';
import { Executor } from '../scheduler/execution/executor';
import { ExecutorLoop } from '../scheduler/execution/executor-loop';
import { HistoryRetention } from '../scheduler/execution/history-retention';
import { IndexedJobStore } from '../scheduler/execution/indexed-job-store';
import type { RetentionDeps } from '../scheduler/execution/retention';
import { standingCollections } from '../scheduler/execution/standing-collections';
import type {
  CloudServiceStore,
  CollectionStore,
  JobHistoryTrimmer,
  OperationStore,
  SchedulerJobStore,
} from '../scheduler/job-store';
import type { CollectionRef } from '../scheduler/model';
import type { SchedulerExecutionConfig } from './scheduler-execution-config';

/** A claim outlives the longest call by this margin, so a lapsed one means a crash (docs/classic-scheduler.md#e6). */
const LEASE_MARGIN_MS = 30_000;

export interface SchedulerExecutionDeps {
  /** The jobs' Table store, undecorated: the executor keeps the index itself. */
  jobs: SchedulerJobStore & ExecutionJobStore;
  history: JobHistoryTrimmer;
  services: Pick<CloudServiceStore, 'get'>;
  collections: Pick<CollectionStore, 'get'>;
  operations: Pick<OperationStore, 'removeExpired'>;
  dueTable: () => Promise<TableClient>;
  now: () => Date;
  log: (message: string) => void;
}

export interface SchedulerExecution {
  executor: Executor;
  loop: ExecutorLoop;
  /** The store the jobs API must write through, so the due-time index follows every write. */
  jobs: SchedulerJobStore;
  /** What the sweep timer and POST /operator/sweep apply (docs/classic-scheduler.md#e8). */
  retention: RetentionDeps;
}

/** Wires the executor (docs/scheduler-execution.md): adapters, the due-time index and the loop. */
export function createSchedulerExecution(
  cfg: SchedulerExecutionConfig,
  deps: SchedulerExecutionDeps,
): SchedulerExecution {
  const due = new TableSchedulerDueIndex(deps.dueTable);
  const report = (err: unknown) =>
    deps.log(`scheduler executor: ${err instanceof Error ? err.message : String(err)}`);
  const history = new HistoryRetention(
    deps.history,
    new TableSchedulerDueIndex(deps.dueTable, 'hist'),
    deps.now,
    report,
  );
  const regions = new Map<string, Promise<string>>();
  const region = (ref: CollectionRef): Promise<string> => {
    const key = `${ref.subscriptionId}|${ref.cloudService}`.toLowerCase();
    let found = regions.get(key);
    if (!found) {
      found = deps.services.get(ref.subscriptionId, ref.cloudService).then((s) => s?.geoRegion ?? '');
      found.catch(() => regions.delete(key));
      regions.set(key, found);
    }
    return found;
  };
  const executor = new Executor({
    jobs: deps.jobs,
    appended: (ref, jobId, entry) => history.appended(ref, jobId, entry),
    due,
    actions: {
      http: new HttpActionSender({
        policy: cfg.policy,
        tokens: new AadTokens(cfg.aadAuthority),
        timeoutMs: cfg.httpTimeoutMs,
      }),
      queue: new StorageQueueSender({ endpointTemplate: cfg.queueEndpoint, timeoutMs: cfg.httpTimeoutMs }),
    },
    standing: standingCollections(
      (ref) => deps.collections.get(ref.subscriptionId, ref.cloudService, ref.jobCollection),
      deps.now,
    ),
    region,
    now: deps.now,
    instanceId: randomUUID(),
    leaseMs: cfg.httpTimeoutMs + LEASE_MARGIN_MS,
  });
  const loop = new ExecutorLoop(executor, {
    now: deps.now,
    pollMs: 25,
    onError: report,
  });
  return {
    executor,
    loop,
    jobs: new IndexedJobStore(deps.jobs, due, (at) => loop.wake(at)),
    retention: { jobs: deps.jobs, due, history, operations: deps.operations },
  };
}
