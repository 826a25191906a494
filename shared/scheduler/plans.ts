import type { MaxRecurrence, Plan, Quota } from './model-collections';
import { UNIT_MINUTES } from './recurrence';
import type { Frequency } from './model';

/** docs/classic-scheduler.md#b4, as data. Premium takes P10's values (a Decision). */
export interface PlanLimits {
  maxJobCount: number;
  minRecurrence: MaxRecurrence;
  collectionsPerSubscription: number;
  outboundAuth: boolean;
}

export const PLAN_LIMITS: Record<Plan, PlanLimits> = {
  Free: {
    maxJobCount: 5,
    minRecurrence: { frequency: 'Hour', interval: 1 },
    collectionsPerSubscription: 1,
    outboundAuth: false,
  },
  Standard: {
    maxJobCount: 50,
    minRecurrence: { frequency: 'Minute', interval: 1 },
    collectionsPerSubscription: 100,
    outboundAuth: true,
  },
  Premium: {
    maxJobCount: 50,
    minRecurrence: { frequency: 'Minute', interval: 1 },
    collectionsPerSubscription: 10_000,
    outboundAuth: true,
  },
};

export const MAX_COLLECTIONS_PER_SUBSCRIPTION = 200_000;

export const recurrenceMinutes = (r: MaxRecurrence): number =>
  r.interval * UNIT_MINUTES[r.frequency.toLowerCase() as Frequency];

/** .NET TimeSpan text of a recurrence, as PowerShell reads MinRecurrence. */
function timeSpanOfMinutes(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const hms = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`;
  return d > 0 ? `${d}.${hms}` : hms;
}

/** The provider's properties (docs/classic-scheduler.md#b1): keys and values as strings. */
export function providerProperties(regions: readonly string[]): [string, string][] {
  const out: [string, string][] = [['SupportedGeoRegions', regions.join(',')]];
  for (const plan of ['Free', 'Standard', 'Premium'] as const) {
    const limits = PLAN_LIMITS[plan];
    out.push([`PlanDetail:${plan}:Quota:MaxJobCount`, String(limits.maxJobCount)]);
    out.push([
      `PlanDetail:${plan}:Quota:MinRecurrence`,
      timeSpanOfMinutes(recurrenceMinutes(limits.minRecurrence)),
    ]);
  }
  return out;
}

/** Quota values left out default to (or are clamped to) the plan's limits (docs/classic-scheduler.md#b3). */
export function effectiveQuota(plan: Plan, given: Partial<Quota> | undefined, previous?: Quota): Quota {
  const limits = PLAN_LIMITS[plan];
  const base = previous ?? { maxJobCount: limits.maxJobCount, maxRecurrence: limits.minRecurrence };
  const maxJobCount = given?.maxJobCount ?? Math.min(base.maxJobCount, limits.maxJobCount);
  let maxRecurrence = given?.maxRecurrence ?? base.maxRecurrence;
  if (
    given?.maxRecurrence === undefined &&
    recurrenceMinutes(maxRecurrence) < recurrenceMinutes(limits.minRecurrence)
  )
    maxRecurrence = limits.minRecurrence;
  const occurrence = given?.maxJobOccurrence ?? previous?.maxJobOccurrence;
  return { maxJobCount, maxRecurrence, ...(occurrence !== undefined && { maxJobOccurrence: occurrence }) };
}
