import { SchedulerError } from './errors';
import { hasOutboundAuth } from './job-rules';
import type { JobDefinition } from './model';
import type { JobCollection } from './model-collections';
import { PLAN_LIMITS, recurrenceMinutes } from './plans';
import { shortestGapMinutes } from './recurrence';

/**
 * docs/classic-scheduler.md#c8, after validation and state: the Free plan's outbound-auth rule and
 * MaxRecurrence. (MaxJobCount is the store's atomic step.)
 */
export function checkJobQuota(def: JobDefinition, collection: JobCollection, anchor: Date): void {
  if (!PLAN_LIMITS[collection.plan].outboundAuth && hasOutboundAuth(def))
    throw new SchedulerError('PlanConflict', 'Outbound authentication is not available on the Free plan.');
  if (!def.recurrence) return;
  const floor = recurrenceMinutes(collection.quota.maxRecurrence);
  const gap = shortestGapMinutes(def.recurrence, anchor);
  if (gap < floor)
    throw new SchedulerError(
      'QuotaExceeded',
      `The job recurs more often than the collection's MaxRecurrence (${collection.quota.maxRecurrence.interval} ${collection.quota.maxRecurrence.frequency}).`,
    );
}
