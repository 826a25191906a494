import type { SweepLog } from '../import-export/sweep/run-sweep';
import type { Config } from './config';
import type { Runtime } from './runtime';

/** One timer function: its name, the app setting holding its NCRONTAB schedule, and its work. */
export interface TimerDefinition {
  name: string;
  /** Read by the Functions host as `%SETTING%`; validated at start-up by the configuration. */
  setting: 'SWEEP_SCHEDULE';
  schedule: (config: Config) => string;
  run: (rt: Runtime, log: SweepLog) => Promise<unknown>;
}

/**
 * The timer table: what functions/timers.ts registers with `app.timer` and what the local host
 * schedules itself, so the two can never disagree. A missed run is not replayed on start: the next
 * run catches up on everything due meanwhile.
 */
export const TIMERS: readonly TimerDefinition[] = [
  {
    // docs/contract/import-export.md#c2: one sweep applies all four rules.
    name: 'sweep-timer',
    setting: 'SWEEP_SCHEDULE',
    schedule: (config) => config.sweepSchedule,
    // Loaded on the first run, not with the entry module (issue 15's cold start).
    run: async (rt, log) =>
      (await import('../import-export/sweep/run-sweep')).runSweep(rt.sweep, rt.now(), log),
  },
];
