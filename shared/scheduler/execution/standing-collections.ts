import { LruCache } from '../../kernel/lru-cache';
import type { CollectionRef } from '../model';
import type { JobCollection } from '../model-collections';
import { nameKey } from '../names';

/** How long a collection seen standing is taken to stand without a read: one per minute per collection. */
const STANDING_MS = 60_000;
/** Collections remembered; a forgotten one costs a read at its next visit. */
const REMEMBERED = 10_000;

/**
 * Whether a job's collection still stands, for the executor to ask before it writes a claim. A
 * collection's removal deletes its row first and its jobs after (scheduler-collection-store.ts):
 * one that died in between leaves jobs of no collection, which must never run again. A collection
 * seen standing is remembered for a minute (so a job runs at most that long after such a removal),
 * one seen gone is read again on each ask (a collection created again under the name first sweeps
 * what the old one left).
 */
export function standingCollections(
  get: (ref: CollectionRef) => Promise<JobCollection | undefined>,
  now: () => Date,
): (ref: CollectionRef) => Promise<boolean> {
  const seen = new LruCache<string, number>(REMEMBERED);
  return async (ref) => {
    const key = [ref.subscriptionId, ref.cloudService, ref.jobCollection].map(nameKey).join('|');
    const at = now().getTime();
    const until = seen.get(key);
    if (until !== undefined && until > at) return true;
    const standing = (await get(ref)) !== undefined;
    if (standing) seen.set(key, at + STANDING_MS);
    else seen.delete(key);
    return standing;
  };
}
