import { ConfigError, parseSettings } from './settings';
import { z } from 'zod';
import { parseSchedule } from '../kernel/ncrontab';
import { parseDuration } from '../scheduler/durations';
import type { OutboundMode } from '../scheduler/outbound-policy';
import { OutboundPolicy } from '../scheduler/outbound-policy';

/** docs/classic-scheduler.md#e1: the settings the executor reads. */
export interface SchedulerExecutionConfig {
  httpTimeoutMs: number;
  queueEndpoint: string;
  aadAuthority: string;
  policy: OutboundPolicy;
  mode: OutboundMode;
  /** The executor timer's NCRONTAB schedule: each run lasts until the next (docs/scheduler-execution.md#functions-deployment). */
  executorSchedule: string;
}

const MIN_TIMEOUT_MS = 1000;
const MAX_TIMEOUT_MS = 5 * 60_000;

const hostOf = (uri: string | undefined): string[] => {
  if (!uri) return [];
  try {
    return [new URL(uri).hostname];
  } catch {
    return [];
  }
};

const Env = z.object({
  SCHEDULER_HTTP_TIMEOUT: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return 60_000;
      const ms = /^P/i.test(s) ? parseDuration(s) : undefined;
      if (ms === undefined || ms < MIN_TIMEOUT_MS || ms > MAX_TIMEOUT_MS) {
        ctx.addIssue({ code: 'custom', message: 'an ISO 8601 duration from PT1S to PT5M' });
        return z.NEVER;
      }
      return ms;
    }),
  SCHEDULER_EXECUTOR_SCHEDULE: z
    .string()
    .default('*/30 * * * * *')
    .superRefine((s, ctx) => {
      try {
        parseSchedule(s);
      } catch (err) {
        ctx.addIssue({
          code: 'custom',
          message: `a six-field NCRONTAB expression such as "*/30 * * * * *" (${(err as Error).message})`,
        });
      }
    }),
  SCHEDULER_QUEUE_ENDPOINT: z.string().includes('{account}').optional(),
  SCHEDULER_AAD_AUTHORITY: z.url().optional(),
  SCHEDULER_OUTBOUND_ALLOW: z.string().optional(),
  /** Set by the `npm start` development host, which marks itself (docs/classic-scheduler.md#e4). */
  SCHEDULER_LOCAL_HOST: z.enum(['true', 'false']).optional(),
  AZURITE_QUEUE_PORT: z.string().regex(/^\d+$/).optional(),
  IDENTITY_ENDPOINT: z.string().optional(),
  MSI_ENDPOINT: z.string().optional(),
});

/** Throws a ConfigError naming the bad setting. */
export function parseSchedulerExecutionConfig(env: NodeJS.ProcessEnv): SchedulerExecutionConfig {
  const e = parseSettings(Env, env);
  const mode: OutboundMode = e.SCHEDULER_LOCAL_HOST === 'true' ? 'local' : 'deployed';
  const allow = e.SCHEDULER_OUTBOUND_ALLOW ?? (mode === 'local' ? '127.0.0.0/8,::1' : '');
  let policy: OutboundPolicy;
  try {
    policy = new OutboundPolicy({
      mode,
      allow: allow.split(',').filter((s) => s.trim() !== ''),
      metadataHosts: [...hostOf(e.IDENTITY_ENDPOINT), ...hostOf(e.MSI_ENDPOINT)],
    });
  } catch (err) {
    throw new ConfigError(`App setting SCHEDULER_OUTBOUND_ALLOW is invalid: ${(err as Error).message}`);
  }
  const localQueue = `http://127.0.0.1:${e.AZURITE_QUEUE_PORT ?? '10001'}/{account}`;
  return {
    httpTimeoutMs: e.SCHEDULER_HTTP_TIMEOUT,
    queueEndpoint:
      e.SCHEDULER_QUEUE_ENDPOINT ??
      (mode === 'local' ? localQueue : 'https://{account}.queue.core.windows.net'),
    aadAuthority: e.SCHEDULER_AAD_AUTHORITY ?? 'https://login.microsoftonline.com',
    policy,
    mode,
    executorSchedule: e.SCHEDULER_EXECUTOR_SCHEDULE,
  };
}
