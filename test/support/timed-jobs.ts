import { classicPutCommand } from '../../shared/surfaces/classic-import-export/classic-job-input';
import { NO_CONDITIONS } from '../../shared/kernel/conditions';
import type { JobState } from '../../shared/import-export/model/model';
import { moveJob } from '../../shared/import-export/model/job-states';
import type { JobDeps } from '../../shared/import-export/model/ports';
import { putJob } from '../../shared/import-export/customer/put-job';
import { emptyReport, type SweepReport } from '../../shared/import-export/sweep/sweeper';
import { samplePutJob } from './samples';

const DAY_MS = 24 * 3600 * 1000;
export const T0 = new Date('2030-01-01T00:00:00.000Z');
/** `days` (and `ms`) after T0. */
export const at = (days: number, ms = 0): Date => new Date(T0.getTime() + days * DAY_MS + ms);

/** Put Job of the seed sample (two Specified drives) through the use case, at the deps' clock. */
export function putSampleJob(deps: JobDeps, sub: string, name: string, account = 'xttest') {
  return putJob(
    deps,
    classicPutCommand({
      subscriptionId: sub,
      storageAccountName: account,
      jobName: name,
      version: '2014-11-01',
      definition: samplePutJob(name, account) as any,
      conditions: NO_CONDITIONS,
    }),
  );
}

/**
 * Moves a job along `states` with moveJob at `when` (each move restarts its clock), as the
 * lifecycle operations do: a stand-in for Update Job and the operator API in these tests.
 */
export async function moveAlong(deps: JobDeps, sub: string, name: string, states: JobState[], when: Date) {
  for (const state of states) {
    const current = await deps.store.get(sub, name);
    if (!current) throw new Error(`no job ${name}`);
    await deps.store.write({
      kind: 'update',
      previous: current,
      job: moveJob(current.value, state, when),
      activeJobLimit: deps.activeJobLimit,
    });
  }
}

/** A report with these counts and zero elsewhere. */
export function reportOf(counts: Partial<SweepReport['rules']> & Partial<Omit<SweepReport, 'rules'>> = {}) {
  const { staleEntries, skipped, failed, ...rules } = counts;
  const r = emptyReport();
  return {
    ...r,
    rules: { ...r.rules, ...rules },
    staleEntries: staleEntries ?? 0,
    skipped: skipped ?? 0,
    failed: failed ?? 0,
  };
}

export const TO_COMPLETED: JobState[] = ['Shipping', 'Received', 'Transferring', 'Packaging', 'Completed'];
