/**
 * Visits waiting for their due time in this process (docs/scheduler-execution.md#the-loop): each
 * resolves true when its time comes, or false when the run ends first (`cancelAll`), which
 * leaves its row to the next read.
 */
export class VisitTimers {
  private readonly waiting = new Map<NodeJS.Timeout, (go: boolean) => void>();

  after(ms: number): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(true);
    return new Promise((release) => {
      const timer = setTimeout(() => {
        this.waiting.delete(timer);
        release(true);
      }, ms);
      this.waiting.set(timer, release);
    });
  }

  cancelAll(): void {
    for (const [timer, release] of this.waiting) {
      clearTimeout(timer);
      release(false);
    }
    this.waiting.clear();
  }
}
