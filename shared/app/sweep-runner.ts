import type { SweepReport } from '../import-export/sweep/sweeper';
import { sweep } from '../import-export/sweep/sweeper';
import { redact } from '../kernel/redact';
import type { Runtime } from './runtime';
import type { SweepSummary } from '../surfaces/operator/wire/operator-wire.schema';

export interface SweepLog {
  log(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** A report in the operator API's vocabulary (SPEC B, POST /operator/sweep): counts per rule. */
export function sweepSummary(now: Date, r: SweepReport): SweepSummary {
  return {
    Now: now.toISOString(),
    CreatingDeleted: r.rules.creatingDeleted,
    ShippingOverdue: r.rules.shippingOverdue,
    ShippingClosed: r.rules.shippingClosed,
    FinishedDeleted: r.rules.finishedDeleted,
    StaleEntries: r.staleEntries,
    Skipped: r.skipped,
    Failed: r.failed,
  };
}

/**
 * Runs the timers of SPEC C.2 as of `now` (default: the runtime's clock), for the timer function,
 * the local host's scheduler and the operator API alike, and logs what the sweep did (redacted,
 * SPEC D.2).
 */
export async function runSweep(rt: Runtime, log: SweepLog = console, now = rt.now()): Promise<SweepReport> {
  const report = await sweep(
    {
      ...rt.sweep,
      onError: (entry, err) =>
        log.error(
          redact(
            `sweep: job ${entry.name} of ${entry.subscriptionId} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
          ),
        ),
    },
    now,
  );
  log.log(`sweep: ${JSON.stringify(sweepSummary(now, report))}`);
  return report;
}
