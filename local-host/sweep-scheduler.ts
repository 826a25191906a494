import { nextOccurrence, parseSchedule } from '../shared/kernel/ncrontab';

export interface Scheduler {
  /** When the next run is due. */
  next: Date;
  stop(): void;
}

/** setTimeout's longest wait; a later run re-arms on the way. */
const MAX_WAIT_MS = 2 ** 31 - 1;

/**
 * Runs `task` on a SWEEP_SCHEDULE (docs/contract/import-export.md#c2) in the local host, as the timer trigger does in
 * Azure: never at start-up, and never twice at once (a run still going when the next falls due
 * makes that one skip). A failed run is reported and the schedule goes on.
 */
export function startScheduler(
  schedule: string,
  task: () => Promise<unknown>,
  onError: (err: unknown) => void,
  clock: () => Date = () => new Date(),
): Scheduler {
  const parsed = parseSchedule(schedule);
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const state: Scheduler = {
    next: nextOccurrence(parsed, clock()),
    stop: () => clearTimeout(timer),
  };
  const arm = () => {
    const wait = Math.min(MAX_WAIT_MS, Math.max(0, state.next.getTime() - clock().getTime()));
    timer = setTimeout(fire, wait);
    timer.unref();
  };
  const fire = () => {
    if (clock().getTime() < state.next.getTime()) return arm();
    state.next = nextOccurrence(parsed, clock());
    arm();
    if (running) return;
    running = true;
    void task()
      .catch(onError)
      .finally(() => (running = false));
  };
  arm();
  return state;
}
