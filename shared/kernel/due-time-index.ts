/**
 * A generic due-time index: "owner X has an item `name` due at `dueAt`", read back by a sweep that
 * must never scan every item. Import/Export indexes its timed jobs with it (owner: subscription,
 * name: job); the Scheduler can index its next occurrences the same way (owner: job collection).
 *
 * The contract, whatever the adapter:
 * - An owner's entry is written in the same atomic write as the item it indexes (the adapter
 *   hands out the storage actions for that write), so an entry is never missing for a committed
 *   item; it may be stale (the item moved on), and the sweeper re-reads the item before acting.
 * - Before that write, the owner calls `cover(owner, dueAt)`: it makes sure a sweep at or after
 *   `dueAt` will look at the owner. It costs no storage request when this process already knows
 *   the owner is covered for that period, and it never goes through a row shared by the owner's
 *   other items, so concurrent writes of one owner's items never conflict.
 * - `pages(now)` yields the entries due by `now`, one owner's page at a time; `drop` removes an
 *   entry read as stale, conditional on its version, so it never removes a rewritten one.
 */
export interface DueEntry {
  owner: string;
  name: string;
  dueAt: Date;
  /** The entry's own version, so that dropping a stale entry never drops a rewritten one. */
  etag: string;
}

export interface DueTimeIndex {
  /** Makes sure a sweep at or after `dueAt` looks at `owner`; call before committing the entry. */
  cover(owner: string, dueAt: Date): Promise<void>;
  /** The entries due at or before `now`, earliest first within an owner, a page at a time. */
  pages(now: Date): AsyncIterable<DueEntry[]>;
  /** Removes a stale entry; false when it was already gone or has been rewritten since it was read. */
  drop(entry: DueEntry): Promise<boolean>;
}
