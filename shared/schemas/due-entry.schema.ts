import { z } from 'zod';

/**
 * A row of the due-time index table (SPEC C.2): all in partition `due`, keyed
 * `<due time, ISO 8601>_<subscription>_<job name, lower case>`, so that the entries due by an
 * instant are one RowKey range of one partition.
 */
export const DueRowSchema = z.looseObject({
  rowKey: z.string(),
  etag: z.string(),
  SubscriptionId: z.string(),
  Name: z.string(),
  DueAt: z.string(),
});
