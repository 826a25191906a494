import { randomBytes } from 'node:crypto';
import type { TableEntity, TransactionAction } from '@azure/data-tables';
import { isActive } from '../shared/import-export/model/job-states';
import type { Job } from '../shared/import-export/model/model';
import { dueTime } from '../shared/import-export/model/timers';
import type { Runtime } from '../shared/app/runtime';
import { slotRowKey } from '../shared/adapters/table/active-slots';
import { dueRowKey, markerRow } from '../shared/adapters/table/due-index';
import { JobRows } from '../shared/adapters/table/job-rows';
import { SecretBox } from '../shared/kernel/secret-box';

export const randomSubscription = (): string => {
  const h = randomBytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

type Batch = { table: 'jobs' | 'due'; actions: TransactionAction[] };

/**
 * Writes jobs straight as the store's rows, consistent with what the store itself would write (job,
 * list and due rows, an active job's slot, each subscription's due-time markers), 24 jobs per
 * entity-group transaction and 8 transactions at a time: for seeding benchmarks and cost tests
 * quickly. Each subscription must be new (its slots are numbered from 0).
 */
export async function seedRows(rt: Runtime, jobs: readonly Job[]): Promise<void> {
  const rows = new JobRows(new SecretBox(rt.config.secretsKey));
  const now = rt.now();
  const bySub = new Map<string, Job[]>();
  for (const j of jobs) bySub.set(j.SubscriptionId, [...(bySub.get(j.SubscriptionId) ?? []), j]);
  const batches: Batch[] = [];
  const markers = new Map<string, TableEntity>();
  for (const [sub, mine] of bySub) {
    let slot = 0;
    const actions = mine.map((j): TransactionAction[] => {
      const active = isActive(j.State) ? slot++ : undefined;
      const r = rows.toRows(j, active);
      const due = dueTime(j);
      if (due) {
        const marker = markerRow('due', sub, due, now);
        markers.set(marker.rowKey, marker);
      }
      return [
        ['create', r.job],
        ['create', r.list],
        ...(due
          ? [
              [
                'create',
                { partitionKey: sub, rowKey: dueRowKey(j.Name, due), Name: j.Name, DueAt: due.toISOString() },
              ] as TransactionAction,
            ]
          : []),
        ...(active !== undefined
          ? [['create', { partitionKey: sub, rowKey: slotRowKey(active), Job: j.Name }] as TransactionAction]
          : []),
      ];
    });
    for (let i = 0; i < actions.length; i += 24)
      batches.push({ table: 'jobs', actions: actions.slice(i, i + 24).flat() });
  }
  const markerActions = [...markers.values()].map((m): TransactionAction => ['upsert', m, 'Replace']);
  for (let i = 0; i < markerActions.length; i += 100)
    batches.push({ table: 'due', actions: markerActions.slice(i, i + 100) });
  const tables = { jobs: await rt.tables.table('jobs'), due: await rt.tables.table('due') };
  for (let i = 0; i < batches.length; i += 8) {
    await Promise.all(batches.slice(i, i + 8).map((b) => tables[b.table].submitTransaction(b.actions)));
  }
}
