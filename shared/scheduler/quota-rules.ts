import type { SchedulerDeps } from './deps';
import { SchedulerError, invalid } from './errors';
import { isFinal } from './job-build';
import { hasOutboundAuth } from './job-rules';
import type { CollectionRef, JobDefinition, Recurrence } from './model';
import type { CollectionInput, JobCollection, MaxRecurrence, Plan } from './model-collections';
import { MAX_COLLECTIONS_PER_SUBSCRIPTION, PLAN_LIMITS, effectiveQuota, recurrenceMinutes } from './plans';
import { shortestGapMinutes } from './recurrence';

/**
 * The quotas of docs/classic-scheduler.md#b3, #b4 and #c8: a job's against its collection, a
 * collection's plan against the subscription's other collections, and a plan or quota change
 * against the jobs the collection holds.
 */

/** Whether a recurrence from `anchor` comes round more often than `max` allows. */
const recursMoreOften = (recurrence: Recurrence, anchor: Date, max: MaxRecurrence): boolean =>
  shortestGapMinutes(recurrence, anchor) < recurrenceMinutes(max);

/**
 * docs/classic-scheduler.md#c8, after validation and state: the Free plan's outbound-auth rule and
 * MaxRecurrence. (MaxJobCount is the store's atomic step.)
 */
export function checkJobQuota(def: JobDefinition, collection: JobCollection, anchor: Date): void {
  if (!PLAN_LIMITS[collection.plan].outboundAuth && hasOutboundAuth(def))
    throw new SchedulerError('PlanConflict', 'Outbound authentication is not available on the Free plan.');
  if (def.recurrence && recursMoreOften(def.recurrence, anchor, collection.quota.maxRecurrence))
    throw new SchedulerError(
      'QuotaExceeded',
      `The job recurs more often than the collection's MaxRecurrence (${collection.quota.maxRecurrence.interval} ${collection.quota.maxRecurrence.frequency}).`,
    );
}

/** A plan or quota the collection's jobs or the subscription's collections refuse. */
export const conflict = (message: string) => new SchedulerError('PlanConflict', message);

/**
 * The quota a collection PUT asks for on `plan`: given values checked against the plan's limits,
 * values left out `previous`'s clamped to them, else the plan's.
 */
export function quotaOf(plan: Plan, input: CollectionInput, previous?: JobCollection['quota']) {
  const limits = PLAN_LIMITS[plan];
  if (input.maxJobCount !== undefined && (input.maxJobCount < 1 || input.maxJobCount > limits.maxJobCount))
    throw invalid(`MaxJobCount must be 1..${limits.maxJobCount} on the ${plan} plan.`);
  if (input.maxRecurrence && recurrenceMinutes(input.maxRecurrence) < recurrenceMinutes(limits.minRecurrence))
    throw invalid(`MaxRecurrence is finer than the ${plan} plan allows.`);
  return effectiveQuota(
    plan,
    {
      ...(input.maxJobCount !== undefined && { maxJobCount: input.maxJobCount }),
      ...(input.maxJobOccurrence !== undefined && { maxJobOccurrence: input.maxJobOccurrence }),
      ...(input.maxRecurrence && { maxRecurrence: input.maxRecurrence }),
    },
    previous,
  );
}

/** The subscription's collections other than `except` leave room for one more on `plan` (#b4). */
export async function checkPlanSlots(
  d: SchedulerDeps,
  sub: string,
  plan: Plan,
  except?: { cloudService: string; name: string },
): Promise<void> {
  const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();
  const all = (await d.collections.list(sub)).filter(
    (c) => !except || !(same(c.name, except.name) && same(c.cloudService, except.cloudService)),
  );
  if (all.length >= MAX_COLLECTIONS_PER_SUBSCRIPTION)
    throw conflict('The subscription holds its maximum of job collections.');
  const onPlan = all.filter((c) => c.plan === plan).length;
  if (onPlan >= PLAN_LIMITS[plan].collectionsPerSubscription)
    throw conflict(
      plan === 'Free'
        ? 'A subscription is allowed up to 1 free job collection.'
        : `A subscription is allowed up to ${PLAN_LIMITS[plan].collectionsPerSubscription} ${plan} job collections.`,
    );
}

/** Checks a plan or quota change against the jobs held (docs/classic-scheduler.md#b3). */
export async function checkAgainstJobs(
  d: SchedulerDeps,
  ref: CollectionRef,
  next: JobCollection,
  prev: JobCollection,
) {
  const jobs = await d.jobs.list(ref);
  // Also Free's "at most 5 jobs": a Free quota never holds more (quotaOf).
  if (next.quota.maxJobCount < jobs.length)
    throw conflict('MaxJobCount would fall below the number of jobs.');
  if (next.plan === 'Free' && prev.plan !== 'Free') {
    await checkPlanSlots(d, ref.subscriptionId, 'Free', { cloudService: ref.cloudService, name: next.name });
    if (jobs.some(hasOutboundAuth))
      throw conflict('A job uses outbound authentication, which the Free plan lacks.');
  }
  for (const job of jobs) {
    if (isFinal(job) || !job.recurrence) continue;
    if (recursMoreOften(job.recurrence, new Date(job.anchor), next.quota.maxRecurrence))
      throw conflict(`The job '${job.id}' recurs more often than the new MaxRecurrence.`);
  }
}
