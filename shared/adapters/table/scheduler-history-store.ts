import type { TableClient } from '@azure/data-tables';
import { literal } from './list-filter';
import { guarded, isNotFound, statusOf } from '../store-errors';
import type { JobHistoryReader, JobHistoryWriter } from '../../scheduler/job-store';
import type { CollectionRef, HistoryStatus, JobHistoryEntry, JobState } from '../../scheduler/model';
import { nameKey } from '../../scheduler/names';
import { collectionPartition, prefixEnd } from './scheduler-rows';

const historyPartition = (ref: CollectionRef, jobId: string) =>
  `${collectionPartition(ref)}|${nameKey(jobId)}`;

/** Newest first: rows are keyed by the inverted end time, then the attempt's key. */
const rowKeyOf = (entry: JobHistoryEntry, key: string) =>
  `${String(9_999_999_999_999 - Date.parse(entry.endTime)).padStart(13, '0')}|${key}`;

/** Job history on Table Storage: one partition per job (docs/classic-scheduler.md#d8). */
export class TableSchedulerHistory implements JobHistoryReader, JobHistoryWriter {
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
