import { defineClassicJob } from '../support/classic-jobs';
import { moveJob } from '../../shared/import-export/model/job-states';
import { DEFAULT_LOCATIONS, Locations } from '../../shared/import-export/model/locations';
import type { Job } from '../../shared/import-export/model/model';
import {
  addDays,
  applyTimers,
  deletionTime,
  dueTime,
  isExpired,
  nextTimer,
  SHIPPING_OVERDUE,
} from '../../shared/import-export/model/timers';
import { exportJob, samplePutJob } from '../support/samples';

const T0 = new Date('2030-01-01T00:00:00.000Z');
const DAY = 24 * 3600 * 1000;
const at = (days: number, ms = 0) => new Date(T0.getTime() + days * DAY + ms);
const address = { subscriptionId: '11111111-2222-3333-4444-555555555555', storageAccountName: 'xttest' };

const creating = (body: any = samplePutJob('Alpha')): Job =>
  defineClassicJob(
    body,
    { ...address, jobName: body.Name },
    '2014-11-01',
    new Locations(DEFAULT_LOCATIONS),
    T0,
  );
const shipping = (): Job => moveJob(creating(), 'Shipping', T0);
const finished = (state: 'Completed' | 'Closed'): Job => ({ ...creating(), State: state });

describe('the timer rules of docs/contract/import-export.md#c2 as pure functions of (job, now)', () => {
  it('a Creating job is deleted 14 days after its clock started, not a millisecond before', () => {
    expect(applyTimers(creating(), at(14, -1))).toEqual({ kind: 'none' });
    expect(applyTimers(creating(), at(14))).toEqual({ kind: 'delete', rule: 'creatingDeleted' });
  });

  it.each(['Completed', 'Closed'] as const)(
    'a %s job is deleted 90 days after its clock started',
    (state) => {
      expect(applyTimers(finished(state), at(90, -1))).toEqual({ kind: 'none' });
      expect(applyTimers(finished(state), at(90))).toEqual({ kind: 'delete', rule: 'finishedDeleted' });
    },
  );

  it('a Shipping job 14 days late has its Specified drives NeverReceived and an alert, and keeps its clock', () => {
    expect(applyTimers(shipping(), at(14, -1))).toEqual({ kind: 'none' });
    const outcome = applyTimers(shipping(), at(14));
    if (outcome.kind !== 'update') throw new Error(`expected an update, got ${outcome.kind}`);
    expect(outcome.rules).toEqual(['shippingOverdue']);
    expect(outcome.job.State).toBe('Shipping');
    expect(outcome.job.ClockStart).toBe(T0.toISOString());
    expect(outcome.job.DriveList.map((d) => d.State)).toEqual(['NeverReceived', 'NeverReceived']);
    expect(outcome.job.Alerts).toEqual([
      { Kind: SHIPPING_OVERDUE, Time: at(14).toISOString(), Message: expect.stringContaining('Alpha') },
    ]);
  });

  it('leaves drives that are not Specified as they are', () => {
    const job = shipping();
    job.DriveList[1] = { ...job.DriveList[1]!, State: 'Faulted', FaultedFrom: 'Specified' };
    const outcome = applyTimers(job, at(14));
    expect(outcome.kind === 'update' && outcome.job.DriveList.map((d) => d.State)).toEqual([
      'NeverReceived',
      'Faulted',
    ]);
  });

  it('an overdue export job (no drives yet) gets the alert too', () => {
    const job = moveJob(creating(exportJob('Exp')), 'Shipping', T0);
    const outcome = applyTimers(job, at(14));
    expect(outcome.kind === 'update' && outcome.job.Alerts?.map((a) => a.Kind)).toEqual([SHIPPING_OVERDUE]);
  });

  it('an alerted Shipping job closes 44 days after it started shipping, restarting its clock', () => {
    const first = applyTimers(shipping(), at(14));
    if (first.kind !== 'update') throw new Error('expected the overdue rule');
    expect(applyTimers(first.job, at(44, -1))).toEqual({ kind: 'none' });
    const closed = applyTimers(first.job, at(44));
    if (closed.kind !== 'update') throw new Error('expected the close rule');
    expect(closed.rules).toEqual(['shippingClosed']);
    expect(closed.job.State).toBe('Closed');
    expect(closed.job.ClockStart).toBe(at(44).toISOString());
    expect(nextTimer(closed.job)).toEqual({ rule: 'finishedDeleted', at: at(134) });
  });

  it('a Shipping job first seen 44 days late gets both rules in one outcome', () => {
    const outcome = applyTimers(shipping(), at(50));
    if (outcome.kind !== 'update') throw new Error('expected an update');
    expect(outcome.rules).toEqual(['shippingOverdue', 'shippingClosed']);
    expect(outcome.job.State).toBe('Closed');
    expect(outcome.job.DriveList.every((d) => d.State === 'NeverReceived')).toBe(true);
    expect(outcome.job.Alerts).toHaveLength(1);
  });

  it('is idempotent: the rules applied to their own result at the same instant do nothing', () => {
    for (const days of [14, 30, 44, 60]) {
      const outcome = applyTimers(shipping(), at(days));
      if (outcome.kind !== 'update') throw new Error('expected an update');
      expect(applyTimers(outcome.job, at(days))).toEqual({ kind: 'none' });
    }
  });

  it('an alert from an earlier Shipping period does not count for the current one', () => {
    const alerted = applyTimers(shipping(), at(14));
    if (alerted.kind !== 'update') throw new Error('expected an update');
    const again = moveJob(moveJob(alerted.job, 'Faulted', at(15)), 'Shipping', at(16));
    expect(nextTimer(again)).toEqual({ rule: 'shippingOverdue', at: at(30) });
  });

  it.each(['Received', 'Transferring', 'Packaging', 'Faulted'] as const)(
    'a %s job has no timer, however old',
    (state) => {
      const job = { ...creating(), State: state };
      expect(nextTimer(job)).toBeUndefined();
      expect(applyTimers(job, at(1000))).toEqual({ kind: 'none' });
      expect(isExpired(job, at(1000))).toBe(false);
    },
  );

  it('reads hide a job from its deletion time on, not a millisecond before', () => {
    expect(deletionTime(creating())).toEqual(at(14));
    expect(isExpired(creating(), at(14, -1))).toBe(false);
    expect(isExpired(creating(), at(14))).toBe(true);
    expect(isExpired(finished('Closed'), at(90, -1))).toBe(false);
    expect(isExpired(finished('Closed'), at(90))).toBe(true);
    expect(deletionTime(shipping())).toBeUndefined();
  });

  it('the due time is the next rule of any kind', () => {
    expect(dueTime(creating())).toEqual(at(14));
    expect(dueTime(shipping())).toEqual(at(14));
    expect(dueTime(finished('Completed'))).toEqual(at(90));
    expect(addDays(T0.toISOString(), 44)).toEqual(at(44));
  });
});
