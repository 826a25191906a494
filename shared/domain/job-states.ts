import type { JobState } from './model';

/** SPEC D.3: every state but Completed and Closed holds one of the subscription's active-job slots. */
export const isActive = (state: JobState): boolean => state !== 'Completed' && state !== 'Closed';

/** SPEC A.9 (Decision): Completed and Closed are the finished states. */
export const isFinished = (state: JobState): boolean => !isActive(state);
