import { ConcurrencyConflict, KernelError } from './errors';

const MAX_ATTEMPTS = 60;

/**
 * Runs a read-modify-write until it wins its optimistic-concurrency race (docs/contract/import-export.md#d4).
 * Each attempt re-reads, so no concurrent change is ever overwritten; a short jittered pause
 * between attempts keeps many contenders from colliding again in lock step.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof ConcurrencyConflict)) throw err;
      if (i + 1 >= MAX_ATTEMPTS) {
        throw new KernelError('ServiceUnavailable', 'The job is being changed by too many requests at once.');
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 + i * 4)));
    }
  }
}
