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
  // Creating each table once per instance (due, jobs: POST /Tables, 409 when it exists); one query
  // of the markers due (due GET); per due subscription: one query of its due rows, and per due job
  // a read of the job and of its subscription's meta row, one transaction, the tombstone's removal;
  // then the marker moved on: the meta row read again, a query for the earliest due row left (none
  // here), the meta row updated (jobs PATCH, a merge) and the old marker removed (due DELETE).
  expect(bigCost).toEqual({
    'due POST': 1,
    'due GET': 1,
    'due DELETE': 3,
    'jobs POST': 4,
    'jobs GET': 15,
    'jobs DELETE': 3,
    'jobs PATCH': 3,
  });
}, 120_000);
