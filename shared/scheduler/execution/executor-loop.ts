import type { Executor } from './executor';

/** One index read per second (docs/scheduler-execution.md#the-loop). */
const LOOKAHEAD_MS = 1_000;

export interface ExecutorLoopOptions {
  now: () => Date;
  /** While the concurrency bound leaves due rows unvisited, look again this often. */
  pollMs: number;
  /**
   * Rows due within this much are read ahead and their visits timed in-process; the index is read
   * again after it, so a job written by another process waits at most this long (default 1 s).
   */
  lookaheadMs?: number;
  onError: (err: unknown) => void;
}

/**
 * The in-process executor (docs/scheduler-execution.md#the-loop): reads the index for what is due
 * now and within the look-ahead, times those visits itself, and sleeps until the index must be
 * read again. A job write of this process (`wake`) or a visit leaving its job due sooner cuts the
 * sleep short. `runFor` bounds a run to a period: the Functions timer runs it for its own period.
 */
export class ExecutorLoop {
  private timer: NodeJS.Timeout | undefined;
  /** The current sleep: when it ends, and how to end it. */
  private alarm: { at: number; end: () => void } | undefined;
  /** The earliest wake asked for while awake: the next sleep ends by then. */
  private asked = Infinity;
  private stopped = false;

  constructor(
    private readonly executor: Executor,
    private readonly options: ExecutorLoopOptions,
  ) {}

  /** A job needs the executor at `at` (now when omitted): the index is read again by then. */
  wake(at?: Date): void {
    const t = at ? at.getTime() : -Infinity;
    if (!this.alarm) {
      this.asked = Math.min(this.asked, t);
      return;
    }
    if (t < this.alarm.at) {
      this.alarm.at = t;
      this.arm();
    }
  }

  stop(): void {
    this.stopped = true;
    this.alarm?.end();
  }

  /** Runs until `stop()`, or until `untilMs` (epoch ms) has passed. */
  async runFor(untilMs = Infinity): Promise<void> {
    const { now, pollMs, onError } = this.options;
    const lookaheadMs = this.options.lookaheadMs ?? LOOKAHEAD_MS;
    try {
      while (!this.stopped && now().getTime() < untilMs) {
        const start = now().getTime();
        let wakeAt = start + lookaheadMs;
        this.asked = Infinity;
        try {
          const { started, next, saturated } = await this.executor.dispatch(lookaheadMs);
          for (const visit of started) visit.then((end) => end.due && this.wake(end.due), onError);
          wakeAt = saturated ? start + pollMs : Math.min(wakeAt, Math.max(next.getTime(), start + pollMs));
        } catch (err) {
          onError(err);
        }
        await this.sleepUntil(Math.min(wakeAt, this.asked, untilMs));
      }
    } finally {
      this.executor.cancelTimed();
    }
  }

  private sleepUntil(at: number): Promise<void> {
    if (this.stopped || at <= this.options.now().getTime()) return Promise.resolve();
    return new Promise((resolve) => {
      this.alarm = {
        at,
        end: () => {
          clearTimeout(this.timer);
          this.alarm = undefined;
          resolve();
        },
      };
      this.arm();
    });
  }

  private arm(): void {
    const alarm = this.alarm;
    if (!alarm) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(alarm.end, Math.max(0, alarm.at - this.options.now().getTime()));
  }
}
