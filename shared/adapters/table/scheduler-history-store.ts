import type { TableClient, TableEntity } from '@azure/data-tables';
import { literal } from './list-filter';
import { guarded } from '../store-errors';
import type { JobHistoryReader, JobHistoryTrimmer, JobHistoryWriter } from '../../scheduler/job-store';
import type { CollectionRef, HistoryStatus, JobHistoryEntry, JobState } from '../../scheduler/model';
import { nameKey } from '../../scheduler/names';
import { collectionPartition, prefixEnd, removeRows } from './scheduler-rows';

const INVERT = 9_999_999_999_999;
const prefixOf = (jobId: string) => `hist|${nameKey(jobId)}|`;
/** Newest first: a job's rows are keyed by the inverted end time, then the attempt's key. */
const rowKeyOf = (jobId: string, entry: JobHistoryEntry, key: string) =>
  `${prefixOf(jobId)}${String(INVERT - Date.parse(entry.endTime)).padStart(13, '0')}|${key}`;
const endTimeOf = (rowKey: string) => {
  const inverted = rowKey.split('|')[2] ?? '';
  return new Date(INVERT - Number(inverted)).toISOString();
};

/**
 * One history entry as a row of its job's collection partition (docs/scheduler-execution.md#storage-cost),
 * so the executor writes it in the same entity-group transaction as the job's outcome.
 */
export function historyRow(
  ref: CollectionRef,
  jobId: string,
  key: string,
  entry: JobHistoryEntry,
): TableEntity {
  return {
    partitionKey: collectionPartition(ref),
    rowKey: rowKeyOf(jobId, entry, key),
    Status: entry.status,
    State: entry.state,
    Data: JSON.stringify(entry),
  };
}

/**
 * Job history on Table Storage (docs/classic-scheduler.md#d8): rows `hist|<job>|…` beside the
 * job in its collection's partition; deleting the collection's partition deletes them too.
 */
export class TableSchedulerHistory implements JobHistoryReader, JobHistoryWriter, JobHistoryTrimmer {
  constructor(private readonly table: () => Promise<TableClient>) {}

  /** Idempotent: a re-made attempt writes the same row again. */
  async append(ref: CollectionRef, jobId: string, key: string, entry: JobHistoryEntry): Promise<void> {
    const client = await this.table();
    await guarded(() => client.upsertEntity(historyRow(ref, jobId, key, entry), 'Replace'));
  }

  async list(
    ref: CollectionRef,
    jobId: string,
    filter: { status?: HistoryStatus; state?: JobState } = {},
  ): Promise<JobHistoryEntry[]> {
    const client = await this.table();
    const parts = [this.jobFilter(ref, jobId)];
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
    const filter = this.jobFilter(ref, jobId);
    return guarded(async () => {
      const out: { key: string; endTime: string }[] = [];
      for await (const row of client.listEntities({ queryOptions: { filter, select: ['RowKey'] } }))
        out.push({ key: String(row.rowKey), endTime: endTimeOf(String(row.rowKey)) });
      return out;
    });
  }

  async removeEntries(ref: CollectionRef, _jobId: string, keys: readonly string[]): Promise<void> {
    await removeRows(await this.table(), collectionPartition(ref), keys);
  }

  async removeJob(ref: CollectionRef, jobId: string): Promise<void> {
    const client = await this.table();
    const filter = this.jobFilter(ref, jobId);
    const keys: string[] = [];
    await guarded(async () => {
      for await (const row of client.listEntities({ queryOptions: { filter, select: ['RowKey'] } }))
        keys.push(String(row.rowKey));
    });
    await this.removeEntries(ref, jobId, keys);
  }

  private jobFilter(ref: CollectionRef, jobId: string): string {
    const prefix = prefixOf(jobId);
    return `PartitionKey eq ${literal(collectionPartition(ref))} and RowKey ge ${literal(prefix)} and RowKey lt ${literal(prefixEnd(prefix))}`;
  }
}
