import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { DueItem, SchedulerDueIndex } from '../../scheduler/execution/due-index-port';
import type { CollectionRef } from '../../scheduler/model';
import { nameKey } from '../../scheduler/names';
import { guarded, isNotFound, statusOf } from '../store-errors';
import { literal } from './list-filter';
import { subKey } from './scheduler-rows';

interface DueRow {
  partitionKey: string;
  rowKey: string;
  etag: string;
  Sub: string;
  Cs: string;
  Jc: string;
  Job: string;
  At: string;
}

/** ISO 8601 instants of one format sort as they compare, so a due range is one RowKey range. */
const rowKeyOf = (ref: CollectionRef, jobId: string, at: Date) =>
  `${at.toISOString()}|${subKey(ref.subscriptionId)}|${nameKey(ref.cloudService)}|${nameKey(ref.jobCollection)}|${nameKey(jobId)}`;

/**
 * The Scheduler's due-time index on Table Storage: one partition, one row per (job, due time).
 * A single partition serves a few thousand operations a second, well above the executions per
 * second this service targets; see docs/scheduler-execution.md for the sharding it would take next.
 * The executor's index is partition `due`; history retention keeps its own in `hist`.
 */
export class TableSchedulerDueIndex implements SchedulerDueIndex {
  constructor(
    private readonly table: () => Promise<TableClient>,
    private readonly partition: 'due' | 'hist' = 'due',
  ) {}

  async put(ref: CollectionRef, jobId: string, at: Date): Promise<DueItem> {
    const client = await this.table();
    const written = await guarded(() => client.upsertEntity(this.row(ref, jobId, at), 'Replace'));
    return { ref, jobId, at, etag: written.etag ?? '*' };
  }

  private row(ref: CollectionRef, jobId: string, at: Date): Omit<DueRow, 'etag'> {
    return {
      partitionKey: this.partition,
      rowKey: rowKeyOf(ref, jobId, at),
      Sub: ref.subscriptionId,
      Cs: ref.cloudService,
      Jc: ref.jobCollection,
      Job: jobId,
      At: at.toISOString(),
    };
  }

  async due(upTo: Date, limit: number): Promise<DueItem[]> {
    const client = await this.table();
    const filter = `PartitionKey eq '${this.partition}' and RowKey lt ${literal(`${upTo.toISOString()}~`)}`;
    return guarded(async () => {
      const items: DueItem[] = [];
      const pages = client
        .listEntities<Omit<DueRow, 'etag'>>({ queryOptions: { filter } })
        .byPage({ maxPageSize: limit });
      for await (const page of pages) {
        for (const row of page) {
          if (items.length >= limit) break;
          items.push({
            ref: { subscriptionId: row.Sub, cloudService: row.Cs, jobCollection: row.Jc },
            jobId: row.Job,
            at: new Date(row.At),
            etag: row.etag,
          });
        }
        break;
      }
      return items;
    });
  }

  async drop(items: readonly DueItem[]): Promise<void> {
    const client = await this.table();
    const keyOf = (item: DueItem) => rowKeyOf(item.ref, item.jobId, item.at);
    const unique = [...new Map(items.map((i) => [keyOf(i), i])).values()];
    if (unique.length > 1) {
      // One round trip for all of them (one partition); one of them gone already: one by one. A
      // transaction's delete takes no ETag, and needs none here: retention drops rows it has just
      // made stale (the job removed, the history trimmed and re-armed).
      const actions = unique.map((i): TransactionAction => [
        'delete',
        { partitionKey: this.partition, rowKey: keyOf(i) },
      ]);
      try {
        await guarded(() => client.submitTransaction(actions));
        return;
      } catch (err) {
        if (!isNotFound(err) && statusOf(err) !== 412 && statusOf(err) !== 400) throw err;
      }
    }
    for (const item of unique) {
      await guarded(async () => {
        try {
          await client.deleteEntity(this.partition, keyOf(item), { etag: item.etag });
        } catch (err) {
          // Gone already, or rewritten by a job write since it was read: either way not ours to remove.
          if (!isNotFound(err) && statusOf(err) !== 412) throw err;
        }
      });
    }
  }

  async move(item: DueItem, to: Date | undefined): Promise<void> {
    if (!to) return this.drop([item]);
    if (to.getTime() === item.at.getTime()) return;
    const client = await this.table();
    const next = this.row(item.ref, item.jobId, to);
    try {
      await guarded(() =>
        client.submitTransaction([
          ['upsert', next, 'Replace'],
          ['delete', { partitionKey: this.partition, rowKey: rowKeyOf(item.ref, item.jobId, item.at) }],
        ]),
      );
    } catch (err) {
      // The old row went meanwhile (another executor met it as stale): the new one is still owed.
      if (!isNotFound(err)) throw err;
      await guarded(() => client.upsertEntity(next, 'Replace'));
    }
  }
}
