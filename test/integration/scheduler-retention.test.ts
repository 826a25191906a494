import type { Runtime } from '../../shared/app/runtime';
import { getOperation, recordOperation } from '../../shared/scheduler/account-service';
import { runRetention } from '../../shared/scheduler/execution/retention';
import { jobHistory } from '../../shared/scheduler/jobs-service';
import type { CollectionRef, JobHistoryEntry, JobState } from '../../shared/scheduler/model';
import type { Target } from '../support/outbound-targets';
import { startTarget } from '../support/outbound-targets';
import { newSubscription, TestClock, testRuntime } from '../support/runtime';
import { httpAction, newJob, runtimeCollection } from '../support/scheduler-execution';

/** The Scheduler's retention (docs/classic-scheduler.md#e8) on Azurite, with the clock moved. */
const DAY = 86_400_000;
const T0 = new Date('2026-03-01T12:00:00.000Z');
const quiet = { log: () => undefined };

let clock: TestClock;
let rt: Runtime;
let ref: CollectionRef;
beforeEach(async () => {
  clock = new TestClock(T0);
  rt = testRuntime({}, clock.now);
  ref = await runtimeCollection(rt);
});

const entry = (
  jobId: string,
  endMs: number,
  state: JobState = 'enabled',
  status: JobHistoryEntry['status'] = 'completed',
): JobHistoryEntry => {
  const at = new Date(endMs).toISOString();
  return {
    jobId,
    timestamp: at,
    startTime: at,
    endTime: at,
    state,
    status,
    message: `ran at ${at}`,
    actionName: 'MainAction',
    retryCount: 0,
    repeatCount: 1,
  };
};

/** Entries written straight to the store, as a previous process would have left them. */
async function stored(jobId: string, endTimes: number[]): Promise<void> {
  for (let i = 0; i < endTimes.length; i += 50)
    await Promise.all(
      endTimes
        .slice(i, i + 50)
        .map((ms) => rt.schedulerHistory.append(ref, jobId, `k${ms}`, entry(jobId, ms))),
    );
}

/** An entry as the executor writes it: stored with its outcome, then told to history retention. */
async function written(jobId: string, key: string, e: JobHistoryEntry): Promise<void> {
  await rt.schedulerHistory.append(ref, jobId, key, e);
  await rt.schedulerExecution.retention.history.appended(ref, jobId, e);
}

const endTimesOf = async (jobId: string) =>
  (await rt.schedulerHistory.endTimes(ref, jobId)).map((e) => Date.parse(e.endTime));
const seconds = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => T0.getTime() - (from - i) * 1000);

describe('history: the last 1000 entries', () => {
  it('a write that finds more than 1000 leaves the newest 1000; later writes trim every 50th', async () => {
    const old = seconds(2000, 1005);
    await stored('busy', old);
    await written('busy', 'new-0', entry('busy', T0.getTime()));
    const kept = await endTimesOf('busy');
    expect(kept).toHaveLength(1000);
    expect(kept[0]).toBe(T0.getTime());
    expect(kept.at(-1)).toBe(old[6]);
    // Amortised: 49 more appends are not trimmed, the 50th is.
    for (let i = 1; i < 50; i++) await written('busy', `new-${i}`, entry('busy', T0.getTime() + i));
    expect(await endTimesOf('busy')).toHaveLength(1049);
    await written('busy', 'new-50', entry('busy', T0.getTime() + 50));
    const after = await endTimesOf('busy');
    expect(after).toHaveLength(1000);
    expect(after[0]).toBe(T0.getTime() + 50);
  });

  it('reads show the newest 1000 even before trimming, and filter within them', async () => {
    await rt.scheduler.jobs.create(ref, newJob('wide', httpAction('http://127.0.0.1:9/'), clock.now()));
    await stored('wide', seconds(2000, 1000));
    for (const ms of seconds(3000, 3))
      await rt.schedulerHistory.append(ref, 'wide', `f${ms}`, entry('wide', ms, 'enabled', 'failed'));
    const shown = await jobHistory(rt.scheduler, ref, 'wide', {});
    expect(shown).toHaveLength(1000);
    expect(shown[0]!.endTime).toBe(new Date(T0.getTime() - 1001_000).toISOString());
    expect(shown.every((e) => e.status === 'completed')).toBe(true);
    // The three failed entries are beyond the cap: a filter does not bring them back.
    expect(await jobHistory(rt.scheduler, ref, 'wide', { status: 'failed' })).toEqual([]);
    expect(await endTimesOf('wide')).toHaveLength(1003);
  });
});

describe('history: none older than 60 days', () => {
  it('the retention pass deletes each entry at its expiry and re-arms at the next oldest', async () => {
    await rt.scheduler.jobs.create(ref, newJob('aging', httpAction('http://127.0.0.1:9/'), clock.now()));
    const ends = [T0.getTime() - 10 * DAY, T0.getTime() - 5 * DAY, T0.getTime()];
    for (const [i, ms] of ends.entries()) await written('aging', `a${i}`, entry('aging', ms));
    const pass = () => runRetention(rt.schedulerExecution.retention, clock.now(), quiet);

    clock.set(new Date(ends[0]! + 60 * DAY - 1000));
    expect((await pass()).historyEntriesDeleted).toBe(0);
    expect(await endTimesOf('aging')).toHaveLength(3);

    clock.set(new Date(ends[0]! + 60 * DAY));
    // Hidden from reads at once, whatever the pass has done.
    expect(await jobHistory(rt.scheduler, ref, 'aging', {})).toHaveLength(2);
    expect((await pass()).historyEntriesDeleted).toBe(1);
    expect(await endTimesOf('aging')).toEqual([ends[2], ends[1]]);

    clock.set(new Date(ends[1]! + 60 * DAY));
    expect((await pass()).historyEntriesDeleted).toBe(1);
    expect(await endTimesOf('aging')).toEqual([ends[2]]);
  });

  it('a finished job’s entries arm nothing: they go with the job', async () => {
    await written('done', 'd0', entry('done', T0.getTime(), 'completed'));
    clock.set(new Date(T0.getTime() + 61 * DAY));
    expect(
      (await runRetention(rt.schedulerExecution.retention, clock.now(), quiet)).historyEntriesDeleted,
    ).toBe(0);
  });
});

describe('finished jobs: 60 days after their final state', () => {
  let target: Target;
  afterEach(() => target.close());

  it('the pass deletes a completed job and its history at its expiry, and runs no job', async () => {
    target = await startTarget((_req, res) => res.end());
    await rt.scheduler.jobs.create(ref, newJob('once', httpAction(`${target.origin}/once`), clock.now()));
    await rt.schedulerExecution.executor.tick();
    expect((await rt.scheduler.jobs.get(ref, 'once'))?.state).toBe('completed');
    const every = { frequency: 'minute' as const, interval: 1 };
    await rt.scheduler.jobs.create(
      ref,
      newJob('often', httpAction(`${target.origin}/often`), clock.now(), { recurrence: every }),
    );
    const seen = target.seen.length;

    clock.set(new Date(T0.getTime() + 60 * DAY - 1000));
    expect((await runRetention(rt.schedulerExecution.retention, clock.now(), quiet)).jobsDeleted).toBe(0);
    expect(await rt.scheduler.jobs.get(ref, 'once')).toBeDefined();

    clock.set(new Date(T0.getTime() + 60 * DAY));
    expect((await runRetention(rt.schedulerExecution.retention, clock.now(), quiet)).jobsDeleted).toBe(1);
    expect(await rt.scheduler.jobs.get(ref, 'once')).toBeUndefined();
    expect(await endTimesOf('once')).toEqual([]);
    // The recurring job, long due, is the executor's: the pass neither ran nor removed it.
    expect(target.seen).toHaveLength(seen);
    expect((await rt.scheduler.jobs.get(ref, 'often'))?.status.executionCount).toBe(0);
  });
});

describe('operation records: 7 days', () => {
  it('the pass removes a record 7 days after it was made, and only those due', async () => {
    const sub = newSubscription();
    const [first, second] = ['a'.repeat(32), 'b'.repeat(32)];
    await recordOperation(rt.scheduler, sub, first);
    clock.set(new Date(T0.getTime() + DAY));
    await recordOperation(rt.scheduler, sub, second);

    clock.set(new Date(T0.getTime() + 7 * DAY - 1000));
    expect((await runRetention(rt.schedulerExecution.retention, clock.now(), quiet)).operationsDeleted).toBe(
      0,
    );
    expect((await getOperation(rt.scheduler, sub, first)).status).toBe('Succeeded');

    clock.set(new Date(T0.getTime() + 7 * DAY));
    expect((await runRetention(rt.schedulerExecution.retention, clock.now(), quiet)).operationsDeleted).toBe(
      1,
    );
    await expect(getOperation(rt.scheduler, sub, first)).rejects.toThrow(/was not found/);
    expect((await getOperation(rt.scheduler, sub, second)).status).toBe('Succeeded');
  });
});
