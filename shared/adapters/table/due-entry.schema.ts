import { z } from 'zod';

/**
 * The due-time index of docs/contract/import-export.md#c2 (storage/due-index.ts) has two levels:
 *  - in the jobs table, each timed job has a row `due_<due time ISO 8601>_<name>` in its
 *    subscription's partition, written in the job's own transaction;
 *  - in the due table, partition `due`, each subscription with timed jobs has a marker
 *    `<time ISO 8601>_<subscription>` no later than its earliest `due_` row.
 * A sweep reads the markers due by now, then the due rows of those subscriptions only.
 */
export const DueRowSchema = z.looseObject({
  rowKey: z.string(),
  etag: z.string(),
  Name: z.string(),
  DueAt: z.string(),
});

export const MarkerRowSchema = z.looseObject({
  rowKey: z.string(),
  etag: z.string(),
  SubscriptionId: z.string(),
  MarkerAt: z.string(),
});
