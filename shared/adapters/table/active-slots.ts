import type { TableClient, TransactionAction } from '@azure/data-tables';
import { ImportExportError } from '../../import-export/model/errors';
import { LruCache } from '../../kernel/lru-cache';
import { SingleFlight } from '../../kernel/single-flight';
import { guarded } from '../store-errors';
import { partitionRows } from './list-filter';

const KNOWN_SUBSCRIPTIONS = 10_000;

export const slotRowKey = (slot: number): string => `slot_${String(slot).padStart(6, '0')}`;
const slotOfKey = (rowKey: string): number => Number(rowKey.slice('slot_'.length));

interface Reservation {
  job: string;
  writes: number;
}

interface Known {
  /** Slots seen taken (rows read, or claimed here); may miss releases by other instances. */
  taken: Set<number>;
  /**
   * Slots claimed by writes in flight in this process, with the job (lower-case) each starts and
   * how many of its writes share the slot: only one write can create a job, so writes creating the
   * same one share a slot and count once.
   */
  reserved: Map<number, Reservation>;
}

/** A slot picked for a write; `done` tells the allocator how the transaction ended. */
export interface SlotClaim {
  slot: number;
  action: TransactionAction;
  done(committed: boolean): void;
}

/**
 * The active-job quota of docs/contract/import-export.md#d3 without a counter row: an active job holds one of the
 * subscription's `limit` slot rows `slot_<n>` (n < limit), created in the job's own transaction
 * (which fails if another job holds it) and deleted in the transaction that ends the job's active
 * life. At most `limit` rows can exist, so the quota is exact under any concurrency; writes of
 * different jobs touch different rows and never conflict. This process hands concurrent creations
 * of different jobs distinct slots (creations of one job share one: at most one of them commits),
 * and learns the taken ones from one query per subscription, again before it refuses (other
 * instances may have released some). Exact under races for a given limit; after
 * the limit is lowered, jobs holding slots past it still count in each process's view.
 */
export class ActiveSlots {
  private readonly known = new LruCache<string, Known>(KNOWN_SUBSCRIPTIONS);
  /** First loads of a subscription, shared by the writes that arrive while one is in flight. */
  private readonly firstLoads = new SingleFlight<string, Known>();

  constructor(private readonly table: () => Promise<TableClient>) {}

  async claim(subscriptionId: string, jobName: string, limit: number): Promise<SlotClaim> {
    // A refusal reloads on its own: it must see the releases made before this request.
    let state =
      this.known.get(subscriptionId) ??
      (await this.firstLoads.run(subscriptionId, () => this.load(subscriptionId)));
    const job = jobName.toLowerCase();
    let slot = sharedBy(state, job) ?? free(state, limit);
    if (slot === undefined) {
      state = await this.load(subscriptionId);
      slot = sharedBy(state, job) ?? free(state, limit);
    }
    if (slot === undefined) {
      throw new ImportExportError(
        'ActiveJobQuotaExceeded',
        `A subscription may have at most ${limit} active jobs.`,
        `${state.taken.size} active jobs`,
      );
    }
    const claimed = slot;
    const reservation = state.reserved.get(claimed) ?? { job, writes: 0 };
    reservation.writes++;
    state.reserved.set(claimed, reservation);
    return {
      slot: claimed,
      action: ['create', { partitionKey: subscriptionId, rowKey: slotRowKey(claimed), Job: jobName }],
      // A failed transaction may have failed on this slot (taken elsewhere): count it taken until
      // the next load says otherwise.
      done: () => {
        if (--reservation.writes === 0) state.reserved.delete(claimed);
        state.taken.add(claimed);
      },
    };
  }

  /** The action giving a slot back, in the transaction that ends the job's active life. */
  release(
    subscriptionId: string,
    slot: number,
  ): { action: TransactionAction; done(committed: boolean): void } {
    return {
      action: ['delete', { partitionKey: subscriptionId, rowKey: slotRowKey(slot) }],
      done: (committed) => {
        if (committed) this.known.get(subscriptionId)?.taken.delete(slot);
      },
    };
  }

  private async load(subscriptionId: string): Promise<Known> {
    const client = await this.table();
    const filter = partitionRows(subscriptionId, 'slot_');
    const taken = new Set<number>();
    await guarded(async () => {
      const rows = client.listEntities({ queryOptions: { filter, select: ['RowKey'] } });
      for await (const row of rows) taken.add(slotOfKey(row.rowKey ?? ''));
    });
    const state: Known = {
      taken,
      reserved: this.known.get(subscriptionId)?.reserved ?? new Map<number, Reservation>(),
    };
    this.known.set(subscriptionId, state);
    return state;
  }
}

/**
 * The lowest free slot under the limit, while fewer than `limit` are held: slots numbered past a
 * limit lowered since they were taken still count. A reload can read the row of a claim still in
 * flight (committed, not yet `done`): it is in both sets and counts once.
 */
function free(state: Known, limit: number): number | undefined {
  let held = state.taken.size;
  for (const slot of state.reserved.keys()) if (!state.taken.has(slot)) held++;
  if (held >= limit) return undefined;
  for (let n = 0; n < limit; n++) if (!state.taken.has(n) && !state.reserved.has(n)) return n;
  return undefined;
}

/** The slot a write in flight reserved to create the same job, if any: at most one of them commits. */
function sharedBy(state: Known, job: string): number | undefined {
  for (const [slot, reservation] of state.reserved) if (reservation.job === job) return slot;
  return undefined;
}
