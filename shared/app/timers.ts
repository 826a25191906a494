import type { SweepLog } from '../import-export/sweep/run-sweep';
import { nextOccurrence, parseSchedule } from '../kernel/ncrontab';
import type { Config } from './config';
import type { Runtime } from './runtime';

/**
 * The executor timer's run ends this long before its next occurrence, so the host finds that
 * occurrence still ahead whether it reckons the next run from this invocation or from its end:
 * no period is skipped, and jobs due in the gap start with the next run, well within a second.
 */
const HANDOVER_MS = 250;

/** One timer function: its name, the app setting holding its NCRONTAB schedule, and its work. */
export interface TimerDefinition {
  name: string;
  /** Read by the Functions host as `%SETTING%`; validated at start-up by the configuration. */
  setting: 'SWEEP_SCHEDULE' | 'SCHEDULER_EXECUTOR_SCHEDULE';
  schedule: (config: Config) => string;
  run: (rt: Runtime, log: SweepLog) => Promise<unknown>;
  /**
   * `own-loop`: the local host does not schedule this timer, because it already runs the same
   * work continuously (the executor loop without an end, launch-host.ts): a run per period would
   * only add a gap at each boundary.
   */
  localHost: 'scheduled' | 'own-loop';
}

/**
 * The timer table: what functions/timers.ts registers with `app.timer` and what the local host
 * schedules itself, so the two can never disagree. A missed run is not replayed on start: the next
 * run catches up on everything due meanwhile.
 */
export const TIMERS: readonly TimerDefinition[] = [
  {
    // docs/contract/import-export.md#c2: one sweep applies all four rules; the Scheduler's
    // retention (docs/classic-scheduler.md#e8) runs with it, as POST /operator/sweep runs both.
    name: 'sweep-timer',
    setting: 'SWEEP_SCHEDULE',
    schedule: (config) => config.sweepSchedule,
    run: async (rt, log) => {
      // Loaded on the first run, not with the entry module (issue 15's cold start).
      const [{ runSweep }, { runRetention }] = await Promise.all([
        import('../import-export/sweep/run-sweep'),
        import('../scheduler/execution/retention'),
      ]);
      const now = rt.now();
      const report = await runSweep(rt.sweep, now, log);
      await runRetention(rt.schedulerExecution.retention, now, log);
      return report;
    },
    localHost: 'scheduled',
  },
  {
    // docs/scheduler-execution.md#functions-deployment: the timer trigger is a singleton (blob
    // lease), and each run keeps the executor loop going until the next one is due.
    name: 'scheduler-executor-timer',
    setting: 'SCHEDULER_EXECUTOR_SCHEDULE',
    schedule: (config) => config.schedulerExecution.executorSchedule,
    run: (rt) => {
      const next = nextOccurrence(parseSchedule(rt.config.schedulerExecution.executorSchedule), rt.now());
      return rt.schedulerExecution.loop.runFor(next.getTime() - HANDOVER_MS);
    },
    localHost: 'own-loop',
  },
];
