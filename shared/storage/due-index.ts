import type { TableClient, TableEntity } from '@azure/data-tables';
import type { Job } from '../domain/model';
import type { DueEntry, DueIndex } from '../domain/ports';
import { dueTime } from '../domain/timers';
import { DueRowSchema } from '../schemas/due-entry.schema';
import { literal } from './list-filter';
import { guarded, isUnavailable, statusOf, unavailable } from './store-errors';

/**
 * One partition holds the whole index, so "due by now" is a single RowKey range. Entries change
 * only when a job's due time does (a state change, an update while Creating), far below the
 * throughput of one partition for a service of this kind.
 */
export const DUE_PARTITION = 'due';
const PAGE_SIZE = 1000;

/** ISO 8601 times of one format sort as they compare; `_` sorts before the `~` bound below. */
export const dueRowKey = (subscriptionId: string, name: string, dueAt: Date): string =>
  `${dueAt.toISOString()}_${subscriptionId}_${name.toLowerCase()}`;

export const dueEntity = (job: Pick<Job, 'SubscriptionId' | 'Name'>, dueAt: Date): TableEntity => ({
  partitionKey: DUE_PARTITION,
  rowKey: dueRowKey(job.SubscriptionId, job.Name, dueAt),
  SubscriptionId: job.SubscriptionId,
  Name: job.Name,
  DueAt: dueAt.toISOString(),
});

const keyOf = (job: Job | undefined): string | undefined => {
  const at = job && dueTime(job);
  return job && at && dueRowKey(job.SubscriptionId, job.Name, at);
};

/**
 * The due-time index of SPEC C.2 on its own table. The job store calls `prepare` before each job
 * write and `settle` after it succeeds: the entry for the new due time exists before the job says
 * so, and the entry for the old one goes once it no longer does. A crash in between leaves a stale
 * entry, which the sweeper recognises (it re-reads the job) and drops.
 */
export class TableDueIndex implements DueIndex {
  constructor(private readonly table: () => Promise<TableClient>) {}

  async prepare(before: Job | undefined, after: Job | undefined): Promise<void> {
    const at = after && dueTime(after);
    if (!after || !at || keyOf(after) === keyOf(before)) return;
    const client = await this.table();
    await guarded(() => client.upsertEntity(dueEntity(after, at), 'Replace'));
  }

  /**
   * Best effort: the job write has succeeded, and a client must not be told otherwise because
   * an index entry, now merely stale, could not be removed.
   */
  async settle(before: Job | undefined, after: Job | undefined): Promise<void> {
    const key = keyOf(before);
    if (key === undefined || key === keyOf(after)) return;
    try {
      const client = await this.table();
      await client.deleteEntity(DUE_PARTITION, key);
    } catch {
      // Stale now; the sweeper drops it when it comes due.
    }
  }

  async *pages(now: Date): AsyncIterable<DueEntry[]> {
    const client = await this.table();
    const filter = `PartitionKey eq ${literal(DUE_PARTITION)} and RowKey lt ${literal(`${now.toISOString()}~`)}`;
    try {
      for await (const page of client
        .listEntities({ queryOptions: { filter } })
        .byPage({ maxPageSize: PAGE_SIZE })) {
        yield page.map((raw) => {
          const row = DueRowSchema.parse(raw);
          return {
            subscriptionId: row.SubscriptionId,
            name: row.Name,
            dueAt: new Date(row.DueAt),
            etag: row.etag,
          };
        });
      }
    } catch (err) {
      throw isUnavailable(err) ? unavailable() : err;
    }
  }

  async drop(entry: DueEntry): Promise<boolean> {
    const client = await this.table();
    const key = dueRowKey(entry.subscriptionId, entry.name, entry.dueAt);
    return guarded(async () => {
      try {
        await client.deleteEntity(DUE_PARTITION, key, { etag: entry.etag });
        return true;
      } catch (err) {
        const status = statusOf(err);
        if (status === 404 || status === 412) return false;
        throw err;
      }
    });
  }
}
