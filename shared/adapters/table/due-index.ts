import type { TableClient, TableEntity, TransactionAction } from '@azure/data-tables';
import type { DueEntry, DueTimeIndex } from '../../kernel/due-time-index';
import { SingleFlight } from '../../kernel/single-flight';
import { LruCache } from '../../kernel/lru-cache';
import { guarded, isUnavailable, statusOf, unavailable } from '../store-errors';
import { DueRowSchema, MarkerRowSchema } from './due-entry.schema';
import { literal } from './list-filter';

/** Markers cover an owner for one hour of due times: one marker write per owner per hour at most. */
export const BUCKET_MS = 60 * 60 * 1000;
/**
 * A marker is removed only this long after its hour ended, and a writer trusts its memory of a
 * marker only while the hour ends more than this later. A write covers its due time right before
 * each commit (table-job-store.ts), so this must exceed one storage call, whose deadline config
 * bounds to a minute, plus the clock skew between instances.
 */
export const GRACE_MS = 2 * 60 * 1000;
const PAGE_SIZE = 1000;
const KNOWN_MARKERS = 10_000;

/** ISO 8601 times of one format sort as they compare; `_` sorts before the `~` bounds below. */
export const dueRowKey = (name: string, at: Date): string => `due_${at.toISOString()}_${name.toLowerCase()}`;
const bucketOf = (at: Date): Date => new Date(Math.floor(at.getTime() / BUCKET_MS) * BUCKET_MS);
export const markerRowKey = (owner: string, bucket: Date): string => `${bucket.toISOString()}_${owner}`;

/** The marker covering an item of `owner` due at `dueAt`, as written at `now`. */
export function markerRow(namespace: string, owner: string, dueAt: Date, now: Date): TableEntity {
  const bucket = bucketOf(dueAt < now ? now : dueAt);
  return {
    partitionKey: namespace,
    rowKey: markerRowKey(owner, bucket),
    Owner: owner,
    BucketEnd: new Date(bucket.getTime() + BUCKET_MS).toISOString(),
  };
}

/** An item's place in the index: its owner's partition, its name, when it is due. */
export interface DueItem {
  owner: string;
  name: string;
  at: Date;
}

const keyOf = (item: DueItem | undefined) => item && dueRowKey(item.name, item.at);

async function* pagesOf(client: TableClient, filter: string, top = PAGE_SIZE) {
  try {
    yield* client.listEntities({ queryOptions: { filter } }).byPage({ maxPageSize: top });
  } catch (err) {
    throw isUnavailable(err) ? unavailable() : err;
  }
}

/**
 * The due-time index of the kernel port on Table Storage, for any owner whose items live in one
 * partition of an `owners` table (Import/Export: a subscription's jobs; the Scheduler: a job
 * collection's jobs). Two levels:
 *  - the item's row `due_<time>_<name>` in the owner's partition, changed in the item's own
 *    entity-group transaction (`rowActions`), so it is never missing;
 *  - in the `markers` table, partition `namespace`, a marker `<hour>_<owner>` per owner and hour
 *    holding due rows, written (`cover`) before the transaction. Markers are never updated and
 *    belong to no counter, so writes of one owner's items never conflict on them.
 * A sweep reads the markers whose hour has begun, then each one's owner's due rows up to the end of
 * the hour (or now). It removes a marker only once its hour ended GRACE_MS ago and no due row up to
 * its end is left, conditional on the version it read: a writer rewriting it in between keeps it.
 * A due time already past is covered by the current hour's marker.
 */
export class TableDueIndex implements DueTimeIndex {
  private readonly known = new LruCache<string, true>(KNOWN_MARKERS);
  /** Marker writes in flight, shared by the writes that need the same marker meanwhile. */
  private readonly covering = new SingleFlight<string, void>();

  constructor(
    private readonly owners: () => Promise<TableClient>,
    private readonly markers: () => Promise<TableClient>,
    private readonly namespace: string,
    private readonly now: () => Date,
  ) {}

  /** The due rows of a write turning `before` into `after`, for its transaction. */
  rowActions(before: DueItem | undefined, after: DueItem | undefined): TransactionAction[] {
    const [from, to] = [keyOf(before), keyOf(after)];
    if (from === to) return [];
    const actions: TransactionAction[] = [];
    if (before && from) actions.push(['delete', { partitionKey: before.owner, rowKey: from }]);
    if (after && to) {
      const row: TableEntity = {
        partitionKey: after.owner,
        rowKey: to,
        Name: after.name,
        DueAt: after.at.toISOString(),
      };
      actions.push(['upsert', row, 'Replace']);
    }
    return actions;
  }

  async cover(owner: string, dueAt: Date): Promise<void> {
    const now = this.now();
    const bucket = bucketOf(dueAt < now ? now : dueAt);
    const key = markerRowKey(owner, bucket);
    const end = bucket.getTime() + BUCKET_MS;
    if (end > now.getTime() + GRACE_MS && this.known.get(key)) return;
    await this.covering.run(key, async () => {
      const client = await this.markers();
      const row = {
        partitionKey: this.namespace,
        rowKey: key,
        Owner: owner,
        BucketEnd: new Date(end).toISOString(),
      };
      await guarded(() => client.upsertEntity(row, 'Replace'));
      this.known.set(key, true);
    });
  }

  async *pages(now: Date): AsyncIterable<DueEntry[]> {
    const markers = await this.markers();
    const filter = `PartitionKey eq ${literal(this.namespace)} and RowKey lt ${literal(`${now.toISOString()}~`)}`;
    // An owner's later markers read its earlier rows again when one could not be handled.
    const seen = new Set<string>();
    for await (const page of pagesOf(markers, filter)) {
      for (const raw of page) {
        const marker = MarkerRowSchema.parse(raw);
        const end = new Date(marker.BucketEnd);
        const upTo = end < now ? end : now;
        const entries = (await this.dueRows(marker.Owner, upTo)).filter((e) => {
          const key = `${e.owner}/${dueRowKey(e.name, e.dueAt)}`;
          return !seen.has(key) && seen.add(key);
        });
        if (entries.length > 0) yield entries;
        if (end.getTime() + GRACE_MS <= now.getTime()) await this.retire(marker, end);
      }
    }
  }

  async drop(entry: DueEntry): Promise<boolean> {
    const client = await this.owners();
    return guarded(async () => {
      try {
        await client.deleteEntity(entry.owner, dueRowKey(entry.name, entry.dueAt), { etag: entry.etag });
        return true;
      } catch (err) {
        const status = statusOf(err);
        if (status === 404 || status === 412) return false;
        throw err;
      }
    });
  }

  private dueFilter(owner: string, upTo: Date): string {
    return `PartitionKey eq ${literal(owner)} and RowKey ge 'due_' and RowKey lt ${literal(`due_${upTo.toISOString()}~`)}`;
  }

  private async dueRows(owner: string, upTo: Date): Promise<DueEntry[]> {
    const client = await this.owners();
    const entries: DueEntry[] = [];
    for await (const page of pagesOf(client, this.dueFilter(owner, upTo))) {
      for (const raw of page) {
        const row = DueRowSchema.parse(raw);
        entries.push({ owner, name: row.Name, dueAt: new Date(row.DueAt), etag: row.etag });
      }
    }
    return entries;
  }

  /** Removes a past hour's marker once nothing is left due up to its end (a failed item keeps it). */
  private async retire(marker: { rowKey: string; etag: string; Owner: string }, end: Date): Promise<void> {
    const client = await this.owners();
    for await (const page of pagesOf(client, this.dueFilter(marker.Owner, end), 1)) {
      if (page.length > 0) return;
      break;
    }
    const markers = await this.markers();
    this.known.delete(marker.rowKey);
    await markers.deleteEntity(this.namespace, marker.rowKey, { etag: marker.etag }).catch(() => undefined);
  }
}
