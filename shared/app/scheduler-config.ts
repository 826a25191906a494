import { parseSettings } from './settings';
import { z } from 'zod';
import { parseDuration } from '../scheduler/durations';
import { MAX_AHEAD_MS } from '../scheduler/job-rules';

/** docs/classic-scheduler.md#e1 (the settings this part of the Scheduler reads). */
export interface SchedulerConfig {
  minRetryMs: number;
  regions: readonly string[];
}

const DEFAULT_SCHEDULER_REGIONS = [
  'North Central US',
  'South Central US',
  'West US',
  'East US',
  'North Europe',
  'West Europe',
  'East Asia',
  'Southeast Asia',
] as const;

const SchedulerEnvSchema = z.object({
  SCHEDULER_MIN_RETRY_INTERVAL: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return 60_000;
      const ms = /^P/i.test(s) ? parseDuration(s) : undefined;
      if (ms === undefined || ms <= 0 || ms > MAX_AHEAD_MS) {
        ctx.addIssue({ code: 'custom', message: 'an ISO 8601 duration above 0 and at most 548 days' });
        return z.NEVER;
      }
      return ms;
    }),
  SCHEDULER_REGIONS: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return [...DEFAULT_SCHEDULER_REGIONS];
      const regions = s.split(',').map((r) => r.trim());
      if (regions.some((r) => r === '')) {
        ctx.addIssue({ code: 'custom', message: 'a comma-separated list of region names' });
        return z.NEVER;
      }
      return regions;
    }),
});

/** Throws a ConfigError naming the bad setting. */
export function parseSchedulerConfig(env: NodeJS.ProcessEnv): SchedulerConfig {
  const e = parseSettings(SchedulerEnvSchema, env);
  return { minRetryMs: e.SCHEDULER_MIN_RETRY_INTERVAL, regions: e.SCHEDULER_REGIONS };
}
