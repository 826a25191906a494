import type { TableClient, TableTransactionResponse, TransactionAction } from '@azure/data-tables';
import { ConcurrencyConflict } from '../../kernel/errors';
import type { Job, Versioned } from '../../import-export/model/model';
import type { JobListPage, JobListQuery, JobStore, JobWrite } from '../../import-export/model/ports';
import { trackingClaimOf } from '../../import-export/model/tracking-numbers';
import type { TableDueIndex } from './due-index';
import { dueRowActions } from './due-rows';
import { lastModifiedOf } from './etag';
import { jobRowKey, listRowKey, type JobRows } from './job-rows';
import { guarded, isNotFound, statusOf } from '../store-errors';
import {
  changeOf,
  changesMeta,
  lowersMarker,
  type Meta,
  type MetaChange,
  type SubscriptionMeta,
} from './subscription-meta';
import { listJobs } from './table-job-list';
import { TrackingClaims } from './tracking-claims';

type JobRowRead = Record<string, unknown> & { etag: string; Tombstone?: boolean };

/** How often a write re-reads a stale `meta` row before leaving the race to the use case. */
const META_ATTEMPTS = 8;

/**
 * The JobStore on Table Storage (see job-entity.schema.ts for the rows). Every write is one
 * entity-group transaction, conditional on the ETags it read (docs/contract/import-export.md#d3, #d4): the job and list
 * rows, the subscription's counters, the job's due-time row (docs/contract/import-export.md#c2) and its tracking number
 * claim (docs/contract/import-export.md#a7). Only a write that moves a subscription's due-time marker earlier writes once
 * before it (the marker, see due-index.ts).
 */
export class TableJobStore implements JobStore {
  private readonly claims: TrackingClaims;

  constructor(
    private readonly table: () => Promise<TableClient>,
    private readonly rows: JobRows,
    private readonly meta: SubscriptionMeta,
    private readonly due: TableDueIndex,
  ) {
    this.claims = new TrackingClaims(table, async (sub, name, claim) => {
      const holder = await this.get(sub, name);
      return holder !== undefined && trackingClaimOf(holder.value) === claim;
    });
  }

  async get(subscriptionId: string, name: string): Promise<Versioned<Job> | undefined> {
    const raw = await this.readJobRow(subscriptionId, name);
    return raw && this.rows.fromJobRow(raw);
  }

  async write(w: JobWrite): Promise<Versioned<Job> | undefined> {
    switch (w.kind) {
      case 'create':
        return this.create(w.job, w.activeJobLimit);
      case 'update':
        return this.update(w.job, w.previous, w.activeJobLimit);
      case 'delete':
        await this.remove(w.previous);
        return undefined;
    }
  }

  async list(q: JobListQuery): Promise<JobListPage> {
    return listJobs(await this.table(), this.rows, q);
  }

  async storageAccounts(subscriptionId: string): Promise<string[]> {
    const meta = await this.meta.fresh(subscriptionId);
    return Object.keys(meta.accounts).sort();
  }

  private async create(job: Job, activeJobLimit: number): Promise<Versioned<Job>> {
    const rows = this.rows.toRows(job);
    const change = changeOf(undefined, job, activeJobLimit);
    let tombstoneEtag: string | undefined;
    for (let attempt = 0; attempt < META_ATTEMPTS; attempt++) {
      const jobAction: TransactionAction =
        tombstoneEtag === undefined
          ? ['create', rows.job]
          : ['update', rows.job, 'Replace', { etag: tombstoneEtag }];
      const claims = await this.claims.actions(undefined, job);
      const actions: TransactionAction[] = [
        jobAction,
        ['upsert', rows.list, 'Replace'],
        ...dueRowActions(undefined, job),
        ...claims,
      ];
      const result = await this.commit(job.SubscriptionId, actions, change);
      if (result) return this.versioned(job, result);
      // The name is taken, the meta row moved on, or a tombstone is in the way: find out which.
      const existing = await this.readJobRow(job.SubscriptionId, job.Name);
      if (existing && existing.Tombstone !== true) throw new ConcurrencyConflict(`job ${job.Name}`);
      tombstoneEtag = existing?.etag;
    }
    throw new ConcurrencyConflict(`subscription ${job.SubscriptionId}`);
  }

  private async update(job: Job, previous: Versioned<Job>, activeJobLimit: number): Promise<Versioned<Job>> {
    const rows = this.rows.toRows(job);
    const actions: TransactionAction[] = [
      ['update', rows.job, 'Replace', { etag: previous.etag }],
      ['upsert', rows.list, 'Replace'],
      ...dueRowActions(previous.value, job),
    ];
    const oldListKey = listRowKey(previous.value);
    if (oldListKey !== rows.list.rowKey)
      actions.push(['delete', { partitionKey: job.SubscriptionId, rowKey: oldListKey }]);
    const result = await this.retryMeta(
      previous,
      actions,
      changeOf(previous.value, job, activeJobLimit),
      job,
    );
    return this.versioned(job, result);
  }

  /** Replaces the row by a tombstone in the transaction, then removes it (see JobRows.tombstone). */
  private async remove(previous: Versioned<Job>): Promise<void> {
    const job = previous.value;
    const tombstone = this.rows.tombstone(job);
    const actions: TransactionAction[] = [
      ['update', tombstone, 'Replace', { etag: previous.etag }],
      ['delete', { partitionKey: job.SubscriptionId, rowKey: listRowKey(job) }],
      ...dueRowActions(job, undefined),
    ];
    const result = await this.retryMeta(previous, actions, changeOf(job, undefined, Infinity), undefined);
    const etag = result.subResponses[0]?.etag;
    const client = await this.table();
    await client
      .deleteEntity(job.SubscriptionId, tombstone.rowKey, etag ? { etag } : {})
      .catch(() => undefined);
  }

  /**
   * Commits a write of an existing job (into `job`, or a delete), re-reading `meta` and the
   * tracking number claims while only they are stale.
   */
  private async retryMeta(
    previous: Versioned<Job>,
    actions: TransactionAction[],
    change: MetaChange,
    job: Job | undefined,
  ): Promise<TableTransactionResponse> {
    for (let attempt = 0; attempt < META_ATTEMPTS; attempt++) {
      const claims = await this.claims.actions(previous.value, job);
      const result = await this.commit(previous.value.SubscriptionId, [...actions, ...claims], change);
      if (result) return result;
      const current = await this.readJobRow(previous.value.SubscriptionId, previous.value.Name);
      if (current?.etag !== previous.etag) throw new ConcurrencyConflict(`job ${previous.value.Name}`);
    }
    throw new ConcurrencyConflict(`subscription ${previous.value.SubscriptionId}`);
  }

  /**
   * Submits the actions, with the `meta` row when the change involves it (the marker written first
   * when it moves earlier). Answers undefined when a condition failed (409/412/404 of the
   * transaction), so the caller can tell which row moved on; the meta cache is then dropped unless
   * the failure was an existing row.
   */
  private async commit(
    subscriptionId: string,
    actions: TransactionAction[],
    change: MetaChange,
  ): Promise<TableTransactionResponse | undefined> {
    let after: Meta | undefined;
    let creatingMeta = false;
    const all = [...actions];
    if (changesMeta(change)) {
      const before = await this.meta.current(subscriptionId);
      creatingMeta = before.etag === undefined;
      after = this.meta.apply(before, change);
      if (lowersMarker(before, after) && after.dueMarker)
        await this.due.mark(subscriptionId, after.dueMarker);
      all.push(this.meta.action(subscriptionId, before, after));
    }
    const client = await this.table();
    try {
      const result = await guarded(() => client.submitTransaction(all));
      // Sub-responses come in the order of the actions; only inserts name their row.
      const metaEtag = result.subResponses[all.length - 1]?.etag;
      if (after && metaEtag) this.meta.remember(subscriptionId, { ...after, etag: metaEtag });
      return result;
    } catch (err) {
      const status = statusOf(err);
      if (status !== 409 && status !== 412 && status !== 404) throw err;
      // 409 is a row that exists: a taken name, after which the counters read may well still be
      // current, unless this write created the meta row itself.
      if (status !== 409 || creatingMeta) this.meta.forget(subscriptionId);
      return undefined;
    }
  }

  /** The job row is always the transaction's first action. */
  private versioned(job: Job, result: TableTransactionResponse): Versioned<Job> {
    const etag = result.subResponses[0]?.etag;
    if (!etag) throw new Error('the transaction response has no ETag for the job row');
    return { value: job, etag, lastModified: lastModifiedOf(etag) };
  }

  private async readJobRow(subscriptionId: string, name: string): Promise<JobRowRead | undefined> {
    const client = await this.table();
    return guarded(async () => {
      try {
        return await client.getEntity<{ Tombstone?: boolean }>(subscriptionId, jobRowKey(name));
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    });
  }
}
