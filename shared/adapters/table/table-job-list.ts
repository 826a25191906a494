import type { TableClient, TableEntityResultPage } from '@azure/data-tables';
import type { JobSummary, Versioned } from '../../import-export/model/model';
import type { JobListPage, JobListQuery } from '../../import-export/model/ports';
import type { JobRows } from './job-rows';
import { listFilter, literal, partitionRows } from './list-filter';
import { guarded } from '../store-errors';

/** Table Storage's bound on the comparisons of one filter. */
const MAX_COMPARISONS = 15;
const comparisons = (filter: string): number => filter.match(/ (?:eq|ne|gt|ge|lt|le) /g)?.length ?? 0;

type Row = Record<string, unknown> & { rowKey?: string; etag?: string };

/**
 * The rows of one List Jobs page (docs/contract/import-export.md#a10): the filter runs in the Table query, pages
 * follow the service's continuation until `limit` rows are found. More jobs remain when the service
 * still has a continuation; at worst the next page is empty, but a full page costs one request,
 * not a second one to look ahead. `select` reads only those properties (the ETag comes always).
 */
async function pageRows(client: TableClient, filter: string, limit: number, select?: string[]) {
  const found: Row[] = [];
  let continuationToken: string | undefined;
  do {
    const pages = client.listEntities({ queryOptions: { filter, ...(select && { select }) } }).byPage({
      maxPageSize: Math.min(limit - found.length, 1000),
      ...(continuationToken && { continuationToken }),
    });
    const next: IteratorResult<TableEntityResultPage<Row>> = await pages.next();
    if (next.done) break;
    found.push(...next.value);
    continuationToken = next.value.continuationToken;
  } while (continuationToken && found.length < limit);
  return { found, continuationToken };
}

/** Every row of a filter, all pages. */
async function allRows(client: TableClient, filter: string): Promise<Row[]> {
  const out: Row[] = [];
  for await (const row of client.listEntities<Row>({ queryOptions: { filter } })) out.push(row);
  return out;
}

/**
 * One List Jobs page. A page (account and position) a process lists the first time reads the rows
 * whole. After that (a client polling its list) the page is read by keys and ETags only, a
 * quarter of the bytes, and only the rows whose version this process has not parsed yet are read
 * whole: by key, up to the filter's comparison budget, else the range they span. Every row of the
 * page is read after the request arrived, so the page is as fresh as a whole read; a row that
 * changed between the two reads is shown as it now is, or left out if it no longer matches.
 */
export async function listJobs(
  client: TableClient,
  rows: JobRows,
  q: JobListQuery,
  warm: boolean,
): Promise<JobListPage> {
  const filter = listFilter(q);
  const { jobs, keys, continuationToken } = await guarded(async () => {
    if (!warm) {
      const whole = await pageRows(client, filter, q.limit);
      return { ...whole, keys: whole.found, jobs: whole.found.map((row) => rows.fromListRow(row)) };
    }
    const read = await pageRows(client, filter, q.limit, ['RowKey']);
    const known = read.found.map((k) =>
      rows.cachedSummary({ partitionKey: q.subscriptionId, rowKey: k.rowKey, etag: k.etag }),
    );
    const missing = read.found.filter((_, i) => known[i] === undefined).map((k) => k.rowKey ?? '');
    let fresh = new Map<string | undefined, Row>();
    if (missing.length > 0) {
      const which =
        missing.length <= MAX_COMPARISONS - comparisons(filter)
          ? `(${missing.map((key) => `RowKey eq ${literal(key)}`).join(' or ')})`
          : `RowKey ge ${literal(missing[0]!)} and RowKey le ${literal(missing[missing.length - 1]!)}`;
      fresh = new Map((await allRows(client, `${filter} and ${which}`)).map((r) => [r.rowKey, r]));
    }
    const page = read.found.flatMap((k, i) => {
      const row = fresh.get(k.rowKey);
      const job = row ? rows.fromListRow(row) : known[i];
      return job ? [job] : [];
    });
    return { jobs: page, keys: read.found, continuationToken: read.continuationToken };
  });
  const last = keys[keys.length - 1];
  return { jobs, ...(continuationToken && last && { cursor: last.rowKey ?? '' }) };
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
