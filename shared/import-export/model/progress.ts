import { moveJob } from '../model/job-states';
import type { Drive, Job } from '../model/model';

/** A drive whose copy has finished (docs/contract/import-export.md#b1-complete). */
export const isCopied = (d: Drive): boolean => d.State === 'Completed' || d.State === 'CompletedMoreInfo';

/** A drive that arrived: everything but Specified and NeverReceived (docs/contract/import-export.md#c1). */
const wasReceived = (d: Drive): boolean => d.State !== 'Specified' && d.State !== 'NeverReceived';

/** A drive a cancelled job never copies: received, never started (docs/contract/import-export.md#a8). */
export const isSkipped = (job: Job, d: Drive): boolean => job.CancelRequested && d.State === 'Received';

/** A drive whose copy has started: start gives it a PercentComplete. */
const started = (d: Drive): boolean => d.PercentComplete !== undefined;

/**
 * The job's PercentComplete (docs/contract/import-export.md#b1-complete): the byte-weighted mean over the drives it copies
 * (those started, and those received that will be unless the job is cancelled), or the plain mean
 * when some drive's size is unknown. Rounded down, so 100 means every counted drive is done.
 */
export function jobPercent(job: Job): number {
  const counted = job.DriveList.filter((d) => started(d) || (wasReceived(d) && !isSkipped(job, d)));
  if (counted.length === 0) return 0;
  const percent = (d: Drive) => d.PercentComplete ?? 0;
  const weights = counted.map((d) => d.BytesTotal);
  const total = weights.reduce<number>((sum, w) => sum + (w ?? 0), 0);
  const mean =
    weights.every((w) => w !== undefined && w > 0) && total > 0
      ? counted.reduce((sum, d) => sum + percent(d) * (d.BytesTotal ?? 0), 0) / total
      : counted.reduce((sum, d) => sum + percent(d), 0) / counted.length;
  return Math.min(100, Math.floor(mean));
}

/**
 * A Transferring job whose received drives are all copied, or skipped by cancellation, moves on
 * to Packaging (docs/contract/import-export.md#b1-complete). Any other job is answered as it is.
 */
export function settle(job: Job, now: Date): Job {
  if (job.State !== 'Transferring') return job;
  const pending = job.DriveList.some((d) => wasReceived(d) && !isCopied(d) && !isSkipped(job, d));
  return pending ? job : moveJob(job, 'Packaging', now);
}
