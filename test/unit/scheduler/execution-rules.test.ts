import type { Job, PendingAttempt } from '../../../shared/scheduler/model';
import { claimNext, dueAt } from '../../../shared/scheduler/execution/claim-rules';
import { recordOutcome } from '../../../shared/scheduler/execution/outcome-rules';
import { effectiveRetry } from '../../../shared/scheduler/execution/retry-rules';
import { entriesToDrop, jobExpiry } from '../../../shared/scheduler/execution/retention-rules';

const T0 = new Date('2026-03-02T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const LEASE = 90_000;

function job(over: Partial<Job> = {}): Job {
  return {
    id: 'job1',
    anchor: T0.toISOString(),
    incarnation: 'inc',
    occurrences: 0,
    state: 'enabled',
    action: { type: 'http', kind: 'http', request: { uri: 'http://t/', method: 'GET' } },
    status: {
      nextExecutionTime: '2026-03-02T10:00:00Z',
      executionCount: 0,
      failureCount: 0,
      faultedCount: 0,
    },
    ...over,
  };
}

const run = (j: Job, now: Date, by = 'a') => {
  const c = claimNext(j, now, by, LEASE);
  if (c.kind !== 'run') throw new Error(`expected run, got ${c.kind}`);
  return c;
};
const finish = (j: Job, attempt: PendingAttempt, success: boolean, end: Date, by = 'a') => {
  const r = recordOutcome(j, attempt, by, {
    success,
    message: success ? 'ok' : 'bad',
    startedAt: end,
    endedAt: end,
  });
  if (!r) throw new Error('stale');
  return r;
};

describe('retry policies', () => {
  it.each([
    ['no policy: four more at 30 s', undefined, { count: 4, intervalMs: 30_000 }],
    ['none: no retries', { retryType: 'none' as const }, { count: 0, intervalMs: 0 }],
    ['fixed without values: 5 at 1 min', { retryType: 'fixed' as const }, { count: 5, intervalMs: 60_000 }],
    [
      'fixed as given',
      { retryType: 'fixed' as const, retryCount: 2, retryInterval: 1000 },
      { count: 2, intervalMs: 1000 },
    ],
  ])('%s', (_name, policy, expected) => {
    expect(effectiveRetry(policy)).toEqual(expected);
  });
});

describe('claiming an occurrence', () => {
  it('is idle before the next execution time', () => {
    expect(claimNext(job(), at(-1), 'a', LEASE).kind).toBe('idle');
  });

  it('starts a one-time job: counts it, records the actual start, and marks it final', () => {
    const c = run(job(), at(250));
    expect(c.attempt).toMatchObject({
      scheduled: T0.toISOString(),
      actionName: 'MainAction',
      retryCount: 0,
      repeatCount: 1,
      final: true,
    });
    expect(c.attempt.claim).toEqual({ by: 'a', until: at(250 + LEASE).toISOString() });
    expect(c.job.status).toEqual({
      executionCount: 1,
      failureCount: 0,
      faultedCount: 0,
      lastExecutionTime: '2026-03-02T10:00:00.2500000Z',
    });
    expect(c.job.occurrences).toBe(1);
    expect(dueAt(c.job)).toEqual(at(250 + LEASE));
  });

  it('a recurring job moves its next execution time to the next occurrence', () => {
    const c = run(job({ recurrence: { frequency: 'minute', interval: 1 } }), at(100));
    expect(c.job.status.nextExecutionTime).toBe('2026-03-02T10:01:00Z');
    expect(c.attempt.final).toBe(false);
  });

  it('after downtime runs only the latest missed occurrence and writes one postponed entry', () => {
    const c = run(job({ recurrence: { frequency: 'minute', interval: 1 } }), at(5 * 60_000 + 10));
    expect(c.attempt.scheduled).toBe('2026-03-02T10:05:00.000Z');
    expect(c.job.status.executionCount).toBe(1);
    expect(c.job.status.nextExecutionTime).toBe('2026-03-02T10:06:00Z');
    expect(c.postponed?.entry).toMatchObject({
      status: 'postponed',
      state: 'enabled',
      expectedExecutionTime: '2026-03-02T10:00:00Z',
      message:
        "Postponed - 5 occurrence(s) from '2026-03-02T10:00:00Z' to '2026-03-02T10:04:00Z' were missed while the service was unavailable; only the latest runs.",
    });
  });

  it('missed occurrences do not count toward count', () => {
    const c = run(job({ recurrence: { frequency: 'minute', interval: 1, count: 2 } }), at(3 * 60_000));
    expect(c.job.occurrences).toBe(1);
    expect(c.attempt.final).toBe(false);
    const second = run(finish(c.job, c.attempt, true, at(3 * 60_000 + 5)).job, at(4 * 60_000));
    expect(second.attempt.final).toBe(true);
  });

  it('a claimed attempt is not claimed again until its lease lapses, then again with the same key', () => {
    const c = run(job(), at(0), 'a');
    expect(claimNext(c.job, at(LEASE - 1), 'b', LEASE).kind).toBe('idle');
    const again = run(c.job, at(LEASE), 'b');
    expect(again.attempt).toMatchObject({
      scheduled: c.attempt.scheduled,
      retryCount: 0,
      claim: { by: 'b' },
    });
    expect(again.job.status.executionCount).toBe(1);
  });

  it('a disabled job cancels what is pending', () => {
    const c = run(job(), at(0));
    const disabled = { ...c.job, state: 'disabled' as const };
    expect(claimNext(disabled, at(LEASE + 1), 'b', LEASE)).toMatchObject({
      kind: 'cancel',
      job: { execution: { pending: [] } },
    });
  });
});

describe('recording outcomes', () => {
  it('a final success completes the job and drops the next execution time', () => {
    const c = run(job(), at(0));
    const r = finish(c.job, c.attempt, true, at(300));
    expect(r.job.state).toBe('completed');
    expect(r.job.execution).toEqual({ pending: [], finishedAt: at(300).toISOString() });
    expect(r.entry).toMatchObject({
      status: 'completed',
      state: 'completed',
      actionName: 'MainAction',
      retryCount: 0,
      repeatCount: 1,
      startTime: '2026-03-02T10:00:00.3000000Z',
    });
    // Its only due time left is the end of its retention.
    expect(dueAt(r.job)).toEqual(new Date(at(300).getTime() + 60 * 86_400_000));
  });

  it('fixed retries follow retryInterval after each failed attempt ended, counting every failure', () => {
    let j = job({
      action: { ...job().action, retryPolicy: { retryType: 'fixed', retryCount: 2, retryInterval: 5000 } },
    });
    let c = run(j, at(0));
    let r = finish(c.job, c.attempt, false, at(1000));
    expect(r.job.execution?.pending).toEqual([
      expect.objectContaining({ retryCount: 1, dueAt: at(6000).toISOString() }),
    ]);
    expect(r.job.status).toMatchObject({ failureCount: 1, faultedCount: 0 });
    expect(r.job.state).toBe('enabled');
    expect(claimNext(r.job, at(5999), 'a', LEASE).kind).toBe('idle');
    c = run(r.job, at(6000));
    r = finish(c.job, c.attempt, false, at(6500));
    c = run(r.job, at(11_500));
    expect(c.attempt.retryCount).toBe(2);
    r = finish(c.job, c.attempt, false, at(12_000));
    expect(r.job).toMatchObject({
      state: 'faulted',
      status: { executionCount: 1, failureCount: 3, faultedCount: 1 },
    });
    expect(r.entry).toMatchObject({ status: 'failed', state: 'faulted', retryCount: 2, repeatCount: 1 });
    j = r.job;
    expect(j.execution?.pending).toEqual([]);
  });

  it('the error action runs at once after the last failed retry, with its own retries, never changing the state', () => {
    const errorAction = { type: 'storageQueue', kind: 'storageQueue' as const };
    const j = job({
      recurrence: { frequency: 'hour', interval: 1 },
      action: {
        ...job().action,
        retryPolicy: { retryType: 'fixed', retryCount: 1, retryInterval: 1000 },
        errorAction,
      },
    });
    let c = run(j, at(0));
    let r = finish(c.job, c.attempt, false, at(10));
    c = run(r.job, at(1010));
    r = finish(c.job, c.attempt, false, at(1020));
    expect(r.job.status.faultedCount).toBe(1);
    expect(r.job.state).toBe('enabled');
    expect(r.job.execution?.pending).toEqual([
      expect.objectContaining({ actionName: 'ErrorAction', retryCount: 0, dueAt: at(1020).toISOString() }),
    ]);
    c = run(r.job, at(1020));
    r = finish(c.job, c.attempt, false, at(1030));
    expect(r.entry).toMatchObject({
      actionName: 'ErrorAction',
      retryCount: 0,
      repeatCount: 1,
      status: 'failed',
    });
    expect(r.job.status.failureCount).toBe(2);
    c = run(r.job, at(2030));
    expect(c.attempt).toMatchObject({ actionName: 'ErrorAction', retryCount: 1 });
    r = finish(c.job, c.attempt, false, at(2040));
    expect(r.job.execution?.pending).toEqual([]);
    expect(r.job.state).toBe('enabled');
  });

  it('retryType none fails the occurrence at once; a non-final fault keeps the job enabled', () => {
    const j = job({
      recurrence: { frequency: 'minute', interval: 1 },
      action: { ...job().action, retryPolicy: { retryType: 'none' } },
    });
    const c = run(j, at(0));
    const r = finish(c.job, c.attempt, false, at(10));
    expect(r.job).toMatchObject({
      state: 'enabled',
      status: { failureCount: 1, faultedCount: 1, nextExecutionTime: '2026-03-02T10:01:00Z' },
    });
    expect(r.job.execution?.pending).toEqual([]);
  });

  it('an occurrence due during the previous one’s retries still runs on time', () => {
    const j = job({
      recurrence: { frequency: 'minute', interval: 1 },
      action: { ...job().action, retryPolicy: { retryType: 'fixed', retryCount: 3, retryInterval: 50_000 } },
    });
    let c = run(j, at(0));
    const r = finish(c.job, c.attempt, false, at(20_000));
    c = run(r.job, at(60_000));
    expect(c.attempt).toMatchObject({ scheduled: at(60_000).toISOString(), retryCount: 0, repeatCount: 2 });
    c = run(c.job, at(70_000));
    expect(c.attempt).toMatchObject({ scheduled: at(0).toISOString(), retryCount: 1 });
  });

  it('drops the result of a claim it no longer holds', () => {
    const c = run(job(), at(0), 'a');
    const stolen = run(c.job, at(LEASE), 'b');
    expect(
      recordOutcome(stolen.job, c.attempt, 'a', {
        success: true,
        message: '',
        startedAt: at(0),
        endedAt: at(1),
      }),
    ).toBeUndefined();
    expect(
      recordOutcome(stolen.job, stolen.attempt, 'b', {
        success: true,
        message: '',
        startedAt: at(0),
        endedAt: at(1),
      }),
    ).toBeDefined();
  });
});

describe('retention', () => {
  it('a finished job expires 60 days after its final state; a running one never', () => {
    const c = run(job(), at(0));
    const done = finish(c.job, c.attempt, true, at(0)).job;
    expect(jobExpiry(done)).toEqual(new Date(T0.getTime() + 60 * 86_400_000));
    expect(jobExpiry(job())).toBeUndefined();
    expect(claimNext(done, new Date(T0.getTime() + 60 * 86_400_000 - 1), 'a', LEASE).kind).toBe('idle');
    expect(claimNext(done, new Date(T0.getTime() + 60 * 86_400_000), 'a', LEASE).kind).toBe('expire');
  });

  it('history keeps the last 1000 entries and none older than 60 days', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const entries = Array.from({ length: 1003 }, (_, i) => ({
      i,
      endTime: new Date(now.getTime() - (1003 - i) * 60_000).toISOString(),
    }));
    expect(entriesToDrop(entries, now).map((e) => e.i)).toEqual([0, 1, 2]);
    const old = [{ endTime: '2026-04-01T23:59:59Z' }, { endTime: '2026-04-02T00:00:01Z' }];
    expect(entriesToDrop(old, now)).toEqual([old[0]]);
  });
});
