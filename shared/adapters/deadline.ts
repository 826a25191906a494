/**
 * Every wait on a network has a deadline: a store that accepts connections and never answers
 * (frozen, black-holed) must cost a request seconds, not the SDK's minutes of per-try timeouts
 * and retries. The deadline covers a whole call, retries included.
 */
export class StorageDeadlineExceeded extends Error {
  override name = 'StorageDeadlineExceeded';
  constructor(readonly ms: number) {
    super(`no answer from storage within ${ms} ms`);
  }
}

/** The signal of one call: its caller's, if any, and the deadline, whichever fires first. */
export function withDeadline(ms: number, signal?: unknown): AbortSignal {
  const deadline = AbortSignal.timeout(ms);
  return signal instanceof AbortSignal ? AbortSignal.any([signal, deadline]) : deadline;
}
