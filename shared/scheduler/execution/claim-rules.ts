import type { Job, JobHistoryEntry, PendingAttempt } from '../model';
import { nextExecutionTime } from '../recurrence';
import { postponedMessage } from './history-messages';
import { jobExpiry } from './retention-rules';
import { utcTime } from './utc-time';

/** A walk over missed occurrences stops here; the latest it reached runs (a bound on CPU, not a rule). */
const MAX_CATCH_UP = 10_000;

export type Claim =
  /** Nothing is due. */
  | { kind: 'idle' }
  /** A disabled job's pending attempts are cancelled (docs/classic-scheduler.md#d1). */
  | { kind: 'cancel'; job: Job }
  /** A finished job's retention is over: it goes, with its history (#e8). */
  | { kind: 'expire' }
  | { kind: 'run'; job: Job; attempt: PendingAttempt; postponed?: { key: string; entry: JobHistoryEntry } };

const iso = (t: Date): string => t.toISOString();
const pendingOf = (job: Job): PendingAttempt[] => job.execution?.pending ?? [];

/** The attempt's key among its job's: the occurrence, the action and the retry. */
export const sameAttempt = (a: PendingAttempt, b: PendingAttempt): boolean =>
  a.scheduled === b.scheduled && a.actionName === b.actionName && a.retryCount === b.retryCount;

/** When the job next needs the executor: its next occurrence, or a pending attempt (or its lapsing claim). */
export function dueAt(job: Job): Date | undefined {
  const times = pendingOf(job).map((p) => Date.parse(p.claim ? p.claim.until : p.dueAt));
  if (job.state === 'enabled' && job.status.nextExecutionTime)
    times.push(Date.parse(job.status.nextExecutionTime));
  const expiry = jobExpiry(job);
  if (expiry) times.push(expiry.getTime());
  return times.length ? new Date(Math.min(...times)) : undefined;
}

/**
 * The latest occurrence due by `now`, starting at the job's next one, and how many earlier ones
 * were missed (docs/classic-scheduler.md#d3): only the latest runs after downtime.
 */
function latestDue(job: Job, first: Date, now: Date): { scheduled: Date; missed: Date[] } {
  const missed: Date[] = [];
  let at = first;
  if (!job.recurrence) return { scheduled: at, missed };
  for (let i = 0; i < MAX_CATCH_UP; i++) {
    const after = nextExecutionTime({ ...job, lastOccurrence: iso(at) }, at);
    if (!after || after > now || after <= at) break;
    missed.push(at);
    at = after;
  }
  return { scheduled: at, missed };
}

function startOccurrence(job: Job, now: Date, claim: PendingAttempt['claim']): Claim {
  const first = new Date(job.status.nextExecutionTime ?? now);
  const { scheduled, missed } = latestDue(job, first, now);
  const executionCount = job.status.executionCount + 1;
  const advanced: Job = { ...job, occurrences: job.occurrences + 1, lastOccurrence: iso(scheduled) };
  const next = nextExecutionTime(advanced, now);
  const attempt: PendingAttempt = {
    scheduled: iso(scheduled),
    actionName: 'MainAction',
    retryCount: 0,
    repeatCount: executionCount,
    dueAt: iso(scheduled),
    final: next === undefined,
    ...(claim && { claim }),
  };
  const { nextExecutionTime: _dropped, ...status } = job.status;
  const claimed: Job = {
    ...advanced,
    status: {
      ...status,
      executionCount,
      lastExecutionTime: utcTime(now),
      ...(next && { nextExecutionTime: utcTime(next) }),
    },
    execution: { ...job.execution, pending: [...pendingOf(job), attempt] },
  };
  const firstMissed = missed[0];
  const lastMissed = missed[missed.length - 1];
  if (!firstMissed || !lastMissed) return { kind: 'run', job: claimed, attempt };
  const when = utcTime(now);
  const entry: JobHistoryEntry = {
    jobId: job.id,
    timestamp: when,
    startTime: when,
    endTime: when,
    state: job.state,
    status: 'postponed',
    message: postponedMessage(missed.length, firstMissed, lastMissed),
    actionName: 'MainAction',
    retryCount: 0,
    repeatCount: job.status.executionCount,
    expectedExecutionTime: utcTime(firstMissed),
  };
  return { kind: 'run', job: claimed, attempt, postponed: { key: `postponed_${iso(firstMissed)}`, entry } };
}

/**
 * What the executor `by` should do with `job` at `now`, and the job to write (conditionally on the
 * ETag read) to claim it for `leaseMs` (docs/classic-scheduler.md#e6). Pending attempts come
 * first, earliest first; a lapsed claim is a crash, and its attempt is made again as it was.
 */
export function claimNext(job: Job, now: Date, by: string, leaseMs: number): Claim {
  const pending = pendingOf(job);
  if (job.state === 'disabled' && pending.length > 0) {
    return { kind: 'cancel', job: { ...job, execution: { ...job.execution, pending: [] } } };
  }
  const claim = { by, until: iso(new Date(now.getTime() + leaseMs)) };
  const free = pending
    .filter(
      (p) => Date.parse(p.dueAt) <= now.getTime() && (!p.claim || Date.parse(p.claim.until) <= now.getTime()),
    )
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
  if (free) {
    const attempt = { ...free, claim };
    const rest = pending.map((p) => (sameAttempt(p, free) ? attempt : p));
    return { kind: 'run', job: { ...job, execution: { ...job.execution, pending: rest } }, attempt };
  }
  const next = job.status.nextExecutionTime;
  if (job.state === 'enabled' && next && Date.parse(next) <= now.getTime())
    return startOccurrence(job, now, claim);
  const expiry = jobExpiry(job);
  if (pending.length === 0 && expiry && expiry <= now) return { kind: 'expire' };
  return { kind: 'idle' };
}
