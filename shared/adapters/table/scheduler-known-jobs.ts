import type { TableClient } from '@azure/data-tables';
import { LruCache } from '../../kernel/lru-cache';
import type { SecretBox } from '../../kernel/secret-box';
import type { Stored } from '../../scheduler/execution/executor-ports';
import type { CollectionRef } from '../../scheduler/model';
import { guarded } from '../store-errors';
import { literal } from './list-filter';
import { collectionPartition, jobFromRow, jobRow } from './scheduler-rows';

/** Jobs whose last version this process knows (docs/scheduler-execution.md#storage-cost): about 2 KB each. */
const KNOWN_JOBS = 10_000;
/** Row keys per prefetch query: Table Storage allows 15 comparisons in a filter, one is the partition. */
const PREFETCH_CHUNK = 14;

const keyOf = (ref: CollectionRef, jobId: string) => `${collectionPartition(ref)}/${jobRow(jobId)}`;

/**
 * The last version of each job this process wrote or read, least recently used out first: where
 * the executor's claims start (docs/scheduler-execution.md#one-attempt). A version may be stale
 * (another process wrote since); it is only ever the start of an ETag-conditional write.
 */
export class KnownJobs {
  private readonly known = new LruCache<string, Stored>(KNOWN_JOBS);

  constructor(
    private readonly table: () => Promise<TableClient>,
    private readonly box: SecretBox,
  ) {}

  get(ref: CollectionRef, jobId: string): Stored | undefined {
    return this.known.get(keyOf(ref, jobId));
  }

  /** Keeps a copy: callers' later changes to their objects never reach the cache. */
  remember(ref: CollectionRef, stored: Stored): Stored {
    const copy = { job: structuredClone(stored.job), etag: stored.etag };
    this.known.set(keyOf(ref, stored.job.id), copy);
    return copy;
  }

  forget(ref: CollectionRef, jobId: string): void {
    this.known.delete(keyOf(ref, jobId));
  }

  /**
   * Reads the jobs not known yet, 14 of one collection to a query, all queries at once, so that
   * the visits of a read-ahead window start from them instead of reading one by one.
   */
  async prefetch(jobs: readonly { ref: CollectionRef; jobId: string }[]): Promise<void> {
    const unknown = new Map<string, { ref: CollectionRef; rowKeys: Set<string> }>();
    for (const { ref, jobId } of jobs) {
      if (this.known.has(keyOf(ref, jobId))) continue;
      const pk = collectionPartition(ref);
      const group = unknown.get(pk) ?? { ref, rowKeys: new Set<string>() };
      group.rowKeys.add(jobRow(jobId));
      unknown.set(pk, group);
    }
    const queries: { ref: CollectionRef; filter: string }[] = [];
    for (const [pk, { ref, rowKeys }] of unknown) {
      const all = [...rowKeys];
      for (let i = 0; i < all.length; i += PREFETCH_CHUNK) {
        const keys = all.slice(i, i + PREFETCH_CHUNK).map((rk) => `RowKey eq ${literal(rk)}`);
        queries.push({ ref, filter: `PartitionKey eq ${literal(pk)} and (${keys.join(' or ')})` });
      }
    }
    const client = await this.table();
    await Promise.all(
      queries.map(({ ref, filter }) =>
        guarded(async () => {
          for await (const row of client.listEntities<{ Data: string; Secrets?: string }>({
            queryOptions: { filter },
          }))
            this.remember(ref, { job: jobFromRow(this.box, row), etag: row.etag });
        }),
      ),
    );
  }
}
