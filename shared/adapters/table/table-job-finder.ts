import type { TableClient } from '@azure/data-tables';
import type { AttentionQuery, JobFinder } from '../../import-export/datacenter/ports';
import type { JobSummary } from '../../import-export/model/model';
import type { JobRows } from './job-rows';
import { literal, rowsFrom } from './list-filter';
import { guarded } from '../store-errors';

/** List rows are keyed `list_<account>_...`; account names are lower-case letters and digits, all before `~`. */
const LIST_ROWS = rowsFrom('list_');

/** The OData filter of one page of the operators' worklist. */
function attentionFilter(q: AttentionQuery): string {
  const wanted = [
    ...q.states.map((s) => `State eq ${literal(s)}`),
    ...(q.withAlerts ? ['AlertCount gt 0'] : []),
  ];
  const parts = [LIST_ROWS, `ExpireAt gt ${literal(q.now)}`, `(${wanted.join(' or ')})`];
  if (q.after) {
    const p = literal(q.after.partition);
    parts.push(`(PartitionKey gt ${p} or (PartitionKey eq ${p} and RowKey gt ${literal(q.after.row)}))`);
  }
  return parts.join(' and ');
}

/**
 * Jobs across subscriptions from the list rows of the jobs table (docs/contract/import-export.md#b, GET /operator/jobs).
 * This is a query over every partition: the worklist is an operator's occasional read, and it
 * costs in proportion to the jobs the service holds, which the timers (docs/contract/import-export.md#c2) keep bounded.
 */
export class TableJobFinder implements JobFinder {
  constructor(
    private readonly table: () => Promise<TableClient>,
    private readonly rows: JobRows,
  ) {}

  async needingAttention(
    q: AttentionQuery,
  ): Promise<{ jobs: JobSummary[]; cursor?: { partition: string; row: string } }> {
    const client = await this.table();
    const found: { partition: string; row: string; job: JobSummary }[] = [];
    const pages = client
      .listEntities({ queryOptions: { filter: attentionFilter(q) } })
      .byPage({ maxPageSize: Math.min(q.limit + 1, 1000) });
    await guarded(async () => {
      for await (const page of pages) {
        for (const e of page)
          found.push({
            partition: e.partitionKey ?? '',
            row: e.rowKey ?? '',
            job: this.rows.fromListRow(e).value,
          });
        if (found.length > q.limit) break;
      }
    });
    const jobs = found.slice(0, q.limit);
    const last = jobs[jobs.length - 1];
    return {
      jobs: jobs.map((f) => f.job),
      ...(found.length > q.limit && last && { cursor: { partition: last.partition, row: last.row } }),
    };
  }
}
