import type { SchedulerDeps } from './deps';
import { setJobState } from './jobs-service';
import type { CollectionRef, Job } from './model';

/** Rounds of following a collection's state that other updates keep changing. */
const RUN_STATE_ROUNDS = 10;

/**
 * Applies `state` to the jobs, then again whatever state the collection has by then: a stop and
 * a start at once may pass over the jobs in either order, and the pass that ends last must leave
 * them as the collection's last state says.
 */
export async function settleRunState(d: SchedulerDeps, ref: CollectionRef, state: 'Started' | 'Stopped') {
  let applied = state;
  for (let round = 0; round < RUN_STATE_ROUNDS; round++) {
    await applyRunState(d, ref, applied);
    const now = (await d.collections.get(ref.subscriptionId, ref.cloudService, ref.jobCollection))?.state;
    if (now === undefined || now === applied) return;
    applied = now;
  }
}

/** Stopping disables every enabled job and remembers which; starting re-enables exactly those. */
async function applyRunState(
  d: SchedulerDeps,
  ref: CollectionRef,
  state: 'Started' | 'Stopped',
): Promise<void> {
  const change = (j: Job): Job | undefined => {
    if (state === 'Stopped' && j.state === 'enabled')
      return { ...j, state: 'disabled', disabledByCollection: true };
    if (state === 'Started' && j.state === 'disabled' && j.disabledByCollection) {
      const { disabledByCollection: _, ...rest } = j;
      return { ...rest, state: 'enabled' };
    }
    return undefined;
  };
  // Only the jobs the list shows with something to change are read and written again.
  for (const job of await d.jobs.list(ref)) if (change(job)) await setJobState(d, ref, job.id, change);
}
