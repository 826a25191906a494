import type { TableClient } from '@azure/data-tables';
import { TableCollectionStore } from '../../shared/adapters/table/scheduler-collection-store';
import { TableSchedulerHistory } from '../../shared/adapters/table/scheduler-history-store';
import { TableSchedulerJobStore } from '../../shared/adapters/table/scheduler-job-store';
import { SecretBox } from '../../shared/kernel/secret-box';
import {
  createCollection,
  deleteCollection,
  updateCollection,
} from '../../shared/scheduler/collections-service';
import type { SchedulerDeps } from '../../shared/scheduler/deps';
import type { CollectionRef } from '../../shared/scheduler/model';
import type { CollectionInput } from '../../shared/scheduler/model-collections';
import { createCloudService, deleteCloudService } from '../../shared/scheduler/account-service';
import { deleteJob, listJobs, patchJob, putJob } from '../../shared/scheduler/jobs-service';
import { IndexedJobStore } from '../../shared/scheduler/execution/indexed-job-store';
import type { JobDefinition } from '../../shared/scheduler/model';
import type { Target } from '../support/outbound-targets';
import { startTarget } from '../support/outbound-targets';
import { TestClock, newSubscription, testRuntime } from '../support/runtime';
import {
  executor,
  httpAction,
  newJob,
  otherProcessJobs,
  schedulerStores,
} from '../support/scheduler-execution';
import { sampleCollection } from '../support/scheduler-values';

/**
 * Races of the classic Scheduler's writes on Azurite: a step of one writer is held (a Proxy over
 * its TableClient, or a target that has not answered yet) while another writer goes through.
 */
const rt = testRuntime();
beforeAll(() => rt.tables.ensure());

const targets: Target[] = [];
afterEach(async () => {
  await Promise.all(targets.splice(0).map((t) => t.close()));
});

/** A promise and its resolver. */
function gate(): { open: () => void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((ok) => (open = ok));
  return { open, opened };
}

/**
 * The client with `method`'s `nth` call (from 1) held until `release` opens; `reached` resolves
 * when that call is made.
 */
function holding(client: TableClient, method: keyof TableClient, nth = 1) {
  const reached = gate();
  const release = gate();
  let calls = 0;
  const proxy = new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop !== method || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (++calls === nth) {
          reached.open();
          await release.opened;
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { client: proxy, reached: reached.opened, release: release.open };
}

/** `store` with its `method` held until `release` opens; `reached` resolves when it is called. */
function holdingCall<T extends object>(store: T, method: keyof T) {
  const reached = gate();
  const release = gate();
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (prop !== method) return (value as (...a: unknown[]) => unknown).bind(target);
      return async (...args: unknown[]) => {
        reached.open();
        await release.opened;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { proxy, reached, release };
}

/** The Scheduler's deps over `stores`, at `clock`. */
const depsOver = (stores: Awaited<ReturnType<typeof schedulerStores>>, clock: TestClock): SchedulerDeps => ({
  ...rt.scheduler,
  jobs: stores.api,
  collections: stores.collections,
  now: clock.now,
});

/** A target that answers `status` only once `answered` opens; `asked` opens when a call arrives. */
/** The collection the stores' jobs live in, as stored. */
const collectionOf = async (stores: Awaited<ReturnType<typeof schedulerStores>>) =>
  (await stores.collections.get(
    stores.ref.subscriptionId,
    stores.ref.cloudService,
    stores.ref.jobCollection,
  ))!;

async function heldTarget(status: number) {
  const answered = gate();
  const asked = gate();
  const t = await startTarget((_req, res) => {
    asked.open();
    void answered.opened.then(() => {
      res.statusCode = status;
      res.end(status === 200 ? 'done' : 'boom');
    });
  });
  targets.push(t);
  return { t, asked, answered };
}

/**
 * A deleted collection left nothing: not its job `job` (for the executor to run), nor any job or
 * count in a collection created again under its name.
 */
async function expectNothingLeft(d: SchedulerDeps, ref: CollectionRef, job: string): Promise<void> {
  expect(await d.jobs.get(ref, job)).toBeUndefined();
  await createCollection(d, ref.subscriptionId, ref.cloudService, ref.jobCollection, {});
  expect(await listJobs(d, ref)).toEqual([]);
  expect((await d.collections.get(ref.subscriptionId, ref.cloudService, ref.jobCollection))!.jobCount).toBe(
    0,
  );
}

/** What a call came to: `ok`, or the code it failed with. */
const settled = (call: Promise<unknown>, ok: string): Promise<string | undefined> =>
  call.then(
    () => ok,
    (err: { code?: string }) => err.code,
  );

/**
 * A new subscription's collection `name` holding hourly jobs `ids`, with the collection as read
 * before they were put (the version a later write of the test was checked against).
 */
async function collectionWith(name: string, ids: string[], input: CollectionInput = {}) {
  const d = rt.scheduler;
  const sub = newSubscription();
  const ref = await sampleCollection(d, sub, name, input);
  const collection = (await d.collections.get(sub, CS, name))!;
  for (const id of ids) await putJob(d, ref, collection, id, every('hour'));
  return { d, sub, ref, collection };
}

describe('a job PUT or PATCH while its attempt is in flight (docs/classic-scheduler.md#d1)', () => {
  for (const how of ['PUT', 'PATCH'] as const)
    it(`keeps the attempt: its outcome, history entry and retry survive a ${how}`, async () => {
      const T0 = new Date('2026-05-04T08:00:00Z');
      const clock = new TestClock(T0);
      const stores = await schedulerStores();
      const d = depsOver(stores, clock);
      const { t, asked, answered } = await heldTarget(500);
      const retryPolicy = { retryType: 'fixed' as const, retryCount: 1, retryInterval: 60_000 };
      const action = httpAction(`${t.origin}/hook`, { retryPolicy });
      await stores.api.create(
        stores.ref,
        newJob('busy', action, clock.now(), { recurrence: { frequency: 'hour', interval: 1 } }),
      );

      const ran = executor(stores, clock.now).tick();
      await asked.opened;
      const collection = await collectionOf(stores);
      if (how === 'PUT')
        await putJob(d, stores.ref, collection, 'busy', {
          action,
          recurrence: { frequency: 'hour', interval: 2 },
          state: 'enabled',
        });
      else
        await patchJob(d, stores.ref, collection, 'busy', (current) => ({
          definition: {
            action: current.action,
            recurrence: { frequency: 'hour', interval: 2 },
            state: 'enabled',
          },
        }));
      answered.open();
      expect(await ran).toBe(1);

      const history = await stores.history.list(stores.ref, 'busy');
      expect(history.map((h) => [h.actionName, h.retryCount, h.status])).toEqual([
        ['MainAction', 0, 'failed'],
      ]);
      const stored = (await stores.jobs.get(stores.ref, 'busy'))!;
      expect(stored.recurrence).toEqual({ frequency: 'hour', interval: 2 });
      expect(stored.status).toMatchObject({ executionCount: 1, failureCount: 1 });
      expect(stored.execution?.pending).toEqual([
        expect.objectContaining({
          actionName: 'MainAction',
          retryCount: 1,
          dueAt: '2026-05-04T08:01:00.000Z',
        }),
      ]);
    });
});

const CS = 'cs-westus-scheduler';
const every = (frequency: 'minute' | 'hour'): JobDefinition => ({
  action: { type: 'http', kind: 'http', request: { uri: 'http://127.0.0.1:9/', method: 'GET' } },
  recurrence: { frequency, interval: 1 },
  state: 'enabled',
});

/** The runtime's Scheduler with a collection store whose `method`'s first call is held. */
/** A new subscription holding the cloud service CS, and nothing in it. */
async function subscriptionWithService(): Promise<string> {
  const sub = newSubscription();
  await createCloudService(rt.scheduler, sub, CS, { label: 'l', description: 'd', geoRegion: 'West US' });
  return sub;
}

async function heldCollections(method: keyof TableClient) {
  const held = holding(await rt.tables.table('schedjobs'), method);
  const collections = new TableCollectionStore(() => Promise.resolve(held.client));
  return { ...held, d: { ...rt.scheduler, collections } };
}

describe('a job collection deleted while a job is created in it (docs/classic-scheduler.md#b3)', () => {
  it('leaves no job behind: the collection created again under its name is empty', async () => {
    const { d, sub, ref, collection } = await collectionWith('jc-del', ['a']);

    // The delete has listed the partition's rows and is about to remove them.
    const held = await heldCollections('submitTransaction');
    const deleting = deleteCollection(held.d, sub, CS, 'jc-del');
    await held.reached;
    const created = await settled(putJob(d, ref, collection, 'b', every('hour')), 'created');
    held.release();
    await deleting;

    expect(['created', 'NotFound']).toContain(created);
    // Nothing of it is left, for the executor to run or for a new collection to show.
    await expectNothingLeft(d, ref, 'b');
  });
});

describe('a collection quota change while a job is created in it (docs/classic-scheduler.md#b3, #c8)', () => {
  it('refuses a MaxJobCount below the jobs held once the create went through', async () => {
    const { d, sub, ref, collection } = await collectionWith('jc-shrink', ['a', 'b'], { maxJobCount: 3 });

    // The update has counted 2 jobs against its MaxJobCount of 2 and is about to write.
    const held = await heldCollections('updateEntity');
    const updating = updateCollection(held.d, sub, CS, 'jc-shrink', undefined, { maxJobCount: 2 });
    await held.reached;
    expect((await putJob(d, ref, collection, 'c', every('hour'))).created).toBe(true);
    held.release();

    await expect(updating).rejects.toMatchObject({ code: 'PlanConflict' });
    expect(await d.collections.get(sub, CS, 'jc-shrink')).toMatchObject({
      jobCount: 3,
      quota: { maxJobCount: 3 },
    });
  });

  it('refuses a create checked against the MaxRecurrence the collection had before the change', async () => {
    const d = rt.scheduler;
    const sub = newSubscription();
    const ref = await sampleCollection(d, sub, 'jc-slower');
    // The job request read the collection (MaxRecurrence 1 minute) before the update.
    const before = (await d.collections.get(sub, CS, 'jc-slower'))!;
    await updateCollection(d, sub, CS, 'jc-slower', undefined, {
      maxRecurrence: { frequency: 'Hour', interval: 1 },
    });

    await expect(putJob(d, ref, before, 'fast', every('minute'))).rejects.toMatchObject({
      code: 'QuotaExceeded',
    });
    expect(await listJobs(d, ref)).toEqual([]);
  });
});

describe('a one-time job replaced by a recurring one while its attempt is in flight', () => {
  it('stays enabled: the attempt was the old definition’s last, not the new one’s', async () => {
    const clock = new TestClock(new Date('2026-05-04T08:00:00Z'));
    const stores = await schedulerStores();
    const d = depsOver(stores, clock);
    const { t, asked, answered } = await heldTarget(200);
    const action = httpAction(`${t.origin}/hook`);
    await stores.api.create(stores.ref, newJob('once', action, clock.now()));

    const ran = executor(stores, clock.now).tick();
    await asked.opened;
    const collection = await collectionOf(stores);
    await putJob(d, stores.ref, collection, 'once', {
      action,
      recurrence: { frequency: 'hour', interval: 1 },
      state: 'enabled',
    });
    answered.open();
    expect(await ran).toBe(1);

    const stored = (await stores.jobs.get(stores.ref, 'once'))!;
    expect(stored.state).toBe('enabled');
    expect(stored.status.nextExecutionTime).toBeDefined();
    expect(await stores.history.list(stores.ref, 'once')).toEqual([
      expect.objectContaining({ status: 'completed', state: 'enabled' }),
    ]);
  });
});

describe('a cloud service deleted while a collection is created in it (docs/classic-scheduler.md#b2)', () => {
  it('never leaves a collection without its cloud service', async () => {
    const d = rt.scheduler;
    const sub = await subscriptionWithService();

    // The create has found the cloud service and is about to write the collection.
    const held = await heldCollections('createEntity');
    const creating = settled(createCollection(held.d, sub, CS, 'jc-late', {}), 'created');
    await held.reached;
    const deleted = await settled(deleteCloudService(d, sub, CS), 'deleted');
    held.release();
    const created = await creating;

    const service = await d.services.get(sub, CS);
    const collection = await d.collections.get(sub, CS, 'jc-late');
    expect({ created, deleted, service: !!service, collection: !!collection }).toEqual(
      created === 'created'
        ? { created, deleted: 'NotEmpty', service: true, collection: true }
        : { created: 'NotFound', deleted, service: deleted !== 'deleted', collection: false },
    );
  });

  it('leaves the service open to new collections when it refuses (the service still holds one)', async () => {
    const d = rt.scheduler;
    const sub = newSubscription();
    await sampleCollection(d, sub, 'jc-held');
    await expect(deleteCloudService(d, sub, CS)).rejects.toMatchObject({ code: 'NotEmpty' });
    await expect(createCollection(d, sub, CS, 'jc-next', {})).resolves.toMatchObject({ name: 'jc-next' });
  });
});

describe('two Free collections created at once in one subscription (docs/classic-scheduler.md#b4)', () => {
  it('leaves at most one: the create that finds the other after writing backs out', async () => {
    const d = rt.scheduler;
    const sub = await subscriptionWithService();

    // The first create has found no Free collection and is about to write its own.
    const held = await heldCollections('createEntity');
    const first = settled(createCollection(held.d, sub, CS, 'free-a', { plan: 'Free' }), 'created');
    await held.reached;
    await expect(createCollection(d, sub, CS, 'free-b', { plan: 'Free' })).resolves.toMatchObject({
      name: 'free-b',
    });
    held.release();

    expect(await first).toBe('PlanConflict');
    expect((await d.collections.list(sub)).map((c) => c.name)).toEqual(['free-b']);
  });
});

describe('a job collection delete that fails once the collection row is gone (503)', () => {
  it('leaves nothing for a collection created again under the name', async () => {
    const { d, sub, ref } = await collectionWith('jc-half', ['a']);

    // The store answers the partition's listing with a 503, after the collection's row went.
    const client = await rt.tables.table('schedjobs');
    const failing = new Proxy(client, {
      get(target, prop, receiver) {
        if (prop === 'listEntities')
          return () => {
            throw Object.assign(new Error('unavailable'), { name: 'RestError', statusCode: 503 });
          };
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const broken = { ...d, collections: new TableCollectionStore(() => Promise.resolve(failing)) };
    await expect(deleteCollection(broken, sub, CS, 'jc-half')).rejects.toMatchObject({
      code: 'ServiceUnavailable',
    });
    // Retried, it is gone (404), and so is what it left: the executor would have run job 'a'.
    await expect(deleteCollection(d, sub, CS, 'jc-half')).rejects.toMatchObject({ code: 'NotFound' });
    await expectNothingLeft(d, ref, 'a');
  });
});

describe('a collection moved to Free while another Free collection is created (docs/classic-scheduler.md#b4)', () => {
  it('leaves at most one Free collection: the move that finds the other after writing is undone', async () => {
    const d = rt.scheduler;
    const sub = newSubscription();
    await sampleCollection(d, sub, 'jc-std', { plan: 'Standard', maxJobCount: 5 });

    // The update has found no Free collection and is about to write.
    const held = await heldCollections('updateEntity');
    const moving = settled(updateCollection(held.d, sub, CS, 'jc-std', undefined, { plan: 'Free' }), 'moved');
    await held.reached;
    await expect(createCollection(d, sub, CS, 'jc-free', { plan: 'Free' })).resolves.toMatchObject({
      plan: 'Free',
    });
    held.release();

    expect(await moving).toBe('PlanConflict');
    const plans = (await d.collections.list(sub)).map((c) => [c.name, c.plan]).sort();
    expect(plans).toEqual([
      ['jc-free', 'Free'],
      ['jc-std', 'Standard'],
    ]);
  });
});

describe('a job delete whose history removal fails (503)', () => {
  it('can be retried, and a job created again under the id has no history of the old one', async () => {
    const stores = await schedulerStores();
    const d: SchedulerDeps = { ...rt.scheduler, jobs: stores.api, collections: stores.collections };
    const collection = await collectionOf(stores);
    await putJob(d, stores.ref, collection, 'x', every('hour'));
    const entry = {
      jobId: 'x',
      timestamp: '2026-05-04T08:00:00Z',
      startTime: '2026-05-04T08:00:00Z',
      endTime: '2026-05-04T08:00:00Z',
      state: 'enabled' as const,
      status: 'completed' as const,
      message: 'done',
      actionName: 'MainAction' as const,
      retryCount: 0,
      repeatCount: 1,
      expectedExecutionTime: '2026-05-04T08:00:00Z',
    };
    await stores.history.append(stores.ref, 'x', 'old-run', entry);

    const failing = new Proxy(stores.jobsTable, {
      get(target, prop, receiver) {
        if (prop === 'listEntities')
          return () => {
            throw Object.assign(new Error('unavailable'), { name: 'RestError', statusCode: 503 });
          };
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const broken = new TableSchedulerJobStore(
      () => Promise.resolve(stores.jobsTable),
      new SecretBox(Buffer.alloc(32, 9)),
      new TableSchedulerHistory(() => Promise.resolve(failing)),
    );
    await expect(deleteJob({ ...d, jobs: broken }, stores.ref, 'x')).rejects.toMatchObject({
      code: 'ServiceUnavailable',
    });
    await expect(deleteJob(d, stores.ref, 'x')).resolves.toBeUndefined();

    expect((await putJob(d, stores.ref, collection, 'x', every('hour'))).created).toBe(true);
    expect(await stores.history.list(stores.ref, 'x')).toEqual([]);
  });
});

describe('a job replaced while its collection’s MaxRecurrence changes (docs/classic-scheduler.md#b3, #c8)', () => {
  it('undoes the change when a replace checked against the old value went in first', async () => {
    const { d, sub, ref, collection: before } = await collectionWith('jc-u', ['j']);

    // The update has checked the jobs (all hourly) and is about to write.
    const held = await heldCollections('updateEntity');
    const updating = settled(
      updateCollection(held.d, sub, CS, 'jc-u', undefined, {
        maxRecurrence: { frequency: 'Hour', interval: 1 },
      }),
      'updated',
    );
    await held.reached;
    await patchJob(d, ref, before, 'j', () => ({ definition: every('minute') }));
    held.release();

    expect(await updating).toBe('PlanConflict');
    expect((await d.collections.get(sub, CS, 'jc-u'))!.quota.maxRecurrence).toEqual({
      frequency: 'Minute',
      interval: 1,
    });
  });

  for (const how of ['PUT', 'PATCH'] as const)
    it(`refuses a ${how} checked against the value the collection had before the change`, async () => {
      const { d, sub, ref, collection: before } = await collectionWith('jc-j', ['j']);
      await updateCollection(d, sub, CS, 'jc-j', undefined, {
        maxRecurrence: { frequency: 'Hour', interval: 1 },
      });

      const write =
        how === 'PUT'
          ? putJob(d, ref, before, 'j', every('minute'))
          : patchJob(d, ref, before, 'j', () => ({ definition: every('minute') }));
      await expect(write).rejects.toMatchObject({ code: 'QuotaExceeded' });
      expect((await d.jobs.get(ref, 'j'))!.recurrence).toEqual({ frequency: 'hour', interval: 1 });
    });
});

describe('a collection stopped and started again at once (docs/classic-scheduler.md#b3)', () => {
  it('leaves its jobs as its last state says, whichever pass over them ends last', async () => {
    const { d, sub, ref } = await collectionWith('jc-run', ['a', 'b']);

    // The stop has written the collection and is about to list its jobs to disable them (its
    // third list of them: the check before its write and the one after come first).
    const reached = gate();
    const release = gate();
    let lists = 0;
    const jobs = new Proxy(d.jobs, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (prop !== 'list' || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          if (++lists === 3) {
            reached.open();
            await release.opened;
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const stopping = updateCollection({ ...d, jobs }, sub, CS, 'jc-run', undefined, { state: 'Stopped' });
    await reached.opened;
    await updateCollection(d, sub, CS, 'jc-run', undefined, { state: 'Started' });
    release.open();
    await stopping;

    expect((await d.collections.get(sub, CS, 'jc-run'))!.state).toBe('Started');
    expect((await listJobs(d, ref)).map((j) => [j.id, j.state])).toEqual([
      ['a', 'enabled'],
      ['b', 'enabled'],
    ]);
  });
});

describe('a finished job expiring while its id is deleted and created again (docs/classic-scheduler.md#e8)', () => {
  it('removes only the finished job: the new one under its id stays', async () => {
    const clock = new TestClock(new Date('2026-05-04T08:00:00Z'));
    const stores = await schedulerStores();
    const t = await startTarget((_req, res) => res.end('done'));
    targets.push(t);
    await stores.api.create(stores.ref, newJob('x', httpAction(`${t.origin}/x`), clock.now()));
    expect(await executor(stores, clock.now).tick()).toBe(1);
    expect((await stores.jobs.get(stores.ref, 'x'))!.state).toBe('completed');
    clock.advance(61 * 86_400_000);

    // The visit has read the job, found its retention over, and is about to remove it.
    const { proxy: jobs, reached, release } = holdingCall(stores.jobs, 'remove');
    const visiting = executor({ jobs, due: stores.due }, clock.now).tick();
    await reached.opened;
    const other = otherProcessJobs(stores);
    expect(await other.remove(stores.ref, 'x')).toBe(true);
    const again = newJob('x', httpAction(`${t.origin}/x2`, {}), new Date(clock.now().getTime() + 3_600_000));
    expect(await other.create(stores.ref, again)).toBe('created');
    release.open();
    await visiting;

    expect((await stores.jobs.get(stores.ref, 'x'))?.incarnation).toBe(again.incarnation);
  });
});

describe('a visit between a job write’s index row and the write itself (docs/scheduler-execution.md#the-due-time-index)', () => {
  // The jobs API puts the row, then writes the job; the executor meets the row in between.
  async function heldWrite(method: 'create' | 'replace') {
    const clock = new TestClock(new Date('2026-05-04T08:00:00Z'));
    const stores = await schedulerStores();
    const t = await startTarget((_req, res) => res.end('ok'));
    targets.push(t);
    const { proxy, reached, release } = holdingCall(stores.jobs, method);
    return { clock, stores, t, reached, release, api: new IndexedJobStore(proxy, stores.due) };
  }

  it('a job created due now still runs: the visit that found no job does not leave it unindexed', async () => {
    const { clock, stores, t, reached, release, api } = await heldWrite('create');
    const creating = api.create(stores.ref, newJob('j', httpAction(`${t.origin}/j`), clock.now()));
    await reached.opened;
    expect(await executor(stores, clock.now).tick()).toBe(0);
    release.open();
    expect(await creating).toBe('created');

    expect(await executor(stores, clock.now).tick()).toBe(1);
    expect(t.seen.map((s) => s.path)).toEqual(['/j']);
  });

  it('a disabled job enabled to run now still runs', async () => {
    const { clock, stores, t, reached, release, api } = await heldWrite('replace');
    const job = newJob('k', httpAction(`${t.origin}/k`), clock.now());
    const { nextExecutionTime: _, ...idle } = job.status;
    await stores.api.create(stores.ref, { ...job, state: 'disabled', status: idle });
    const current = (await stores.jobs.read(stores.ref, 'k'))!;
    const enabling = api.replace(stores.ref, job, current.etag);
    await reached.opened;
    expect(await executor(stores, clock.now).tick()).toBe(0);
    release.open();
    expect(await enabling).toBe(true);

    expect(await executor(stores, clock.now).tick()).toBe(1);
    expect(t.seen.map((s) => s.path)).toEqual(['/k']);
  });
});
