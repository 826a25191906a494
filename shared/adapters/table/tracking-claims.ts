import { createHash } from 'node:crypto';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { Job } from '../../import-export/model/model';
import { trackingClaimOf, trackingNumberInUse } from '../../import-export/model/tracking-numbers';
import { escapeSeparators } from './chunks';
import { guarded, isNotFound } from '../store-errors';

/** Hashed, so that any tracking number (free text) makes a valid, bounded RowKey. */
const claimRowKey = (trackingNumber: string): string =>
  `track_${createHash('sha256').update(trackingNumber).digest('hex')}`;

interface ClaimRow {
  etag: string;
  /** The holder's job name, lower-case, and as spelled. */
  Job?: string;
  JobName?: string;
}

/**
 * Unique tracking numbers among a subscription's active jobs (docs/contract/import-export.md#a7), held under concurrency:
 * a `track_<hash>` row names the job that holds a number, and changes in the same entity-group
 * transaction as that job, conditional on what was read. Two jobs racing for one number cannot
 * both commit; the loser re-reads and finds the number taken.
 */
export class TrackingClaims {
  constructor(
    private readonly table: () => Promise<TableClient>,
    /** Whether a job, as stored now, still holds `claim` (a row left by a failed write may not). */
    private readonly holds: (subscriptionId: string, jobName: string, claim: string) => Promise<boolean>,
  ) {}

  /** The claim rows' part of a write that turns `before` into `after` (either absent for a create or delete). */
  async actions(before: Job | undefined, after: Job | undefined): Promise<TransactionAction[]> {
    const held = before && trackingClaimOf(before);
    const wanted = after && trackingClaimOf(after);
    if (held === wanted) return [];
    const out: TransactionAction[] = [];
    if (before && held !== undefined) {
      const row = await this.read(before.SubscriptionId, held);
      // Deleting in a transaction cannot be conditional; the job row's own condition covers it,
      // since no other job can take a number while this job's current version holds it.
      if (row?.Job === before.Name.toLowerCase())
        out.push(['delete', { partitionKey: before.SubscriptionId, rowKey: claimRowKey(held) }]);
    }
    if (after && wanted !== undefined) out.push(await this.acquire(after, wanted));
    return out;
  }

  private async acquire(job: Job, claim: string): Promise<TransactionAction> {
    const entity = {
      partitionKey: job.SubscriptionId,
      rowKey: claimRowKey(claim),
      Job: job.Name.toLowerCase(),
      JobName: job.Name,
      TrackingNumber: escapeSeparators(claim),
    };
    const row = await this.read(job.SubscriptionId, claim);
    if (!row) return ['create', entity];
    const holder = row.Job;
    if (holder && holder !== entity.Job && (await this.holds(job.SubscriptionId, holder, claim))) {
      throw trackingNumberInUse(claim, row.JobName ?? holder);
    }
    return ['update', entity, 'Replace', { etag: row.etag }];
  }

  private async read(subscriptionId: string, claim: string): Promise<ClaimRow | undefined> {
    const client = await this.table();
    return guarded(async () => {
      try {
        return await client.getEntity<{ Job?: string; JobName?: string }>(subscriptionId, claimRowKey(claim));
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    });
  }
}
