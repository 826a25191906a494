import type { TableClient } from '@azure/data-tables';
import { dueRowKey, markerRowKey } from './due-rows';
import type { DueEntry, DueIndex } from '../../import-export/model/ports';
import { DueRowSchema, MarkerRowSchema } from './due-entry.schema';
import { literal } from './list-filter';
import { guarded, isUnavailable, statusOf, unavailable } from '../store-errors';
import type { SubscriptionMeta } from './subscription-meta';

/** The global table's single partition, so the markers due by an instant are one RowKey range. */
export const MARKERS = 'due';
const PAGE_SIZE = 1000;
const ADVANCE_ATTEMPTS = 5;

async function* pagesOf(client: TableClient, filter: string): AsyncIterable<Record<string, unknown>[]> {
  try {
    yield* client.listEntities({ queryOptions: { filter } }).byPage({ maxPageSize: PAGE_SIZE });
  } catch (err) {
    throw isUnavailable(err) ? unavailable() : err;
  }
}

/**
 * The two-level due-time index of docs/contract/import-export.md#c2 (see due-entry.schema.ts). A job's `due_` row
 * changes atomically with the job, so it is never stale and costs no round trip of its own. The
 * job store keeps each subscription's marker no later than its earliest due row: a write setting an
 * earlier due time writes the new marker first (`mark`) and records it in the subscription's
 * `meta` row in the same transaction, and every write setting a due time goes through that row, so
 * the sweeper cannot move the marker past a due row it has not seen.
 */
export class TableDueIndex implements DueIndex {
  constructor(
    private readonly jobs: () => Promise<TableClient>,
    private readonly markers: () => Promise<TableClient>,
    private readonly meta: SubscriptionMeta,
  ) {}

  /** Writes a subscription's marker at `at` (before the write that records it). */
  async mark(subscriptionId: string, at: Date): Promise<void> {
    const client = await this.markers();
    const row = {
      partitionKey: MARKERS,
      rowKey: markerRowKey(subscriptionId, at),
      SubscriptionId: subscriptionId,
      MarkerAt: at.toISOString(),
    };
    await guarded(() => client.upsertEntity(row, 'Replace'));
  }

  /**
   * The due rows of every subscription whose marker is due by `now`, a subscription at a time.
   * Once the caller has handled a page and asks for the next, that subscription's marker moves on
   * to its new earliest due row; a sweep that stops earlier leaves the marker for the next one.
   */
  async *pages(now: Date): AsyncIterable<DueEntry[]> {
    const markers = await this.markers();
    const filter = `PartitionKey eq ${literal(MARKERS)} and RowKey lt ${literal(`${now.toISOString()}~`)}`;
    for await (const page of pagesOf(markers, filter)) {
      for (const raw of page) {
        const marker = MarkerRowSchema.parse(raw);
        const entries = await this.dueRows(marker.SubscriptionId, now);
        if (entries.length > 0) yield entries;
        await this.advance(marker.SubscriptionId, marker.rowKey, marker.etag);
      }
    }
  }

  /** Removes a due row that no longer matches its job (only as read: never a rewritten one). */
  async drop(entry: DueEntry): Promise<boolean> {
    const client = await this.jobs();
    return guarded(async () => {
      try {
        await client.deleteEntity(entry.subscriptionId, dueRowKey(entry.name, entry.dueAt), {
          etag: entry.etag,
        });
        return true;
      } catch (err) {
        const status = statusOf(err);
        if (status === 404 || status === 412) return false;
        throw err;
      }
    });
  }

  private async dueRows(subscriptionId: string, upTo: Date): Promise<DueEntry[]> {
    const client = await this.jobs();
    const filter = `PartitionKey eq ${literal(subscriptionId)} and RowKey ge 'due_' and RowKey lt ${literal(`due_${upTo.toISOString()}~`)}`;
    const entries: DueEntry[] = [];
    for await (const page of pagesOf(client, filter)) {
      for (const raw of page) {
        const row = DueRowSchema.parse(raw);
        entries.push({ subscriptionId, name: row.Name, dueAt: new Date(row.DueAt), etag: row.etag });
      }
    }
    return entries;
  }

  /** The subscription's earliest due time now, or undefined when it has no timed job. */
  private async earliest(subscriptionId: string): Promise<Date | undefined> {
    const client = await this.jobs();
    const filter = `PartitionKey eq ${literal(subscriptionId)} and RowKey ge 'due_' and RowKey lt 'due_~'`;
    for await (const page of pagesOf(client, filter)) {
      const first = page[0];
      if (first) return new Date(DueRowSchema.parse(first).DueAt);
      break;
    }
    return undefined;
  }

  /**
   * Moves a subscription's marker to its earliest due row: the new marker first, then the `meta`
   * row, conditional on the version read before looking (a write in between moves it on, and the
   * sweeper looks again), and the old marker last, so some marker always covers every due row.
   */
  private async advance(subscriptionId: string, markerKey: string, markerEtag: string): Promise<void> {
    for (let attempt = 0; attempt < ADVANCE_ATTEMPTS; attempt++) {
      const read = await this.meta.fresh(subscriptionId);
      const next = await this.earliest(subscriptionId);
      if (next) await this.mark(subscriptionId, next);
      if (!(await this.meta.setMarker(subscriptionId, read, next))) continue;
      if (next === undefined || markerRowKey(subscriptionId, next) !== markerKey) {
        const client = await this.markers();
        await client.deleteEntity(MARKERS, markerKey, { etag: markerEtag }).catch(() => undefined);
      }
      return;
    }
  }
}
