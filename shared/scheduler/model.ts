/**
 * The classic Scheduler's model (docs/classic-scheduler.md#c2, #c5): plain data shared by the
 * jobs API, the stores and the executor. Times are ISO 8601 UTC strings; secrets are plain here
 * and sealed by the store adapters (docs/classic-scheduler.md#e5).
 */
export const FREQUENCIES = ['minute', 'hour', 'day', 'week', 'month', 'year'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Sunday first: JavaScript's getUTCDay() order. */
export const WEEK_DAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

export const JOB_STATES = ['enabled', 'disabled', 'completed', 'faulted'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const HISTORY_STATUSES = ['completed', 'failed', 'postponed'] as const;
export type HistoryStatus = (typeof HISTORY_STATUSES)[number];

export const ACTION_NAMES = ['MainAction', 'ErrorAction'] as const;
/** @public for the executor (docs/classic-scheduler.md#d8) */
export type ActionName = (typeof ACTION_NAMES)[number];
export const RETRY_TYPES = ['none', 'fixed'] as const;
type RetryType = (typeof RETRY_TYPES)[number];
export const AUTH_TYPES = ['ClientCertificate', 'Basic', 'ActiveDirectoryOAuth'] as const;

/** @public for the executor */
export interface MonthlyOccurrence {
  day: WeekDay;
  /** -5..5 without 0; absent: every such weekday of the month. */
  occurrence?: number;
}

/** Empty lists are never stored: an absent key means "not specified". */
export interface Schedule {
  minutes?: number[];
  hours?: number[];
  weekDays?: WeekDay[];
  months?: number[];
  monthDays?: number[];
  monthlyOccurrences?: MonthlyOccurrence[];
}

export interface Recurrence {
  frequency: Frequency;
  interval: number;
  count?: number;
  endTime?: string;
  schedule?: Schedule;
}

export type Authentication =
  | { type: 'Basic'; username: string; password: string }
  | {
      type: 'ClientCertificate';
      pfx: string;
      password: string;
      certificateThumbprint: string;
      certificateExpiration: string;
      certificateSubjectName: string;
    }
  | { type: 'ActiveDirectoryOAuth'; tenant: string; audience: string; clientId: string; secret: string };

/** @public for the executor */
export interface HttpRequestDefinition {
  uri: string;
  /** As given (case kept); compared case-insensitively. */
  method: string;
  /** Header names keep their case and order. */
  headers?: Record<string, string>;
  body?: string;
  authentication?: Authentication;
}

/** @public for the executor */
export interface QueueMessageDefinition {
  storageAccount: string;
  queueName: string;
  sasToken: string;
  message: string;
}

/** What an action does: `kind` is derived from the fields (a queue message wins), `type` is echoed. */
export interface ActionDefinition {
  /** As received, e.g. `http`, `Http`, `StorageQueue`. */
  type: string;
  kind: 'http' | 'storageQueue';
  request?: HttpRequestDefinition;
  queueMessage?: QueueMessageDefinition;
}

export interface RetryPolicy {
  retryType: RetryType;
  /** Milliseconds; absent when not supplied. */
  retryInterval?: number;
  retryCount?: number;
}

export interface JobAction extends ActionDefinition {
  retryPolicy?: RetryPolicy;
  errorAction?: ActionDefinition;
}

/** What a client defines: the body of a create or replace, after validation. */
export interface JobDefinition {
  startTime?: string;
  action: JobAction;
  recurrence?: Recurrence;
  state: 'enabled' | 'disabled';
}

/** @public for the executor */
export interface JobStatus {
  lastExecutionTime?: string;
  nextExecutionTime?: string;
  executionCount: number;
  failureCount: number;
  faultedCount: number;
}

export interface Job extends Omit<JobDefinition, 'state'> {
  /** As first spelled; looked up case-insensitively. */
  id: string;
  state: JobState;
  /** Node's updateStateReason; stored, never echoed. */
  stateDetails?: string;
  /** S of docs/classic-scheduler.md#d2: startTime, or the instant of the create or last PUT. */
  anchor: string;
  /** Random, fixed at create: the seed of stable execution tags (docs/classic-scheduler.md#e6). */
  incarnation: string;
  /** Occurrences counted toward `recurrence.count` since the last PUT (docs/classic-scheduler.md#d3). */
  occurrences: number;
  /** Scheduled time of the latest occurrence that ran: the next one is strictly later. */
  lastOccurrence?: string;
  /** Set when a collection stop disabled this job, so a start re-enables exactly these. */
  disabledByCollection?: boolean;
  status: JobStatus;
  /** The executor's own bookkeeping (docs/classic-scheduler.md#e6); absent until the job first runs. */
  execution?: ExecutionState;
}

/** One attempt waiting to be made: a retry, an error action, or one claimed and not yet recorded. */
export interface PendingAttempt {
  /** The occurrence's scheduled time. */
  scheduled: string;
  actionName: ActionName;
  retryCount: number;
  /** The occurrence's number: the `executionCount` it produced (docs/classic-scheduler.md#d8). */
  repeatCount: number;
  dueAt: string;
  /** Whether the occurrence is the job's last: its main action's resolution ends the job. */
  final: boolean;
  /** The executor instance making it, until when (a lapsed claim means a crash). */
  claim?: { by: string; until: string };
}

interface ExecutionState {
  pending: PendingAttempt[];
  /** When the job became completed or faulted: retention counts from here (docs/classic-scheduler.md#e8). */
  finishedAt?: string;
}

/** Where a job lives: the store's key. Names are compared case-insensitively. */
export interface CollectionRef {
  subscriptionId: string;
  cloudService: string;
  jobCollection: string;
}

export interface JobHistoryEntry {
  jobId: string;
  timestamp: string;
  startTime: string;
  endTime: string;
  state: JobState;
  status: HistoryStatus;
  message: string;
  actionName: ActionName;
  retryCount: number;
  repeatCount: number;
  expectedExecutionTime?: string;
}
