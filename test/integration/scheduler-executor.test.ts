import { randomBytes } from 'node:crypto';
import {
  QueueServiceClient,
  StorageSharedKeyCredential,
  QueueSASPermissions,
  generateQueueSASQueryParameters,
} from '@azure/storage-queue';
import { devAccount } from '../support/scheduler-execution';

const DEV_ACCOUNT = devAccount();
import { attemptIds } from '../../shared/scheduler/execution/outbound-headers';
import type { ActionPorts } from '../../shared/scheduler/execution/attempt-runner';
import { TestClock } from '../support/runtime';
import type { Target } from '../support/outbound-targets';
import { startTarget } from '../support/outbound-targets';
import type { SchedulerStores } from '../support/scheduler-execution';
import {
  executor,
  httpAction,
  newJob,
  otherProcessJobs,
  realActions,
  schedulerStores,
} from '../support/scheduler-execution';

const T0 = new Date('2026-05-04T08:00:00Z');
let stores: SchedulerStores;
let clock: TestClock;
const targets: Target[] = [];

beforeEach(async () => {
  stores = await schedulerStores();
  clock = new TestClock(T0);
});
afterEach(async () => {
  await Promise.all(targets.splice(0).map((t) => t.close()));
});

async function target(status = 200): Promise<Target> {
  const t = await startTarget((_req, res) => {
    res.statusCode = status;
    res.end(status === 200 ? 'done' : 'boom');
  });
  targets.push(t);
  return t;
}

describe('the executor over Azurite and real targets', () => {
  it('runs a due one-time job once: outbound headers, counters, completed, one history entry', async () => {
    const t = await target();
    const job = newJob('job1', httpAction(`${t.origin}/hook`), clock.now());
    await stores.api.create(stores.ref, job);
    const ex = executor(stores, clock.now);
    expect(await ex.tick()).toBe(1);
    expect(await ex.tick()).toBe(0);

    expect(t.seen).toHaveLength(1);
    const tag = attemptIds({
      incarnation: job.incarnation,
      scheduled: T0,
      actionName: 'MainAction',
      retryCount: 0,
    });
    expect(t.seen[0]).toMatchObject({ method: 'POST', body: 'ping' });
    expect(t.seen[0]?.headers).toMatchObject({
      'x-ms-scheduler-jobid': 'job1',
      'x-ms-scheduler-jobcollectionid': 'jc1',
      'x-ms-scheduler-expected-execution-time': '2026-05-04T08:00:00Z',
      'x-ms-scheduler-execution-region': 'West US',
      'x-ms-execution-tag': tag.executionTag,
      'x-ms-client-request-id': tag.clientRequestId,
    });
    const stored = await stores.jobs.get(stores.ref, 'job1');
    expect(stored).toMatchObject({
      state: 'completed',
      status: {
        executionCount: 1,
        failureCount: 0,
        faultedCount: 0,
        lastExecutionTime: '2026-05-04T08:00:00Z',
      },
    });
    expect(stored?.status.nextExecutionTime).toBeUndefined();
    // The index keeps one row for the job: the end of its retention (no claim or occurrence rows left).
    const rows = await stores.due.due(new Date(T0.getTime() + 400 * 86_400_000), 10);
    expect(rows.map((r) => [r.jobId, r.at.toISOString()])).toEqual([['job1', '2026-07-03T08:00:00.000Z']]);
    const history = await stores.history.list(stores.ref, 'job1');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      status: 'completed',
      state: 'completed',
      actionName: 'MainAction',
      retryCount: 0,
      repeatCount: 1,
    });
    expect(history[0]?.message).toMatch(
      new RegExp(
        `^Http Action - Response from host '127\\.0\\.0\\.1:${t.port}': 'OK' Response Headers: .*\\r\\n Body: done$`,
        's',
      ),
    );
  });

  it('retries on the target at the retry interval, then runs the error action, and the job faults', async () => {
    const failing = await target(500);
    const fallback = await target(200);
    const action = httpAction(`${failing.origin}/main`, {
      retryPolicy: { retryType: 'fixed', retryCount: 2, retryInterval: 60_000 },
      errorAction: {
        type: 'http',
        kind: 'http',
        request: { uri: `${fallback.origin}/error`, method: 'GET' },
      },
    });
    await stores.api.create(stores.ref, newJob('job2', action, clock.now()));
    const ex = executor(stores, clock.now);
    expect(await ex.tick()).toBe(1);
    clock.advance(59_000);
    expect(await ex.tick()).toBe(0);
    clock.advance(1_000);
    expect(await ex.tick()).toBe(1);
    clock.advance(60_000);
    // The last retry fails and the error action starts at once, in the same visit.
    expect(await ex.tick()).toBe(2);

    expect(failing.seen.map((s) => s.headers['x-ms-execution-tag'])).toHaveLength(3);
    expect(new Set(failing.seen.map((s) => s.headers['x-ms-execution-tag'])).size).toBe(3);
    expect(fallback.seen).toHaveLength(1);
    expect(fallback.seen[0]?.headers['x-ms-scheduler-jobid']).toBe('job2');
    const stored = await stores.jobs.get(stores.ref, 'job2');
    expect(stored).toMatchObject({
      state: 'faulted',
      status: { executionCount: 1, failureCount: 3, faultedCount: 1 },
    });
    const history = await stores.history.list(stores.ref, 'job2');
    // Newest first; the last retry and the error action end at the same (test clock) instant.
    const rows = history.map((h) => [h.actionName, h.retryCount, h.status, h.endTime]);
    expect(rows.slice(2)).toEqual([
      ['MainAction', 1, 'failed', '2026-05-04T08:01:00Z'],
      ['MainAction', 0, 'failed', '2026-05-04T08:00:00Z'],
    ]);
    expect(rows.slice(0, 2)).toEqual(
      expect.arrayContaining([
        ['ErrorAction', 0, 'completed', '2026-05-04T08:02:00Z'],
        ['MainAction', 2, 'failed', '2026-05-04T08:02:00Z'],
      ]),
    );
    expect(history.find((h) => h.retryCount === 2)?.message).toMatch(
      /^Http Action - Response from host '[^']+': 'InternalServerError' /,
    );
    expect(await stores.history.list(stores.ref, 'job2', { status: 'failed' })).toHaveLength(3);
  });

  it('two executors racing over the same due jobs never run an occurrence twice', async () => {
    const t = await target();
    for (let i = 0; i < 12; i++)
      await stores.api.create(stores.ref, newJob(`race${i}`, httpAction(`${t.origin}/r${i}`), clock.now()));
    const a = executor(stores, clock.now, { id: 'a' });
    const b = executor(stores, clock.now, { id: 'b' });
    const [ranA, ranB] = await Promise.all([a.tick(), b.tick()]);
    expect(ranA + ranB).toBe(12);
    expect(t.seen).toHaveLength(12);
    expect(new Set(t.seen.map((s) => s.path)).size).toBe(12);
    for (let i = 0; i < 12; i++) {
      expect((await stores.jobs.get(stores.ref, `race${i}`))?.status.executionCount).toBe(1);
      expect(await stores.history.list(stores.ref, `race${i}`)).toHaveLength(1);
    }
  });

  it('two processes, each starting from the version it last wrote, never run an occurrence twice', async () => {
    const t = await target();
    await stores.api.create(
      stores.ref,
      newJob('shared', httpAction(`${t.origin}/s`), clock.now(), {
        recurrence: { frequency: 'minute', interval: 1 },
      }),
    );
    const a = executor(stores, clock.now, { id: 'a' });
    const b = executor({ ...stores, jobs: otherProcessJobs(stores) }, clock.now, { id: 'b' });
    // Each runs one occurrence alone, so each holds a version the other has since written over.
    expect(await a.tick()).toBe(1);
    clock.advance(60_000);
    expect(await b.tick()).toBe(1);
    for (let i = 0; i < 4; i++) {
      clock.advance(60_000);
      const [ranA, ranB] = await Promise.all([a.tick(), b.tick()]);
      expect(ranA + ranB).toBe(1);
    }
    expect(t.seen).toHaveLength(6);
    expect(new Set(t.seen.map((s) => s.headers['x-ms-execution-tag'])).size).toBe(6);
    expect((await stores.jobs.read(stores.ref, 'shared'))?.job.status.executionCount).toBe(6);
    expect(await stores.history.list(stores.ref, 'shared')).toHaveLength(6);
  });

  it('a crash after the claim is recovered once the lease lapses, with the same execution tag', async () => {
    const t = await target();
    const job = newJob('job3', httpAction(`${t.origin}/x`), clock.now());
    await stores.api.create(stores.ref, job);
    let tagAtCrash: string | undefined;
    const crashing: ActionPorts = {
      ...realActions(),
      http: {
        send: (req) => {
          tagAtCrash = req.headers['x-ms-execution-tag'];
          return Promise.reject(new Error('the process died mid-call'));
        },
      },
    };
    await expect(
      executor(stores, clock.now, { id: 'dead', actions: crashing, leaseMs: 90_000 }).tick(),
    ).rejects.toThrow('died');
    const survivor = executor(stores, clock.now, { id: 'alive' });
    clock.advance(89_999);
    expect(await survivor.tick()).toBe(0);
    clock.advance(1);
    expect(await survivor.tick()).toBe(1);
    expect(t.seen).toHaveLength(1);
    expect(t.seen[0]?.headers['x-ms-execution-tag']).toBe(tagAtCrash);
    expect(await stores.jobs.get(stores.ref, 'job3')).toMatchObject({
      state: 'completed',
      status: { executionCount: 1 },
    });
  });

  it('after downtime runs only the latest missed occurrence and records the rest as postponed', async () => {
    const t = await target();
    await stores.api.create(
      stores.ref,
      newJob('job4', httpAction(`${t.origin}/m`), clock.now(), {
        recurrence: { frequency: 'minute', interval: 1 },
      }),
    );
    clock.advance(3 * 60_000 + 400);
    const ex = executor(stores, clock.now);
    expect(await ex.tick()).toBe(1);
    expect(t.seen[0]?.headers['x-ms-scheduler-expected-execution-time']).toBe('2026-05-04T08:03:00Z');
    const stored = await stores.jobs.get(stores.ref, 'job4');
    expect(stored).toMatchObject({
      state: 'enabled',
      status: { executionCount: 1, nextExecutionTime: '2026-05-04T08:04:00Z' },
    });
    const history = await stores.history.list(stores.ref, 'job4', { status: 'postponed' });
    expect(history).toHaveLength(1);
    expect(history[0]?.message).toContain(
      "3 occurrence(s) from '2026-05-04T08:00:00Z' to '2026-05-04T08:02:00Z'",
    );
    clock.advance(59_600);
    expect(await ex.tick()).toBe(1);
    expect(t.seen[1]?.headers['x-ms-scheduler-expected-execution-time']).toBe('2026-05-04T08:04:00Z');
  });

  it('deleting a job deletes its history, and deleting its collection deletes every row it held (C.6, B.3)', async () => {
    const t = await target();
    for (const id of ['gone', 'kept'])
      await stores.api.create(stores.ref, newJob(id, httpAction(`${t.origin}/${id}`), clock.now()));
    expect(await executor(stores, clock.now).tick()).toBe(2);
    expect(await stores.history.list(stores.ref, 'gone')).toHaveLength(1);

    expect(await stores.api.remove(stores.ref, 'gone')).toBe(true);
    expect(await stores.history.list(stores.ref, 'gone')).toEqual([]);
    expect(await stores.history.list(stores.ref, 'kept')).toHaveLength(1);

    const { subscriptionId, cloudService, jobCollection } = stores.ref;
    expect(await stores.collections.remove(subscriptionId, cloudService, jobCollection)).toBe(true);
    const left = [];
    for await (const row of stores.jobsTable.listEntities()) left.push(row.rowKey);
    expect(left).toEqual([]);
  });

  it('a storageQueue job puts its envelope on the queue', async () => {
    const credential = new StorageSharedKeyCredential(DEV_ACCOUNT.name, DEV_ACCOUNT.key);
    const endpoint = (process.env.SCHEDULER_QUEUE_ENDPOINT ?? '').replace('{account}', DEV_ACCOUNT.name);
    const queueName = `q-${randomBytes(5).toString('hex')}`;
    const queue = new QueueServiceClient(endpoint, credential).getQueueClient(queueName);
    await queue.create();
    const sasToken = generateQueueSASQueryParameters(
      { queueName, permissions: QueueSASPermissions.parse('a'), expiresOn: new Date(Date.now() + 3600_000) },
      credential,
    ).toString();
    const action = {
      type: 'StorageQueue',
      kind: 'storageQueue' as const,
      queueMessage: { storageAccount: DEV_ACCOUNT.name, queueName, sasToken, message: 'hi' },
    };
    await stores.api.create(stores.ref, newJob('job5', action, clock.now()));
    expect(await executor(stores, clock.now).tick()).toBe(1);
    const { receivedMessageItems } = await queue.receiveMessages();
    const text = Buffer.from(receivedMessageItems[0]?.messageText ?? '', 'base64').toString('utf8');
    expect(text).toContain('<SchedulerJobId>job5</SchedulerJobId>');
    expect(text).toContain('<Message>hi</Message>');
    const history = await stores.history.list(stores.ref, 'job5');
    expect(history[0]?.message).toBe(
      `StorageQueue Action - Message sent to storage account '${DEV_ACCOUNT.name}' queue '${queueName}' Created`,
    );
  });

  it('a refused job write keeps the due row of the write that won with the same due time', async () => {
    const t = await target();
    await stores.api.create(stores.ref, newJob('same', httpAction(`${t.origin}/s`), clock.now()));
    const read = await stores.jobs.read(stores.ref, 'same');
    if (!read) throw new Error('no job');
    // Two writers from the same read, both due at the job's time: the second is refused.
    expect(await stores.api.replace(stores.ref, read.job, read.etag)).toBe(true);
    expect(await stores.api.replace(stores.ref, read.job, read.etag)).toBe(false);
    expect(await executor(stores, clock.now).tick()).toBe(1);
    expect(t.seen).toHaveLength(1);
  });

  it('starts no more visits than its concurrency, and says the rest were left', async () => {
    const t = await startTarget((_req, res) => setTimeout(() => res.end('slow'), 300));
    targets.push(t);
    for (let i = 0; i < 5; i++)
      await stores.api.create(stores.ref, newJob(`busy${i}`, httpAction(`${t.origin}/b${i}`), clock.now()));
    const ex = executor(stores, clock.now, { concurrency: 2 });
    const { started, saturated } = await ex.dispatch();
    expect(started).toHaveLength(2);
    expect(saturated).toBe(true);
    expect((await Promise.all(started)).map((end) => end.made)).toEqual([1, 1]);
  });

  it('a visited row moves to the job’s next due time, even when another executor took it away first', async () => {
    const later = new Date(T0.getTime() + 60_000);
    const due = () => stores.due.due(new Date(T0.getTime() + 120_000), 10);
    const moved = await stores.due.put(stores.ref, 'm1', T0);
    await stores.due.move(moved, later);
    const gone = await stores.due.put(stores.ref, 'm2', T0);
    await stores.due.drop([gone]);
    await stores.due.move(gone, later);
    expect((await due()).map((i) => [i.jobId, i.at.getTime()])).toEqual([
      ['m1', later.getTime()],
      ['m2', later.getTime()],
    ]);
  });

  it('a disabled job runs nothing and its stale due row goes', async () => {
    const t = await target();
    await stores.api.create(stores.ref, newJob('job6', httpAction(`${t.origin}/d`), clock.now()));
    const read = await stores.jobs.read(stores.ref, 'job6');
    const { nextExecutionTime: _n, ...status } = read!.job.status;
    await stores.api.replace(stores.ref, { ...read!.job, state: 'disabled', status }, read!.etag);
    expect(await executor(stores, clock.now).tick()).toBe(0);
    expect(t.seen).toHaveLength(0);
    expect(await stores.due.due(new Date(T0.getTime() + 365 * 86_400_000), 10)).toEqual([]);
  });
});
