import { randomBytes } from 'node:crypto';
import type { TableEntity, TransactionAction } from '@azure/data-tables';
import { isActive } from '../shared/import-export/model/job-states';
import type { Job } from '../shared/import-export/model/model';
import { dueTime } from '../shared/import-export/model/timers';
import type { Runtime } from '../shared/app/runtime';
import { MARKERS } from '../shared/adapters/table/due-index';
import { dueRowActions, markerRowKey } from '../shared/adapters/table/due-rows';
import { JobRows } from '../shared/adapters/table/job-rows';
import { SecretBox } from '../shared/kernel/secret-box';
import { META_ROW } from '../shared/adapters/table/subscription-meta';

export const randomSubscription = (): string => {
  const h = randomBytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

type Batch = { table: 'jobs' | 'due'; actions: TransactionAction[] };

/** A subscription's `meta` row and global due-time marker, as the store would leave them. */
function subscriptionRows(sub: string, jobs: readonly Job[]): { meta: TableEntity; marker?: TableEntity } {
  const accounts: Record<string, number> = {};
  for (const j of jobs) accounts[j.StorageAccountName] = (accounts[j.StorageAccountName] ?? 0) + 1;
  const times = jobs.flatMap((j) => dueTime(j) ?? []).sort((a, b) => a.getTime() - b.getTime());
  const earliest = times[0];
  return {
    meta: {
      partitionKey: sub,
      rowKey: META_ROW,
      ActiveJobs: jobs.filter((j) => isActive(j.State)).length,
      Accounts: JSON.stringify(accounts),
      DueMarker: earliest?.toISOString() ?? '',
    },
    ...(earliest && {
      marker: {
        partitionKey: MARKERS,
        rowKey: markerRowKey(sub, earliest),
        SubscriptionId: sub,
        MarkerAt: earliest.toISOString(),
      },
    }),
  };
}

/**
 * Writes jobs straight as the store's rows, consistent with what the store itself would write (job,
 * list and due rows, each subscription's counters and due-time marker), 33 jobs per entity-group
 * transaction and 8 transactions at a time: for seeding benchmarks and cost tests quickly. Each
 * subscription must be new (its counters are written, not added to).
 */
export async function seedRows(rt: Runtime, jobs: readonly Job[]): Promise<void> {
  const rows = new JobRows(new SecretBox(rt.config.secretsKey));
  const bySub = new Map<string, Job[]>();
  for (const j of jobs) bySub.set(j.SubscriptionId, [...(bySub.get(j.SubscriptionId) ?? []), j]);
  const batches: Batch[] = [];
  const markers: TransactionAction[] = [];
  for (const [sub, mine] of bySub) {
    for (let i = 0; i < mine.length; i += 33) {
      const actions = mine.slice(i, i + 33).flatMap((j): TransactionAction[] => {
        const r = rows.toRows(j);
        return [['create', r.job], ['create', r.list], ...dueRowActions(undefined, j)];
      });
      batches.push({ table: 'jobs', actions });
    }
    const { meta, marker } = subscriptionRows(sub, mine);
    batches.push({ table: 'jobs', actions: [['upsert', meta, 'Replace']] });
    if (marker) markers.push(['upsert', marker, 'Replace']);
  }
  for (let i = 0; i < markers.length; i += 100)
    batches.push({ table: 'due', actions: markers.slice(i, i + 100) });
  const tables = { jobs: await rt.tables.table('jobs'), due: await rt.tables.table('due') };
  for (let i = 0; i < batches.length; i += 8) {
    await Promise.all(batches.slice(i, i + 8).map((b) => tables[b.table].submitTransaction(b.actions)));
  }
}
