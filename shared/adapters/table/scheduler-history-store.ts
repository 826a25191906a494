import type { TableClient, TransactionAction } from '@azure/data-tables';
import { literal } from './list-filter';
import { guarded, isNotFound, statusOf } from '../store-errors';
import type { JobHistoryReader, JobHistoryTrimmer, JobHistoryWriter } from '../../scheduler/job-store';
import type { CollectionRef, HistoryStatus, JobHistoryEntry, JobState } from '../../scheduler/model';
import { nameKey } from '../../scheduler/names';
import { collectionPartition, prefixEnd } from './scheduler-rows';

const historyPartition = (ref: CollectionRef, jobId: string) =>
  `${collectionPartition(ref)}|${nameKey(jobId)}`;

const INVERT = 9_999_999_999_999;
/** Newest first: rows are keyed by the inverted end time, then the attempt's key. */
const rowKeyOf = (entry: JobHistoryEntry, key: string) =>
  `${String(INVERT - Date.parse(entry.endTime)).padStart(13, '0')}|${key}`;
const endTimeOf = (rowKey: string) => new Date(INVERT - Number(rowKey.slice(0, 13))).toISOString();
/** An entity-group transaction's most actions. */
const BATCH = 100;

/** Job history on Table Storage: one partition per job (docs/classic-scheduler.md#d8). */
export class TableSchedulerHistory implements JobHistoryReader, JobHistoryWriter, JobHistoryTrimmer {
  constructor(private readonly table: () => Promise<TableClient>) {}

  async append(ref: CollectionRef, jobId: string, key: string, entry: JobHistoryEntry): Promise<void> {
    const client = await this.table();
    const row = {
      partitionKey: historyPartition(ref, jobId),
      rowKey: rowKeyOf(entry, key),
      Status: entry.status,
      State: entry.state,
      Data: JSON.stringify(entry),
    };
    try {
      await guarded(() => client.createEntity(row));
    } catch (err) {
      if (statusOf(err) !== 409) throw err;
    }
  }

  async list(
    ref: CollectionRef,
    jobId: string,
    filter: { status?: HistoryStatus; state?: JobState } = {},
  ): Promise<JobHistoryEntry[]> {
    const client = await this.table();
    const parts = [`PartitionKey eq ${literal(historyPartition(ref, jobId))}`];
    if (filter.status) parts.push(`Status eq ${literal(filter.status)}`);
    if (filter.state) parts.push(`State eq ${literal(filter.state)}`);
    return guarded(async () => {
      const out: JobHistoryEntry[] = [];
      for await (const row of client.listEntities<{ Data: string }>({
        queryOptions: { filter: parts.join(' and ') },
      }))
        out.push(JSON.parse(row.Data) as JobHistoryEntry);
      return out;
    });
  }

  /** Reads keys only: the end time is in the row key. */
  async endTimes(ref: CollectionRef, jobId: string): Promise<{ key: string; endTime: string }[]> {
    const client = await this.table();
    const filter = `PartitionKey eq ${literal(historyPartition(ref, jobId))}`;
    return guarded(async () => {
      const out: { key: string; endTime: string }[] = [];
      for await (const row of client.listEntities({ queryOptions: { filter, select: ['RowKey'] } }))
        out.push({ key: String(row.rowKey), endTime: endTimeOf(String(row.rowKey)) });
      return out;
    });
  }

  /** One transaction per 100 rows (one partition); a batch that meets a row gone already goes one by one. */
  async removeEntries(ref: CollectionRef, jobId: string, keys: readonly string[]): Promise<void> {
    const client = await this.table();
    const partitionKey = historyPartition(ref, jobId);
    for (let i = 0; i < keys.length; i += BATCH) {
      const batch = keys.slice(i, i + BATCH);
      try {
        const actions = batch.map((rowKey): TransactionAction => ['delete', { partitionKey, rowKey }]);
        await guarded(() => client.submitTransaction(actions));
        continue;
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      for (const rowKey of batch) {
        await guarded(async () => {
          try {
            await client.deleteEntity(partitionKey, rowKey);
          } catch (err) {
            if (!isNotFound(err)) throw err;
          }
        });
      }
    }
  }

  async removeJob(ref: CollectionRef, jobId: string): Promise<void> {
    await this.removeWhere(`PartitionKey eq ${literal(historyPartition(ref, jobId))}`);
  }

  async removeCollection(ref: CollectionRef): Promise<void> {
    const prefix = `${collectionPartition(ref)}|`;
    await this.removeWhere(
      `PartitionKey ge ${literal(prefix)} and PartitionKey lt ${literal(prefixEnd(prefix))}`,
    );
  }

  private async removeWhere(filter: string): Promise<void> {
    const client = await this.table();
    await guarded(async () => {
      const rows = client.listEntities({ queryOptions: { filter, select: ['PartitionKey', 'RowKey'] } });
      for await (const row of rows) {
        try {
          await client.deleteEntity(String(row.partitionKey), String(row.rowKey));
        } catch (err) {
          if (!isNotFound(err)) throw err;
        }
      }
    });
  }
}
