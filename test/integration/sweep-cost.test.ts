import type { TransactionAction } from '@azure/data-tables';
import { defineJob } from '../../shared/domain/job-definition';
import { DEFAULT_LOCATIONS, Locations } from '../../shared/domain/locations';
import type { Job } from '../../shared/domain/model';
import { sweep } from '../../shared/domain/sweeper';
import { dueTime } from '../../shared/domain/timers';
import { createRuntime, type Runtime } from '../../shared/runtime';
import { dueEntity } from '../../shared/storage/due-index';
import { JobRows } from '../../shared/storage/job-rows';
import { SecretBox } from '../../shared/storage/secret-box';
import { newSubscription, TEST_SECRETS_KEY, TestClock, testRuntime } from '../support/runtime';
import { samplePutJob } from '../support/samples';
import { at, putSampleJob, T0 } from '../support/timed-jobs';

/**
 * SPEC C.2: a sweep costs in proportion to the jobs that are due, not to all jobs. The storage
 * requests of a sweep over 3 due jobs among 5,000 are counted (a pipeline policy on every table
 * client) and compared with the same sweep over 3 due jobs among 10.
 */
const NOW = T0;
const clock = new TestClock(at(-20));
const rows = new JobRows(new SecretBox(Buffer.from(TEST_SECRETS_KEY, 'base64')));

/** Jobs written straight as rows, 50 (job + list row) per transaction: fast, and never due by NOW. */
async function seedIdle(rt: Runtime, count: number): Promise<void> {
  const base = defineJob(
    samplePutJob('Idle') as any,
    { subscriptionId: '', storageAccountName: 'xttest', jobName: 'Idle' },
    '2014-11-01',
    new Locations(DEFAULT_LOCATIONS),
    at(-1),
  );
  const subs = Array.from({ length: Math.ceil(count / 100) }, newSubscription);
  const jobs: Job[] = Array.from({ length: count }, (_, i) => ({
    ...base,
    SubscriptionId: subs[i % subs.length]!,
    Name: `Idle${i}`,
  }));
  const batches: [table: 'jobs' | 'due', actions: TransactionAction[]][] = [];
  for (const sub of subs) {
    const mine = jobs.filter((j) => j.SubscriptionId === sub);
    for (let i = 0; i < mine.length; i += 50) {
      const actions = mine.slice(i, i + 50).flatMap((j): TransactionAction[] => {
        const r = rows.toRows(j);
        return [
          ['create', r.job],
          ['create', r.list],
        ];
      });
      batches.push(['jobs', actions]);
    }
  }
  for (let i = 0; i < jobs.length; i += 100) {
    const entries = jobs
      .slice(i, i + 100)
      .map((j): TransactionAction => ['create', dueEntity(j, dueTime(j)!)]);
    batches.push(['due', entries]);
  }
  const tables = { jobs: await rt.tables.table('jobs'), due: await rt.tables.table('due') };
  for (let i = 0; i < batches.length; i += 8) {
    await Promise.all(batches.slice(i, i + 8).map(([t, actions]) => tables[t].submitTransaction(actions)));
  }
}

/** A world of `idle` jobs plus 3 Creating jobs that are 20 days old at NOW, in three subscriptions. */
async function world(idle: number): Promise<Runtime> {
  const rt = testRuntime({}, clock.now);
  await seedIdle(rt, idle);
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

/** How many index entries are due by `upTo`. */
async function indexed(rt: Runtime, upTo: Date): Promise<number> {
  let n = 0;
  for await (const page of rt.sweep.due.pages(upTo)) n += page.length;
  return n;
}

it('a sweep over 3 due jobs among 5,000 makes as many storage requests as among 10', async () => {
  const big = await world(4997);
  const small = await world(7);
  expect(await indexed(big, at(100))).toBe(5000);
  expect(await indexed(big, NOW)).toBe(3);

  const bigCost = await sweepCost(big);
  const smallCost = await sweepCost(small);
  expect(bigCost).toEqual(smallCost);
  // Per table and verb: creating each table once per instance (POST /Tables, 409 when it exists),
  // one query of the index (due GET), and per due job: read it, read its subscription's meta row
  // (jobs GET x2), one transaction (jobs POST), remove the tombstone (jobs DELETE) and the index
  // entry (due DELETE).
  expect(bigCost).toEqual({
    'due POST': 1,
    'due GET': 1,
    'due DELETE': 3,
    'jobs POST': 4,
    'jobs GET': 6,
    'jobs DELETE': 3,
  });
}, 120_000);
