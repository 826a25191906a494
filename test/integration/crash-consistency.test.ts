import { TableCollectionStore } from '../../shared/adapters/table/scheduler-collection-store';
import { standingCollections } from '../../shared/scheduler/execution/standing-collections';
import {
  createCloudService,
  deleteCloudService,
  getCloudService,
} from '../../shared/scheduler/account-service';
import { createCollection, updateCollection } from '../../shared/scheduler/collections-service';
import type { SchedulerDeps } from '../../shared/scheduler/deps';
import { listJobs, putJob } from '../../shared/scheduler/jobs-service';
import type { CollectionRef, JobDefinition } from '../../shared/scheduler/model';
import { TestClock, newSubscription, testRuntime } from '../support/runtime';
import { sampleCollection } from '../support/scheduler-values';
import type { Target } from '../support/outbound-targets';
import { startTarget } from '../support/outbound-targets';
import type { SchedulerStores } from '../support/scheduler-execution';
import {
  executor,
  httpAction,
  newJob,
  schedulerStores,
  startedCollection,
} from '../support/scheduler-execution';

/**
 * Crash consistency: a process that dies, or a storage call that fails for good, between the
 * steps of one operation. What it leaves must be invisible, repaired, and block nothing later.
 */

const T0 = new Date('2026-05-04T08:00:00Z');
const rt = testRuntime();
beforeAll(() => rt.tables.ensure());

/** `target` with its `method`'s `n`-th call failing for good, as if the process died right there. */
function dyingAt<T extends object>(target: T, method: keyof T, n: number): T {
  let seen = 0;
  return new Proxy(target, {
    get(t, prop, receiver) {
      const value = Reflect.get(t, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const fn = value as (...a: unknown[]) => unknown;
      if (prop !== method) return fn.bind(t);
      return (...args: unknown[]) =>
        ++seen === n ? Promise.reject(new Error('the process died here')) : fn.apply(t, args);
    },
  });
}

describe('a collection removal that dies after the collection row went', () => {
  let stores: SchedulerStores;
  let clock: TestClock;
  let t: Target;
  let standing: (ref: CollectionRef) => Promise<boolean>;

  beforeEach(async () => {
    stores = await schedulerStores();
    clock = new TestClock(T0);
    t = await startTarget((_req, res) => res.end('done'));
    standing = standingCollections(
      (ref) => stores.collections.get(ref.subscriptionId, ref.cloudService, ref.jobCollection),
      clock.now,
    );
    const job = newJob('every-minute', httpAction(`${t.origin}/hook`), clock.now(), {
      recurrence: { frequency: 'minute', interval: 1 },
    });
    await stores.api.create(stores.ref, job);
  });
  afterEach(() => t.close());

  const dieAfterCollectionRow = async () => {
    const { subscriptionId, cloudService, jobCollection } = stores.ref;
    const dying = new TableCollectionStore(() =>
      Promise.resolve(dyingAt(stores.jobsTable, 'submitTransaction', 2)),
    );
    await expect(dying.remove(subscriptionId, cloudService, jobCollection)).rejects.toThrow('died');
    expect(await stores.collections.get(subscriptionId, cloudService, jobCollection)).toBeUndefined();
    // What it left: the job's row, and its due row.
    expect(await stores.jobs.get(stores.ref, 'every-minute')).toBeDefined();
  };

  it('never runs the jobs it left: the executor drops their rows without a claim', async () => {
    await dieAfterCollectionRow();
    const ex = executor(stores, clock.now, { standing });
    clock.advance(5 * 60_000);
    expect(await ex.tick()).toBe(0);
    expect(t.seen).toHaveLength(0);
    expect((await stores.jobs.get(stores.ref, 'every-minute'))?.status.executionCount).toBe(0);
    expect(await stores.due.due(new Date('2027-01-01T00:00:00Z'), 100)).toEqual([]);
  });

  it('runs them at most a minute after the removal when the collection was seen standing just before', async () => {
    const ex = executor(stores, clock.now, { standing });
    expect(await ex.tick()).toBe(1);
    await dieAfterCollectionRow();
    clock.advance(61_000);
    expect(await ex.tick()).toBe(0);
    expect(t.seen).toHaveLength(1);
    expect(await stores.due.due(new Date('2027-01-01T00:00:00Z'), 100)).toEqual([]);
  });

  it('leaves the name reusable: the collection created again shows none of the old jobs', async () => {
    await dieAfterCollectionRow();
    const { subscriptionId, cloudService, jobCollection } = stores.ref;
    expect(await stores.collections.create(subscriptionId, startedCollection(stores.ref))).toBe(true);
    expect(await stores.jobs.list(stores.ref)).toEqual([]);
    expect((await stores.collections.get(subscriptionId, cloudService, jobCollection))?.jobCount).toBe(0);
  });
});

describe('a collection stop or start that dies between its jobs (docs/classic-scheduler.md#b3)', () => {
  const hourly: JobDefinition = {
    action: { type: 'http', kind: 'http', request: { uri: 'http://127.0.0.1:9/', method: 'GET' } },
    recurrence: { frequency: 'hour', interval: 1 },
    state: 'enabled',
  };
  const states = async (d: SchedulerDeps, ref: CollectionRef) =>
    (await listJobs(d, ref)).map((j) => [j.id, j.state]);

  it('is finished by a retry of the same request: no job runs on in a stopped collection', async () => {
    const d = rt.scheduler;
    const ref = await sampleCollection(d, newSubscription(), 'jc-run');
    const { subscriptionId: sub, cloudService: cs } = ref;
    const collection = (await d.collections.get(sub, cs, 'jc-run'))!;
    for (const id of ['a', 'b']) await putJob(d, ref, collection, id, hourly);

    // The stop wrote the collection and disabled `a`; it died writing `b`.
    const dying = { ...d, jobs: dyingAt(d.jobs, 'replace', 2) };
    await expect(updateCollection(dying, sub, cs, 'jc-run', undefined, { state: 'Stopped' })).rejects.toThrow(
      'died',
    );
    expect((await d.collections.get(sub, cs, 'jc-run'))!.state).toBe('Stopped');
    expect(await states(d, ref)).toEqual([
      ['a', 'disabled'],
      ['b', 'enabled'],
    ]);
    await updateCollection(d, sub, cs, 'jc-run', undefined, { state: 'Stopped' });
    expect(await states(d, ref)).toEqual([
      ['a', 'disabled'],
      ['b', 'disabled'],
    ]);

    // The same for a start: the retry re-enables the job the first one did not reach.
    await expect(
      updateCollection({ ...d, jobs: dyingAt(d.jobs, 'replace', 2) }, sub, cs, 'jc-run', undefined, {
        state: 'Started',
      }),
    ).rejects.toThrow('died');
    expect(await states(d, ref)).toEqual([
      ['a', 'enabled'],
      ['b', 'disabled'],
    ]);
    await updateCollection(d, sub, cs, 'jc-run', undefined, { state: 'Started' });
    expect(await states(d, ref)).toEqual([
      ['a', 'enabled'],
      ['b', 'enabled'],
    ]);
  });
});

describe('a cloud service removal that dies after its removal mark (docs/classic-scheduler.md#b2)', () => {
  it('blocks new collections only while the mark holds, and a retry removes the service', async () => {
    const clock = new TestClock(T0);
    const d: SchedulerDeps = { ...rt.scheduler, now: clock.now };
    const sub = newSubscription();
    await createCloudService(d, sub, 'cs-crash', { label: 'l', description: 'd', geoRegion: 'West US' });

    await expect(
      deleteCloudService({ ...d, services: dyingAt(d.services, 'remove', 1) }, sub, 'cs-crash'),
    ).rejects.toThrow('died');
    // Not acknowledged, so still there; marked, so a collection create is refused for now.
    expect((await getCloudService(d, sub, 'cs-crash')).service.name).toBe('cs-crash');
    await expect(createCollection(d, sub, 'cs-crash', 'jc1', {})).rejects.toMatchObject({ code: 'NotFound' });
    // The mark lapses on its own: nothing is blocked for good.
    clock.advance(61_000);
    await createCollection(d, sub, 'cs-crash', 'jc1', {});
    expect((await getCloudService(d, sub, 'cs-crash')).collections.map((c) => c.name)).toEqual(['jc1']);

    // And a retried delete of an empty service goes through at once after a crash.
    await createCloudService(d, sub, 'cs-crash2', { label: 'l', description: 'd', geoRegion: 'West US' });
    await expect(
      deleteCloudService({ ...d, services: dyingAt(d.services, 'remove', 1) }, sub, 'cs-crash2'),
    ).rejects.toThrow('died');
    await deleteCloudService(d, sub, 'cs-crash2');
    await expect(getCloudService(d, sub, 'cs-crash2')).rejects.toMatchObject({ code: 'NotFound' });
  });
});
