import { formatInstant, formatTimeSpan } from '../../scheduler/durations';
import type {
  ActionDefinition,
  Authentication,
  Job,
  JobHistoryEntry,
  RetryPolicy,
  Schedule,
} from '../../scheduler/model';

/** docs/classic-scheduler.md#d6: what `fixed` without values means. */
const DEFAULT_RETRY_INTERVAL_MS = 60_000;
const DEFAULT_RETRY_COUNT = 5;

type Json = Record<string, unknown>;

/** Secrets never leave: only the echoed members, with the exact PascalCase type (docs/classic-scheduler.md#c4). */
function authenticationOut(a: Authentication, withSecrets: boolean): Json {
  switch (a.type) {
    case 'Basic':
      return { type: a.type, username: a.username, ...(withSecrets && { password: a.password }) };
    case 'ActiveDirectoryOAuth':
      return {
        type: a.type,
        tenant: a.tenant,
        audience: a.audience,
        clientId: a.clientId,
        ...(withSecrets && { secret: a.secret }),
      };
    case 'ClientCertificate':
      return {
        type: a.type,
        certificateThumbprint: a.certificateThumbprint,
        certificateExpiration: formatInstant(a.certificateExpiration),
        certificateSubjectName: a.certificateSubjectName,
        ...(withSecrets && { pfx: a.pfx, password: a.password }),
      };
  }
}

function actionBody(a: ActionDefinition, withSecrets: boolean): Json {
  const out: Json = {};
  if (a.request) {
    const r = a.request;
    out.request = {
      uri: r.uri,
      method: r.method,
      ...(r.headers && { headers: r.headers }),
      ...(r.body !== undefined && { body: r.body }),
      ...(r.authentication && { authentication: authenticationOut(r.authentication, withSecrets) }),
    };
  }
  if (a.queueMessage) {
    const q = a.queueMessage;
    out.queueMessage = {
      storageAccount: q.storageAccount,
      queueName: q.queueName,
      ...(withSecrets && { sasToken: q.sasToken }),
      message: q.message,
    };
  }
  out.type = a.type;
  return out;
}

function retryPolicyOut(p: RetryPolicy): Json {
  if (p.retryType === 'none') return { retryType: 'none' };
  return {
    retryType: 'fixed',
    retryInterval: formatTimeSpan(p.retryInterval ?? DEFAULT_RETRY_INTERVAL_MS),
    retryCount: p.retryCount ?? DEFAULT_RETRY_COUNT,
  };
}

function scheduleOut(s: Schedule): Json {
  const out: Json = {};
  for (const key of ['minutes', 'hours', 'weekDays', 'months', 'monthDays'] as const)
    if (s[key]) out[key] = s[key];
  if (s.monthlyOccurrences) out.monthlyOccurrences = s.monthlyOccurrences;
  return out;
}

/**
 * A job as clients read it (docs/classic-scheduler.md#c5), keys in the recorded order. With
 * `withSecrets` it is the internal merge base of a PATCH, never a response.
 */
export function presentJob(job: Job, withSecrets = false): Json {
  const action: Json = actionBody(job.action, withSecrets);
  if (job.action.retryPolicy) action.retryPolicy = retryPolicyOut(job.action.retryPolicy);
  if (job.action.errorAction) action.errorAction = actionBody(job.action.errorAction, withSecrets);
  const out: Json = { id: job.id };
  if (job.startTime !== undefined) out.startTime = formatInstant(job.startTime);
  out.action = action;
  if (job.recurrence) {
    const r = job.recurrence;
    out.recurrence = {
      frequency: r.frequency,
      ...(r.count !== undefined && { count: r.count }),
      ...(r.endTime !== undefined && { endTime: formatInstant(r.endTime) }),
      interval: r.interval,
      ...(r.schedule && { schedule: scheduleOut(r.schedule) }),
    };
  }
  out.state = job.state;
  const s = job.status;
  if (s.nextExecutionTime || s.lastExecutionTime || s.executionCount || s.failureCount || s.faultedCount)
    out.status = {
      ...(s.lastExecutionTime && { lastExecutionTime: formatInstant(s.lastExecutionTime) }),
      ...(s.nextExecutionTime && { nextExecutionTime: formatInstant(s.nextExecutionTime) }),
      executionCount: s.executionCount,
      failureCount: s.failureCount,
      faultedCount: s.faultedCount,
    };
  return out;
}

/** docs/classic-scheduler.md#d8. */
export const presentHistory = (e: JobHistoryEntry): Json => ({
  jobId: e.jobId,
  timestamp: formatInstant(e.timestamp),
  startTime: formatInstant(e.startTime),
  endTime: formatInstant(e.endTime),
  state: e.state,
  status: e.status,
  message: e.message,
  actionName: e.actionName,
  retryCount: e.retryCount,
  repeatCount: e.repeatCount,
  ...(e.expectedExecutionTime && { expectedExecutionTime: formatInstant(e.expectedExecutionTime) }),
});
