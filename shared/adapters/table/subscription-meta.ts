import type { TableClient, TransactionAction } from '@azure/data-tables';
import { ImportExportError } from '../../import-export/model/errors';
import { isActive } from '../../import-export/model/job-states';
import type { Job } from '../../import-export/model/model';
import { AccountCountsSchema, MetaRowSchema } from './job-entity.schema';
import { dueSet } from './due-rows';
import { guarded, isNotFound, statusOf } from '../store-errors';

export const META_ROW = 'meta';
const CACHE_LIMIT = 10_000;

/** A subscription's counters; `etag` is undefined while the row does not exist yet. */
export interface Meta {
  etag?: string;
  activeJobs: number;
  accounts: Record<string, number>;
  /** When the subscription's marker in the global due-time index falls (see due-index.ts). */
  dueMarker?: Date;
}

export interface MetaChange {
  activeDelta: number;
  account: string;
  accountDelta: number;
  activeJobLimit: number;
  /** The due time a write sets (a new `due_` row), which the subscription's marker must not pass. */
  dueAt?: Date;
}

export const changesMeta = (c: MetaChange): boolean =>
  c.activeDelta !== 0 || c.accountDelta !== 0 || c.dueAt !== undefined;

/** What a write turning `before` into `after` does to its subscription's `meta` row. */
export function changeOf(
  before: Job | undefined,
  after: Job | undefined,
  activeJobLimit: number,
): MetaChange {
  const job = (after ?? before)!;
  const dueAt = dueSet(before, after);
  return {
    activeDelta:
      Number(after !== undefined && isActive(after.State)) -
      Number(before !== undefined && isActive(before.State)),
    account: job.StorageAccountName,
    accountDelta: Number(after !== undefined) - Number(before !== undefined),
    activeJobLimit,
    ...(dueAt && { dueAt }),
  };
}

/** Whether `after` lowers the subscription's marker: the global index needs the new one first. */
export const lowersMarker = (before: Meta, after: Meta): boolean =>
  after.dueMarker !== undefined && after.dueMarker.getTime() !== before.dueMarker?.getTime();

function parse(raw: unknown): Meta {
  const row = MetaRowSchema.parse(raw);
  return {
    etag: row.etag,
    activeJobs: row.ActiveJobs,
    accounts: AccountCountsSchema.parse(JSON.parse(row.Accounts)),
    ...(row.DueMarker && { dueMarker: new Date(row.DueMarker) }),
  };
}

/**
 * The `meta` row of a subscription (docs/contract/import-export.md#d3, #c2): its active-job count, its jobs per storage
 * account, and its due-time marker. Writes that change them, or set a due time the marker must
 * cover, include the row in their transaction, conditional on the ETag read, so the quota and the
 * index hold under any concurrency. The last version seen is cached: a stale cache only costs a
 * failed transaction and a re-read, never a wrong count.
 */
export class SubscriptionMeta {
  private readonly cache = new Map<string, Meta>();

  constructor(private readonly table: () => Promise<TableClient>) {}

  async current(subscriptionId: string): Promise<Meta> {
    const cached = this.cache.get(subscriptionId);
    if (cached) return cached;
    const meta = await this.read(subscriptionId);
    this.remember(subscriptionId, meta);
    return meta;
  }

  /** The row as stored now, bypassing (and refreshing) the cache. */
  async fresh(subscriptionId: string): Promise<Meta> {
    this.forget(subscriptionId);
    return this.current(subscriptionId);
  }

  forget(subscriptionId: string): void {
    this.cache.delete(subscriptionId);
  }

  remember(subscriptionId: string, meta: Meta): void {
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(subscriptionId, meta);
  }

  /** The row after a change, refusing one that would exceed the active-job limit. */
  apply(meta: Meta, c: MetaChange): Meta {
    if (c.activeDelta > 0 && meta.activeJobs + c.activeDelta > c.activeJobLimit) {
      throw new ImportExportError(
        'ActiveJobQuotaExceeded',
        `A subscription may have at most ${c.activeJobLimit} active jobs.`,
        `${meta.activeJobs} active jobs`,
      );
    }
    const accounts = { ...meta.accounts };
    const count = (accounts[c.account] ?? 0) + c.accountDelta;
    if (count > 0) accounts[c.account] = count;
    else delete accounts[c.account];
    const lower = c.dueAt !== undefined && (meta.dueMarker === undefined || c.dueAt < meta.dueMarker);
    const dueMarker = lower ? c.dueAt : meta.dueMarker;
    return {
      ...(meta.etag !== undefined && { etag: meta.etag }),
      activeJobs: Math.max(0, meta.activeJobs + c.activeDelta),
      accounts,
      ...(dueMarker && { dueMarker }),
    };
  }

  action(subscriptionId: string, before: Meta, after: Meta): TransactionAction {
    const row = {
      partitionKey: subscriptionId,
      rowKey: META_ROW,
      ActiveJobs: after.activeJobs,
      Accounts: JSON.stringify(after.accounts),
      DueMarker: after.dueMarker?.toISOString() ?? '',
    };
    return before.etag === undefined ? ['create', row] : ['update', row, 'Replace', { etag: before.etag }];
  }

  /** Moves the marker time as the sweeper does, conditional on the version read (false: it moved on). */
  async setMarker(subscriptionId: string, read: Meta, at: Date | undefined): Promise<boolean> {
    if (read.etag === undefined) return true;
    const client = await this.table();
    this.forget(subscriptionId);
    return guarded(async () => {
      try {
        await client.updateEntity(
          { partitionKey: subscriptionId, rowKey: META_ROW, DueMarker: at?.toISOString() ?? '' },
          'Merge',
          { etag: read.etag },
        );
        return true;
      } catch (err) {
        const status = statusOf(err);
        if (status === 412 || status === 404) return false;
        throw err;
      }
    });
  }

  private async read(subscriptionId: string): Promise<Meta> {
    const client = await this.table();
    return guarded(async () => {
      try {
        return parse(await client.getEntity(subscriptionId, META_ROW));
      } catch (err) {
        if (isNotFound(err)) return { activeJobs: 0, accounts: {} };
        throw err;
      }
    });
  }
}
