import { randomBytes } from 'node:crypto';
import type { TransactionAction } from '@azure/data-tables';
import type { Job } from '../shared/domain/model';
import { dueTime } from '../shared/domain/timers';
import type { Runtime } from '../shared/runtime';
import { dueEntity } from '../shared/storage/due-index';
import { JobRows } from '../shared/storage/job-rows';
import { SecretBox } from '../shared/storage/secret-box';

export const randomSubscription = (): string => {
  const h = randomBytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/**
 * Writes jobs straight as the store's rows (job and list rows, 50 jobs per entity-group
 * transaction, and their due-index entries, 100 per transaction), 8 transactions at a time. It
 * skips the subscription counters: for seeding benchmarks and cost tests, not for behaviour.
 */
export async function seedRows(rt: Runtime, jobs: readonly Job[]): Promise<void> {
  const rows = new JobRows(new SecretBox(rt.config.secretsKey));
  const bySub = new Map<string, Job[]>();
  for (const j of jobs) bySub.set(j.SubscriptionId, [...(bySub.get(j.SubscriptionId) ?? []), j]);
  const batches: ['jobs' | 'due', TransactionAction[]][] = [];
  for (const mine of bySub.values()) {
    for (let i = 0; i < mine.length; i += 50) {
      batches.push([
        'jobs',
        mine.slice(i, i + 50).flatMap((j): TransactionAction[] => {
          const r = rows.toRows(j);
          return [
            ['create', r.job],
            ['create', r.list],
          ];
        }),
      ]);
    }
  }
  const due = jobs.filter((j) => dueTime(j) !== undefined);
  for (let i = 0; i < due.length; i += 100) {
    batches.push([
      'due',
      due.slice(i, i + 100).map((j): TransactionAction => ['create', dueEntity(j, dueTime(j)!)]),
    ]);
  }
  const tables = { jobs: await rt.tables.table('jobs'), due: await rt.tables.table('due') };
  for (let i = 0; i < batches.length; i += 8) {
    await Promise.all(batches.slice(i, i + 8).map(([t, actions]) => tables[t].submitTransaction(actions)));
  }
}
