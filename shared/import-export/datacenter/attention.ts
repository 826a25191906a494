import type { DatacenterDeps } from './ports';
import type { JobState, JobSummary } from '../model/model';

/** docs/contract/import-export.md#b: the states in which a job waits for the datacenter. */
const ATTENTION_STATES: readonly JobState[] = [
  'Shipping',
  'Received',
  'Transferring',
  'Packaging',
  'Faulted',
];

export interface AttentionPage {
  jobs: JobSummary[];
  cursor?: { partition: string; row: string };
}

/**
 * GET /operator/jobs (docs/contract/import-export.md#b): across subscriptions, the jobs in Shipping..Packaging or Faulted,
 * and the jobs with alerts (the sweeper's overdue alerts, docs/contract/import-export.md#c2) whatever their state. With
 * `states`, exactly the jobs in those states.
 */
export function jobsNeedingAttention(
  deps: Pick<DatacenterDeps, 'finder' | 'now'>,
  q: { states?: readonly JobState[]; after?: { partition: string; row: string }; limit: number },
): Promise<AttentionPage> {
  return deps.finder.needingAttention({
    states: q.states ?? ATTENTION_STATES,
    withAlerts: q.states === undefined,
    now: deps.now(),
    ...(q.after && { after: q.after }),
    limit: q.limit,
  });
}
