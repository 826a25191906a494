import type { TableEntity, TransactionAction } from '@azure/data-tables';
import type { Job } from '../../import-export/model/model';
import { dueTime } from '../../import-export/model/timers';

/**
 * The `due_` rows a job write carries in its own transaction (docs/contract/import-export.md#c2):
 * what both the due-time index and the subscription's meta row need to know of a write.
 */
/** ISO 8601 times of one format sort as they compare; `_` sorts before the `~` bounds below. */
export const dueRowKey = (name: string, at: Date): string => `due_${at.toISOString()}_${name.toLowerCase()}`;
export const markerRowKey = (subscriptionId: string, at: Date): string =>
  `${at.toISOString()}_${subscriptionId}`;

const dueRow = (job: Job, at: Date): TableEntity => ({
  partitionKey: job.SubscriptionId,
  rowKey: dueRowKey(job.Name, at),
  Name: job.Name,
  DueAt: at.toISOString(),
});

const keyOf = (job: Job | undefined): string | undefined => {
  const at = job && dueTime(job);
  return job && at && dueRowKey(job.Name, at);
};

/** The due time a write turning `before` into `after` sets, when it moves (a new `due_` row). */
export function dueSet(before: Job | undefined, after: Job | undefined): Date | undefined {
  return keyOf(after) !== keyOf(before) ? after && dueTime(after) : undefined;
}

/** The `due_` rows of such a write, for its transaction: the old one out, the new one in. */
export function dueRowActions(before: Job | undefined, after: Job | undefined): TransactionAction[] {
  const [from, to] = [keyOf(before), keyOf(after)];
  if (from === to) return [];
  const actions: TransactionAction[] = [];
  if (before && from) actions.push(['delete', { partitionKey: before.SubscriptionId, rowKey: from }]);
  const at = after && dueTime(after);
  if (after && at) actions.push(['upsert', dueRow(after, at), 'Replace']);
  return actions;
}
