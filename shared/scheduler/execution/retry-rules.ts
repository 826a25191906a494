import type { RetryPolicy } from '../model';

export interface EffectiveRetry {
  /** Attempts after the first. */
  count: number;
  intervalMs: number;
}

/**
 * docs/classic-scheduler.md#d6: `none` retries nothing; `fixed` defaults its omitted values to
 * 1 minute and 5 retries; no policy at all "retries the job four more times at 30-second
 * intervals". The documented defaults apply as written: SCHEDULER_MIN_RETRY_INTERVAL bounds what
 * clients set (at validation), not these.
 */
export function effectiveRetry(policy: RetryPolicy | undefined): EffectiveRetry {
  if (!policy) return { count: 4, intervalMs: 30_000 };
  if (policy.retryType === 'none') return { count: 0, intervalMs: 0 };
  return { count: policy.retryCount ?? 5, intervalMs: policy.retryInterval ?? 60_000 };
}
