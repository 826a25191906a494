import { redact } from '../../kernel/redact';
import type { SweepDeps, SweepReport } from './sweeper';
import { sweep } from './sweeper';

export interface SweepLog {
  log(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** A sweep's counts per rule (docs/contract/import-export.md#b, POST /operator/sweep). */
export interface SweepSummary {
  Now: string;
  CreatingDeleted: number;
  ShippingOverdue: number;
  ShippingClosed: number;
  FinishedDeleted: number;
  StaleEntries: number;
  Skipped: number;
  Failed: number;
}

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
 * Runs the timers of docs/contract/import-export.md#c2 as of `now`, for the timer function, the
 * local host's scheduler and the operator API alike, and logs what the sweep did (redacted,
 * docs/contract/import-export.md#d2).
 */
export async function runSweep(deps: SweepDeps, now: Date, log: SweepLog = console): Promise<SweepReport> {
  const report = await sweep(
    {
      ...deps,
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
