import { createHash } from 'node:crypto';
import type { ActionName } from '../model';
import { utcTime } from './utc-time';

/** What identifies one attempt to its target (docs/classic-scheduler.md#e3, #e6). */
export interface OutboundIdentity {
  jobId: string;
  jobCollectionId: string;
  /** The occurrence's scheduled time, as a UTC date (#a3). */
  expectedExecutionTime: string;
  region: string;
  /** 32 lowercase hex, stable per attempt. */
  executionTag: string;
  /** A GUID, stable per attempt. */
  clientRequestId: string;
}

export interface AttemptKey {
  /** The job's incarnation: random, fixed at create. */
  incarnation: string;
  scheduled: Date;
  actionName: ActionName;
  retryCount: number;
}

/**
 * Both values derive from the attempt, never from the send (#e6): a re-send after a crash carries
 * the same ones, and a job re-created under the same id (a new incarnation) gets new ones. The tag
 * is the first 16 bytes of the SHA-256; the request id is a GUID made of the next 16.
 */
export function attemptIds(key: AttemptKey): { executionTag: string; clientRequestId: string } {
  const digest = createHash('sha256')
    .update([key.incarnation, key.scheduled.toISOString(), key.actionName, String(key.retryCount)].join('|'))
    .digest('hex');
  const g = digest.slice(32, 64);
  const clientRequestId = [
    g.slice(0, 8),
    g.slice(8, 12),
    `4${g.slice(13, 16)}`,
    `8${g.slice(17, 20)}`,
    g.slice(20, 32),
  ].join('-');
  return { executionTag: digest.slice(0, 32), clientRequestId };
}

export function outboundIdentity(
  key: AttemptKey,
  where: { jobId: string; jobCollectionId: string; region: string },
): OutboundIdentity {
  return { ...where, expectedExecutionTime: utcTime(key.scheduled), ...attemptIds(key) };
}

/** The job's headers with the `x-ms-scheduler-*` set applied: same names (any case) are replaced (#e3). */
export function outboundHeaders(
  jobHeaders: Readonly<Record<string, string>> | undefined,
  id: OutboundIdentity,
): Record<string, string> {
  const ours: Record<string, string> = {
    'x-ms-scheduler-jobid': id.jobId,
    'x-ms-scheduler-jobcollectionid': id.jobCollectionId,
    'x-ms-scheduler-expected-execution-time': id.expectedExecutionTime,
    'x-ms-scheduler-execution-region': id.region,
    'x-ms-execution-tag': id.executionTag,
    'x-ms-client-request-id': id.clientRequestId,
  };
  const kept = Object.entries(jobHeaders ?? {}).filter(([name]) => !(name.toLowerCase() in ours));
  return { ...Object.fromEntries(kept), ...ours };
}
