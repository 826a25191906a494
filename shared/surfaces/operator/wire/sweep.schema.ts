import { z } from 'zod';

/**
 * POST /operator/sweep (docs/contract/import-export.md#b): an optional instant with its time zone (`Z` or an offset), so that
 * "as of" never depends on where the operator sits.
 */
export const SweepBodySchema = z
  .strictObject({
    Now: z.iso
      .datetime({ offset: true, message: 'Now must be an ISO 8601 date and time with a time zone.' })
      .optional(),
  })
  .meta({
    id: 'SweepBody',
    description: "Optional: the instant to sweep as of (not in the past); default the service's clock.",
  });
