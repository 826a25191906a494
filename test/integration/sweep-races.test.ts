import type { TableClient } from '@azure/data-tables';
import { ActiveSlots } from '../../shared/adapters/table/active-slots';
import { BUCKET_MS, GRACE_MS, TableDueIndex } from '../../shared/adapters/table/due-index';
import { JobRows } from '../../shared/adapters/table/job-rows';
import { TableJobStore } from '../../shared/adapters/table/table-job-store';
import { addDays, TIMER_DAYS } from '../../shared/import-export/model/timers';
import { sweep } from '../../shared/import-export/sweep/sweeper';
import { SecretBox } from '../../shared/kernel/secret-box';
import { makeJob } from '../support/jobs';
import { newSubscription, TestClock, testRuntime } from '../support/runtime';
import { gate, holdingFirstWrite, slotCount, type Gate } from '../support/races';
import { at, moveAlong, putSampleJob, reportOf, T0 } from '../support/timed-jobs';

/**
 * The sweep (docs/contract/import-export.md#c2) racing the writes it must not undo, on the real
 * tables: a write held between its read and its write while the other side goes through, then
 * released. Whatever the order, each rule applies at most once, a customer's or operator's change
 * is never overwritten, and the quota counts exactly the active jobs.
 */
const clock = new TestClock(T0);
const rt = testRuntime({}, clock.now);
beforeAll(() => rt.tables.ensure());
beforeEach(() => clock.set(T0));

const slots = (sub: string) => slotCount(rt, sub);

describe('a sweep and a write of the same job', () => {
  it('a job moved on by an operator between the sweep reading it and writing it keeps the move: no alert, no overwrite', async () => {
    const sub = newSubscription();
    await putSampleJob(rt.jobs, sub, 'Ship');
    await moveAlong(rt.jobs, sub, 'Ship', ['Shipping'], T0);
    const now = at(TIMER_DAYS.shippingOverdue, 1);
    clock.set(now);
    const g = gate();
    const sweeping = sweep({ ...rt.sweep, store: holdingFirstWrite(rt.sweep.store, g) }, now);
    await g.reached; // the sweep read the job Shipping and overdue
    await moveAlong(rt.jobs, sub, 'Ship', ['Received'], now);
    g.release();
    expect(await sweeping).toEqual(reportOf({ skipped: 1 }));
    const job = (await rt.jobs.store.get(sub, 'Ship'))!.value;
    expect([job.State, job.Alerts ?? [], job.DriveList.map((d) => d.State)]).toEqual([
      'Received',
      [],
      ['Specified', 'Specified'],
    ]);
    expect(await sweep(rt.sweep, now)).toEqual(reportOf());
  });

  it('Put re-creating an expired job while the sweep deletes it: the new job stays, with one quota slot', async () => {
    const sub = newSubscription();
    await putSampleJob(rt.jobs, sub, 'Again');
    const now = at(TIMER_DAYS.creatingDeleted, 1);
    clock.set(now);
    const g = gate();
    const sweeping = sweep({ ...rt.sweep, store: holdingFirstWrite(rt.sweep.store, g) }, now);
    await g.reached; // the sweep read the expired job and is about to delete it
    const created = await putSampleJob(rt.jobs, sub, 'Again');
    g.release();
    expect(await sweeping).toEqual(reportOf({ skipped: 1 }));
    const job = await rt.jobs.store.get(sub, 'Again');
    expect([job?.etag, job?.value.CreatedTime]).toEqual([created.etag, now.toISOString()]);
    expect(await slots(sub)).toBe(1);
  });

  it('the sweep deleting an expired job while Put re-creates it: Put creates anew, with one quota slot', async () => {
    const sub = newSubscription();
    await putSampleJob(rt.jobs, sub, 'Again');
    const now = at(TIMER_DAYS.creatingDeleted, 1);
    clock.set(now);
    const g = gate();
    const putting = putSampleJob({ ...rt.jobs, store: holdingFirstWrite(rt.jobs.store, g) }, sub, 'Again');
    await g.reached; // Put read the expired job and is about to replace it
    expect(await sweep(rt.sweep, now)).toEqual(reportOf({ creatingDeleted: 1 }));
    g.release();
    const created = await putting;
    expect(created.value.CreatedTime).toBe(now.toISOString());
    expect((await rt.jobs.store.get(sub, 'Again'))?.etag).toBe(created.etag);
    expect(await slots(sub)).toBe(1);
    expect(await sweep(rt.sweep, now)).toEqual(reportOf());
  });
});

describe("the due-time index's markers and a slow write (adapters/table/due-index.ts, GRACE_MS)", () => {
  /** A store of its own (another instance), whose first read of quota slots is held at the gate. */
  function slowStore(g: Gate) {
    let first = true;
    const hold = (real: TableClient): TableClient =>
      new Proxy(real, {
        get(t, prop, receiver) {
          const value = Reflect.get(t, prop, receiver) as unknown;
          if (prop !== 'listEntities') return typeof value === 'function' ? value.bind(t) : value;
          return (options?: { queryOptions?: { filter?: string } }) => {
            const rows = t.listEntities(options);
            if (!first || !options?.queryOptions?.filter?.includes('slot_')) return rows;
            first = false;
            return (async function* () {
              g.reach();
              await g.released;
              yield* rows;
            })();
          };
        },
      });
    const table = async () => hold(await rt.tables.table('jobs'));
    const due = new TableDueIndex(table, () => rt.tables.table('due'), 'due', clock.now);
    return new TableJobStore(
      table,
      new JobRows(new SecretBox(rt.config.secretsKey)),
      new ActiveSlots(table),
      due,
    );
  }

  it('a write held past the end of its due hour and the grace is still swept: its due row never lacks a marker', async () => {
    const sub = newSubscription();
    const hourEnd = new Date(T0.getTime() + BUCKET_MS);
    const dueAt = new Date(hourEnd.getTime() - 5 * 60_000);
    clock.set(new Date(hourEnd.getTime() - 10 * 60_000));
    // A Creating job due for deletion within this hour (its clock started 14 days less 5 minutes ago).
    const job = makeJob(rt, sub, 'Slow', { now: addDays(dueAt.toISOString(), -TIMER_DAYS.creatingDeleted) });
    const g = gate();
    const writing = slowStore(g).write({ kind: 'create', job, activeJobLimit: 20 });
    await g.reached;
    // The write is held (slow storage calls, retries) until the hour and the grace are over; a
    // sweep meanwhile finds nothing due and retires the hour's marker.
    clock.set(new Date(hourEnd.getTime() + GRACE_MS + 60_000));
    expect(await sweep(rt.sweep, clock.now())).toEqual(reportOf());
    g.release();
    await writing;
    clock.advance(60_000);
    expect(await sweep(rt.sweep, clock.now())).toEqual(reportOf({ creatingDeleted: 1 }));
    expect(await rt.jobs.store.get(sub, 'Slow')).toBeUndefined();
    expect(await slots(sub)).toBe(0);
  });
});
