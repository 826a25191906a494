import type { AddressInfo } from 'node:net';
import type { TransactionAction } from '@azure/data-tables';
import { createLocalHost } from '../local-host/server';
import { sweep } from '../shared/import-export/sweep/sweeper';
import { dueRowActions } from '../shared/adapters/table/due-rows';
import { createRuntime } from '../shared/app/runtime';
import { JobRows } from '../shared/adapters/table/job-rows';
import { SecretBox } from '../shared/kernel/secret-box';
import { jobRowKey } from '../shared/adapters/table/job-rows';
import type { Fixture } from './fixture';
import { expectStatus, putBody } from './fixture';
import { paired, throughput, type Pair } from './measure';
import { randomSubscription, seedRows } from './seed';

const DAY = 24 * 3600 * 1000;

/** Get Job through its handler, in process, against one raw getEntity of the job's row. */
export async function getJob(f: Fixture): Promise<Pair> {
  expectStatus(
    await f.call(
      'job',
      f.request(
        'PUT',
        '/storageaccounts/benchacct/jobs/GetJob',
        { account: 'benchacct', job: 'GetJob' },
        putBody('GetJob', 'benchacct'),
      ),
    ),
    201,
    'Put Job',
  );
  const request = f.request('GET', '/storageaccounts/benchacct/jobs/GetJob', {
    account: 'benchacct',
    job: 'GetJob',
  });
  expectStatus(await f.call('job', request), 200, 'Get Job');
  const table = await f.rt.tables.table('jobs');
  return paired(
    () => f.call('job', request),
    () => table.getEntity(f.sub, jobRowKey('GetJob')),
  );
}

/**
 * Put Job through its handler against one raw entity-group transaction of the rows it cannot
 * avoid writing: the job and list rows, its due-time row and the subscription's counters.
 */
export async function putJob(f: Fixture, opts = { rounds: 15, n: 60, warmup: 30 }): Promise<Pair> {
  const name = (i: number) => `Put${i}`;
  const requests = new Map<number, ReturnType<Fixture['request']>>();
  const requestFor = (i: number) =>
    f.request(
      'PUT',
      `/storageaccounts/benchacct/jobs/${name(i)}`,
      { account: 'benchacct', job: name(i) },
      putBody(name(i), 'benchacct'),
    );
  for (let i = 0; i < opts.rounds * opts.n; i++) requests.set(i, requestFor(i));
  for (let i = 1e6; i < 1e6 + opts.warmup; i++) requests.set(i, requestFor(i));
  const rows = new JobRows(new SecretBox(f.rt.config.secretsKey));
  const rawSub = randomSubscription();
  const table = await f.rt.tables.table('jobs');
  const meta = await table.createEntity({
    partitionKey: rawSub,
    rowKey: 'meta',
    ActiveJobs: 0,
    Accounts: '{}',
    DueMarker: '',
  });
  let metaEtag = meta.etag ?? '';
  const now = new Date();
  return paired(
    async (i) => expectStatus(await f.call('job', requests.get(i)!), 201, 'Put Job'),
    async (i) => {
      const job = f.job(rawSub, name(i), 'benchacct', now);
      const r = rows.toRows(job);
      const counters = {
        partitionKey: rawSub,
        rowKey: 'meta',
        ActiveJobs: i,
        Accounts: JSON.stringify({ benchacct: i }),
        DueMarker: now.toISOString(),
      };
      const actions: TransactionAction[] = [
        ['create', r.job],
        ['upsert', r.list, 'Replace'],
        ...dueRowActions(undefined, job),
        ['update', counters, 'Replace', { etag: metaEtag }],
      ];
      const res = await table.submitTransaction(actions);
      metaEtag = res.subResponses[actions.length - 1]?.etag ?? '';
    },
    opts,
  );
}

/** A 1,000-job List Jobs page through its handler against one raw 1,000-row query of the list rows. */
export async function listJobs(f: Fixture): Promise<Pair> {
  const start = Date.now() - DAY;
  await seedRows(
    f.rt,
    Array.from({ length: 1000 }, (_, i) => f.job(f.sub, `List${i}`, 'listacct', new Date(start + i))),
  );
  const request = f.request('GET', '/storageaccounts/listacct/jobs', { account: 'listacct' });
  const check = await f.call('jobs', request);
  expectStatus(check, 200, 'List Jobs');
  if ((JSON.parse(String(check.body)) as { value: unknown[] }).value.length !== 1000)
    throw new Error('List Jobs did not answer 1,000 jobs');
  const table = await f.rt.tables.table('jobs');
  const filter = `PartitionKey eq '${f.sub}' and RowKey ge 'list_listacct_' and RowKey lt 'list_listacct_~'`;
  return paired(
    () => f.call('jobs', request),
    async () => {
      const page = await table
        .listEntities({ queryOptions: { filter } })
        .byPage({ maxPageSize: 1000 })
        .next();
      if ((page.value as unknown[] | undefined)?.length !== 1000)
        throw new Error('the raw query did not read 1,000 rows');
    },
    { rounds: 7, n: 10, warmup: 3 },
  );
}

/** Get Job over HTTP through the local host at concurrency 16, against raw getEntity at concurrency 16. */
export async function httpThroughput(
  f: Fixture,
  ms = 5000,
): Promise<{ http: number; raw: number; ratio: number }> {
  const server = createLocalHost(f.routes, { passClientCertHeader: true, log: () => undefined });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${f.sub}/services/importexport/storageaccounts/benchacct/jobs/GetJob`;
  const headers = { 'x-ms-version': '2014-11-01', 'x-arr-clientcert': f.cert };
  const get = async () => {
    const res = await fetch(url, { headers });
    if (res.status !== 200) throw new Error(`HTTP Get Job answered ${res.status}`);
    await res.arrayBuffer();
  };
  const table = await f.rt.tables.table('jobs');
  const raw = () => table.getEntity(f.sub, jobRowKey('GetJob'));
  await throughput(get, 16, 500);
  await throughput(raw, 16, 500);
  const http = await throughput(get, 16, ms);
  const rawRate = await throughput(raw, 16, ms);
  await new Promise<void>((ok) => server.close(() => ok()));
  return { http, raw: rawRate, ratio: http / rawRate };
}

/** Storage requests of one sweep from a fresh instance, with 3 due jobs among `total`. */
export async function sweepRequests(f: Fixture, total: number): Promise<number> {
  const now = new Date(Date.now() + 400 * DAY);
  const idle = Array.from({ length: total - 3 }, (_, i) =>
    f.job(randomSubscriptionFor(i), `Idle${i}`, 'sweepacct', new Date(now.getTime() - DAY)),
  );
  const due = Array.from({ length: 3 }, (_, i) =>
    f.job(randomSubscription(), `Due${i}`, 'sweepacct', new Date(now.getTime() - 20 * DAY)),
  );
  const world = createRuntime({ ...f.rt.config, storagePrefix: `${f.rt.config.storagePrefix}s${total}` });
  await seedRows(world, [...idle, ...due]);
  const instance = createRuntime(world.config);
  let requests = 0;
  const stop = instance.tables.observe(() => requests++);
  const report = await sweep(instance.sweep, now);
  stop();
  if (report.rules.creatingDeleted !== 3)
    throw new Error(`the sweep deleted ${report.rules.creatingDeleted} jobs, not 3`);
  return requests;
}

/** 100 jobs per subscription, like a busy service's spread. */
const subs = new Map<number, string>();
function randomSubscriptionFor(i: number): string {
  const k = Math.floor(i / 100);
  let s = subs.get(k);
  if (!s) subs.set(k, (s = randomSubscription()));
  return s;
}
