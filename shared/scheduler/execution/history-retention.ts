import { LruCache } from '../../kernel/lru-cache';
import type { JobHistoryTrimmer } from '../job-store';
import type { CollectionRef, JobHistoryEntry } from '../model';
import { nameKey } from '../names';
import type { SchedulerDueIndex } from './due-index-port';
import { entriesToDrop, historyExpiry } from './retention-rules';

/**
 * Appends of one job, in this process, between two trims on write: beyond the cap of 1000 a job's
 * rows grow by at most this much per process before the next trim (reads never show them).
 */
const TRIM_EVERY = 50;
/** Jobs this process remembers as armed; a forgotten one costs one trim at its next append. */
const KNOWN_JOBS = 10_000;

interface Known {
  /** When the job's due item fires (epoch ms): until then its history needs no look for age. */
  armedAt: number;
  appends: number;
}

const jobKey = (ref: CollectionRef, jobId: string) =>
  [ref.subscriptionId, ref.cloudService, ref.jobCollection, jobId].map(nameKey).join('|');

/**
 * History retention (docs/classic-scheduler.md#e8, docs/scheduler-execution.md#retention): at
 * most the last 1000 entries per job, none older than 60 days. Trimmed past the cap on write
 * (amortised: every 50th append of a job in this process), and through a per-job due item at
 * the oldest entry's expiry, which the retention pass visits: it trims, then re-arms.
 */
export class HistoryRetention {
  private readonly known = new LruCache<string, Known>(KNOWN_JOBS);

  constructor(
    private readonly store: JobHistoryTrimmer,
    private readonly due: SchedulerDueIndex,
    private readonly now: () => Date,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Told of an entry the executor stored: trims when it is this job's turn (every 50th append). */
  async appended(ref: CollectionRef, jobId: string, entry: JobHistoryEntry): Promise<void> {
    // A finished job goes with its history 60 days after its last entry: nothing to arm.
    if (entry.state === 'completed' || entry.state === 'faulted') return;
    const known = this.known.get(jobKey(ref, jobId));
    const now = this.now();
    if (known && known.armedAt > now.getTime() && ++known.appends % TRIM_EVERY !== 0) return;
    // The entry is stored: a failed trim is retried by a later append or the due item.
    await this.trim(ref, jobId, now).catch(this.onError);
  }

  /**
   * Drops the entries retention drops at `now`, then arms the job's due item at the expiry of
   * the oldest entry kept. Resolves with how many went.
   */
  async trim(ref: CollectionRef, jobId: string, now: Date): Promise<number> {
    const oldestFirst = (await this.store.endTimes(ref, jobId)).reverse();
    const drop = new Set(entriesToDrop(oldestFirst, now));
    if (drop.size > 0)
      await this.store.removeEntries(
        ref,
        jobId,
        [...drop].map((e) => e.key),
      );
    const oldest = oldestFirst.find((e) => !drop.has(e));
    const key = jobKey(ref, jobId);
    if (!oldest) {
      this.known.delete(key);
      return drop.size;
    }
    const at = historyExpiry(new Date(oldest.endTime));
    await this.due.put(ref, jobId, at);
    this.known.set(key, { armedAt: at.getTime(), appends: 0 });
    return drop.size;
  }

  /** The retention pass's share: every job whose due item is due by `now`, trimmed and re-armed. */
  async visitDue(now: Date, limit: number): Promise<number> {
    const items = await this.due.due(now, limit);
    let dropped = 0;
    for (const item of items) dropped += await this.trim(item.ref, item.jobId, now);
    if (items.length > 0) await this.due.drop(items);
    return dropped;
  }
}
