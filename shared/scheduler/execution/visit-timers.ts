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
    if (ms <= 0) return { go: Promise.resolve(true), release: () => undefined };
    let timer: NodeJS.Timeout | undefined;
    const go = new Promise<boolean>((settle) => {
      const t = setTimeout(() => {
        this.waiting.delete(t);
        settle(true);
      }, ms);
      timer = t;
      this.waiting.set(t, settle);
    });
    return {
      go,
      release: () => {
        if (!timer) return;
        clearTimeout(timer);
        this.waiting.get(timer)?.(false);
        this.waiting.delete(timer);
      },
    };
  }

  cancelAll(): void {
    for (const [timer, release] of this.waiting) {
      clearTimeout(timer);
      release(false);
    }
    this.waiting.clear();
  }
}
