import type { TableClient, TableEntityResultPage } from '@azure/data-tables';
import type { JobSummary, Versioned } from '../../import-export/model/model';
import type { JobListPage, JobListQuery } from '../../import-export/model/ports';
import type { JobRows } from './job-rows';
import { listFilter, literal, partitionRows } from './list-filter';
import { guarded } from '../store-errors';

/**
 * One List Jobs page from the list rows (docs/contract/import-export.md#a10): the filter runs in the Table query, pages
 * follow the service's continuation until `limit` jobs are found. More jobs remain when the service
 * still has a continuation; at worst the next page is empty, but a full page costs one request,
 * not a second one to look ahead.
 */
export async function listJobs(client: TableClient, rows: JobRows, q: JobListQuery): Promise<JobListPage> {
  const found: { rowKey: string; job: Versioned<JobSummary> }[] = [];
  const filter = listFilter(q);
  let continuationToken: string | undefined;
  await guarded(async () => {
    do {
      const pages = client.listEntities({ queryOptions: { filter } }).byPage({
        maxPageSize: Math.min(q.limit - found.length, 1000),
        ...(continuationToken && { continuationToken }),
      });
      const next: IteratorResult<TableEntityResultPage<Record<string, unknown>>> = await pages.next();
      if (next.done) break;
      const page = next.value;
      for (const entity of page) found.push({ rowKey: entity.rowKey ?? '', job: rows.fromListRow(entity) });
      continuationToken = page.continuationToken;
    } while (continuationToken && found.length < q.limit);
  });
  const last = found[found.length - 1];
  return { jobs: found.map((f) => f.job), ...(continuationToken && last && { cursor: last.rowKey }) };
}

/** Every live list row of a subscription, all storage accounts (`list_` up to `list_~`). */
export async function listSummaries(
  client: TableClient,
  rows: JobRows,
  subscriptionId: string,
  now: Date,
): Promise<Versioned<JobSummary>[]> {
  const filter = `${partitionRows(subscriptionId, 'list_')} and ExpireAt gt ${literal(now)}`;
  return guarded(async () => {
    const out: Versioned<JobSummary>[] = [];
    for await (const entity of client.listEntities({ queryOptions: { filter } }))
      out.push(rows.fromListRow(entity));
    return out;
  });
}
