import { defineClassicJob } from '../support/classic-jobs';
import { seedRows } from '../../bench/seed';
import type { Job } from '../../shared/import-export/model/model';
import { sweep } from '../../shared/import-export/sweep/sweeper';
import { createRuntime, type Runtime } from '../../shared/app/runtime';
import { newSubscription, TestClock, testRuntime } from '../support/runtime';
import { samplePutJob } from '../support/samples';
import { at, putSampleJob, T0 } from '../support/timed-jobs';

/**
 * docs/contract/import-export.md#c2: a sweep costs in proportion to the jobs that are due, not to all jobs. The storage
 * requests of a sweep over 3 due jobs among 5,000 are counted (a pipeline policy on every table
 * client) and compared with the same sweep over 3 due jobs among 10.
 */
const NOW = T0;
const clock = new TestClock(at(-20));

/** `count` jobs, 100 to a subscription, created a day before NOW: due 13 days after it. */
function idleJobs(rt: Runtime, count: number): Job[] {
  const subs = Array.from({ length: Math.ceil(count / 100) }, newSubscription);
  return Array.from({ length: count }, (_, i) => {
    const sub = subs[Math.floor(i / 100)]!;
    const name = `Idle${i}`;
    return defineClassicJob(
      samplePutJob(name) as any,
      { subscriptionId: sub, storageAccountName: 'xttest', jobName: name },
      '2014-11-01',
      rt.jobs.locations,
      at(-1),
    );
  });
}

/** A world of `idle` jobs plus 3 Creating jobs that are 20 days old at NOW, in three subscriptions. */
async function world(idle: number): Promise<Runtime> {
  const rt = testRuntime({}, clock.now);
  await seedRows(rt, idleJobs(rt, idle));
  for (let i = 0; i < 3; i++) await putSampleJob(rt.jobs, newSubscription(), `Due${i}`);
  return rt;
}

/** The requests of one sweep at NOW from a fresh instance (cold clients and caches), by table and verb. */
async function sweepCost(rt: Runtime): Promise<Record<string, number>> {
  const instance = createRuntime(rt.config, clock.now);
  // The tables are created at start-up (the host's appStart), never by a request or a sweep.
  await instance.tables.ensure();
  const counts: Record<string, number> = {};
  const stop = instance.tables.observe((r) => {
    const key = `${r.table} ${r.method}`;
    counts[key] = (counts[key] ?? 0) + 1;
  });
  const report = await sweep(instance.sweep, NOW);
  stop();
  expect(report.rules.creatingDeleted).toBe(3);
  return counts;
}

it('a sweep over 3 due jobs among 5,000 makes as many storage requests as among 10', async () => {
  const big = await world(4997);
  const small = await world(7);
  const bigCost = await sweepCost(big);
  const smallCost = await sweepCost(small);
  expect(bigCost).toEqual(smallCost);
  // One query of the markers due (due GET); per due subscription's marker: one query of its due rows, and per
  // due job a read of the job, one transaction, the tombstone's removal; then, its hour long past,
  // a query for any due row left (none here) and the marker's removal (due DELETE). No row is
  // shared by a subscription's jobs, so nothing else is read or written.
  expect(bigCost).toEqual({
    'due GET': 1,
    'due DELETE': 3,
    'jobs POST': 3,
    'jobs GET': 9,
    'jobs DELETE': 3,
  });
}, 120_000);

it('a sweep of 100 due jobs in one subscription costs at most 9 storage requests per due job, as spread ones do', async () => {
  const rt = testRuntime({}, clock.now);
  const sub = newSubscription();
  const due = Array.from({ length: 100 }, (_, i) =>
    defineClassicJob(
      samplePutJob(`Due${i}`) as any,
      { subscriptionId: sub, storageAccountName: 'xttest', jobName: `Due${i}` },
      '2014-11-01',
      rt.jobs.locations,
      at(-20),
    ),
  );
  await seedRows(rt, due);
  const instance = createRuntime(rt.config, clock.now);
  await instance.tables.ensure();
  let requests = 0;
  const stop = instance.tables.observe(() => requests++);
  const report = await sweep(instance.sweep, NOW);
  stop();
  expect(report.rules.creatingDeleted).toBe(100);
  expect(requests / 100).toBeLessThanOrEqual(9);
}, 120_000);
