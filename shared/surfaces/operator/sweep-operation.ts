import { ImportExportError } from '../../import-export/model/errors';
import { sweepSummarySchema } from './wire/operator-wire.schema';
import { SweepBodySchema } from './wire/sweep.schema';
import { runSweep, sweepSummary } from '../../import-export/sweep/run-sweep';
import { runRetention } from '../../scheduler/execution/retention';
import { operatorOp } from './pipeline';

/** Clocks of operator machines and of the service differ a little; "now" by either is accepted. */
const SWEEP_CLOCK_SKEW_MS = 60_000;

/**
 * POST /operator/sweep (docs/contract/import-export.md#b, #c2): runs the sweeper as of `Now` (default: the service's clock)
 * and answers its counts per rule; it applies the Scheduler's retention as of the same `Now`
 * (docs/classic-scheduler.md#e8) and never executes a Scheduler job. A sweep in the past would stamp old times on the jobs it
 * changes, so a `Now` before the service's clock (beyond skew) is refused.
 */
export const sweepOperation = operatorOp({
  summary: 'Run the timers now, or as of a later instant',
  description:
    "Runs the sweeper of docs/contract/import-export.md#c2 as of Now (default: the service's clock; not in the past) and the Scheduler's retention (docs/classic-scheduler.md#e8), and answers their counts per rule.",
  success: { status: 200, body: sweepSummarySchema },
  body: SweepBodySchema,
  optionalBody: true,
  async run({ rt, body }) {
    const clock = rt.now();
    let now = clock;
    if (body.Now !== undefined) {
      const asked = new Date(body.Now);
      if (asked.getTime() < clock.getTime() - SWEEP_CLOCK_SKEW_MS) {
        throw new ImportExportError(
          'InvalidRequestBody',
          `Now must not be in the past; the service's clock says ${clock.toISOString()}.`,
          'Now',
        );
      }
      now = asked.getTime() > clock.getTime() ? asked : clock;
    }
    // The answer is the summary; only failures go to the log.
    const quiet = { log: () => undefined, error: console.error };
    const report = await runSweep(rt.sweep, now, quiet);
    const retention = await runRetention(rt.schedulerExecution.retention, now, quiet);
    return {
      status: 200,
      json: {
        ...sweepSummary(now, report),
        Scheduler: {
          JobsDeleted: retention.jobsDeleted,
          HistoryEntriesDeleted: retention.historyEntriesDeleted,
          OperationsDeleted: retention.operationsDeleted,
        },
      },
    };
  },
});
