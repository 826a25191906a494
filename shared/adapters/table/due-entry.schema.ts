import { z } from 'zod';

/**
 * The due-time index (due-index.ts) has two levels:
 *  - in the owners' table, each timed item has a row `due_<due time ISO 8601>_<name>` in its
 *    owner's partition, written in the item's own transaction;
 *  - in the markers table, partition `<namespace>`, each owner with due rows in an hour has a
 *    marker `<hour ISO 8601>_<owner>` saying when that hour ends.
 * A sweep reads the markers whose hour has begun, then the due rows of those owners only.
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
  Owner: z.string(),
  BucketEnd: z.string(),
});
