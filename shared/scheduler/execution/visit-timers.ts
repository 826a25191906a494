/** A visit waiting for its time: `go` resolves true when it comes, false when released first. */
export interface TimedVisit {
  go: Promise<boolean>;
  release: () => void;
}

/**
 * Visits waiting for their due time in this process (docs/scheduler-execution.md#the-loop): each
 * goes when its time comes, or is released first, by the run's end (`cancelAll`) or by an earlier
 * row of its job; a released visit leaves its row to the next read.
 */
export class VisitTimers {
  private readonly waiting = new Map<NodeJS.Timeout, (go: boolean) => void>();

  after(ms: number): TimedVisit {
    let settle: (go: boolean) => void = () => undefined;
    const go = new Promise<boolean>((resolve) => {
      settle = resolve;
    });
    const timer = setTimeout(() => {
      this.waiting.delete(timer);
      settle(true);
    }, ms);
    this.waiting.set(timer, settle);
    return { go, release: () => this.release(timer) };
  }

  cancelAll(): void {
    for (const timer of [...this.waiting.keys()]) this.release(timer);
  }

  private release(timer: NodeJS.Timeout): void {
    clearTimeout(timer);
    this.waiting.get(timer)?.(false);
    this.waiting.delete(timer);
  }
}
