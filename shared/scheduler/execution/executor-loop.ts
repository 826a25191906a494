import type { SchedulerDueIndex } from './due-index-port';
import type { Executor } from './executor';

/** A safety net while only visits in flight are due: each of them wakes the loop when it ends. */
const IN_FLIGHT_POLL_MS = 250;

export interface ExecutorLoopOptions {
  now: () => Date;
  /** Sleep at most this long: writes from other processes wake no one here. */
  maxSleepMs: number;
  /** While something due is still being visited, look again this often. */
  pollMs: number;
  onError: (err: unknown) => void;
}

/**
 * The in-process executor (docs/classic-scheduler.md#e7): sleeps until the earliest due time in
 * the index, dispatches what is due, and is woken early by a job write (`wake`) or a finished
 * visit, so an immediate run or a retry starts at once. `runFor` bounds a run to a period: the
 * Functions timer runs it for its own period (docs/scheduler-execution.md).
 */
export class ExecutorLoop {
  private timer: NodeJS.Timeout | undefined;
  private wakeUp: (() => void) | undefined;
  private stopped = false;
  /** A wake that came while awake: the next sleep is skipped. */
  private woken = false;

  constructor(
    private readonly executor: Executor,
    private readonly due: SchedulerDueIndex,
    private readonly options: ExecutorLoopOptions,
  ) {}

  /** A job now needs the executor at `at`: cut the sleep short if that is sooner. */
  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.woken = true;
  }

  stop(): void {
    this.stopped = true;
    this.wakeUp?.();
  }

  /** Runs until `stop()`, or until `untilMs` (epoch ms) has passed. */
  async runFor(untilMs = Infinity): Promise<void> {
    const { now, maxSleepMs, pollMs, onError } = this.options;
    while (!this.stopped && now().getTime() < untilMs) {
      let sleepMs = maxSleepMs;
      this.woken = false;
      try {
        const started = await this.executor.dispatch();
        for (const visit of started) visit.then(() => this.wake(), onError);
        const next = await this.due.earliest();
        const ahead = next ? next.getTime() - now().getTime() : maxSleepMs;
        // Due rows left after a dispatch that started nothing belong to visits in flight, which
        // wake the loop as they end; otherwise more may be due at once: look again shortly.
        if (ahead > 0) sleepMs = Math.min(maxSleepMs, ahead);
        else sleepMs = started.length === 0 ? IN_FLIGHT_POLL_MS : pollMs;
      } catch (err) {
        onError(err);
      }
      await this.sleep(Math.min(sleepMs, Math.max(0, untilMs - now().getTime())));
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(this.timer);
        this.wakeUp = undefined;
        resolve();
      };
      this.wakeUp = done;
      this.timer = setTimeout(done, ms);
    });
  }
}
