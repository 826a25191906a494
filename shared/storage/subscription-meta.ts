import type { TableClient, TransactionAction } from '@azure/data-tables';
import { ServiceError } from '../domain/errors';
import { AccountCountsSchema, MetaRowSchema } from '../schemas/job-entity.schema';
import { guarded, isNotFound } from './store-errors';

export const META_ROW = 'meta';
const CACHE_LIMIT = 10_000;

/** A subscription's counters; `etag` is undefined while the row does not exist yet. */
export interface Meta {
  etag?: string;
  activeJobs: number;
  accounts: Record<string, number>;
}

export interface MetaChange {
  activeDelta: number;
  account: string;
  accountDelta: number;
  activeJobLimit: number;
}

export const changesMeta = (c: MetaChange): boolean => c.activeDelta !== 0 || c.accountDelta !== 0;

/**
 * The `meta` row of a subscription (SPEC D.3): its active-job count and its jobs per storage account.
 * Writes that change them include the row in their transaction, conditional on the ETag read, so the
 * quota holds under any concurrency. The last version seen is cached: a stale cache only costs a
 * failed transaction and a re-read, never a wrong count.
 */
export class SubscriptionMeta {
  private readonly cache = new Map<string, Meta>();

  constructor(private readonly table: () => Promise<TableClient>) {}

  async current(subscriptionId: string): Promise<Meta> {
    const cached = this.cache.get(subscriptionId);
    if (cached) return cached;
    const client = await this.table();
    const meta = await guarded(async () => {
      try {
        const row = MetaRowSchema.parse(await client.getEntity(subscriptionId, META_ROW));
        return {
          etag: row.etag,
          activeJobs: row.ActiveJobs,
          accounts: AccountCountsSchema.parse(JSON.parse(row.Accounts)),
        };
      } catch (err) {
        if (isNotFound(err)) return { activeJobs: 0, accounts: {} };
        throw err;
      }
    });
    this.remember(subscriptionId, meta);
    return meta;
  }

  forget(subscriptionId: string): void {
    this.cache.delete(subscriptionId);
  }

  remember(subscriptionId: string, meta: Meta): void {
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(subscriptionId, meta);
  }

  /** The counters after a change, refusing one that would exceed the active-job limit. */
  apply(meta: Meta, c: MetaChange): Meta {
    if (c.activeDelta > 0 && meta.activeJobs + c.activeDelta > c.activeJobLimit) {
      throw new ServiceError(
        'ActiveJobQuotaExceeded',
        `A subscription may have at most ${c.activeJobLimit} active jobs.`,
        `${meta.activeJobs} active jobs`,
      );
    }
    const accounts = { ...meta.accounts };
    const count = (accounts[c.account] ?? 0) + c.accountDelta;
    if (count > 0) accounts[c.account] = count;
    else delete accounts[c.account];
    return {
      ...(meta.etag !== undefined && { etag: meta.etag }),
      activeJobs: Math.max(0, meta.activeJobs + c.activeDelta),
      accounts,
    };
  }

  action(subscriptionId: string, before: Meta, after: Meta): TransactionAction {
    const row = {
      partitionKey: subscriptionId,
      rowKey: META_ROW,
      ActiveJobs: after.activeJobs,
      Accounts: JSON.stringify(after.accounts),
    };
    return before.etag === undefined ? ['create', row] : ['update', row, 'Replace', { etag: before.etag }];
  }
}
