import { execFileSync } from 'node:child_process';
import { Agent, request } from 'node:http';
import { resolve } from 'node:path';
import { jobRowKey } from '../shared/adapters/table/job-rows';
import { readCertificate } from '../shared/identity/client-certificate';
import { createRuntime } from '../shared/app/runtime';
import { sweep } from '../shared/import-export/sweep/sweeper';
import type { Fixture } from './fixture';
import { putBody } from './fixture';
import { nodeArgs, startServer, rounds, type ServerProcess } from './load';
import { median, perOp, throughput } from './measure';
import { randomSubscription, seedRows } from './seed';

const DAY = 24 * 3600 * 1000;
const C = 16;

/** The service's environment for bench/server.ts: the fixture's storage, prefix and keys. */
export const serverEnv = (f: Fixture, connectionString: string): Record<string, string> => ({
  AzureWebJobsStorage: connectionString,
  SECRETS_KEY: f.rt.config.secretsKey.toString('base64'),
  STORAGE_PREFIX: f.rt.config.storagePrefix,
  ACTIVE_JOB_LIMIT: '1000000',
  TRUST_FORWARDED_CLIENT_CERT: 'true',
});

/**
 * The load client: node:http over keep-alive connections, as the floor's SDK client is, so that
 * both sides of a ratio pay the same transport (fetch's WHATWG streams cost the load side several
 * times node:http's on the two shared cores, and a 1,000-job page's ~800 KB most of all).
 */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function send(url: string, method: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; body: Buffer }>((done, fail) => {
    const req = request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(body);
  });
}

const client = (f: Fixture, server: ServerProcess) => {
  const headers = {
    'x-ms-version': '2014-11-01',
    'x-arr-clientcert': f.cert,
    'content-type': 'application/json',
  };
  return async (method: string, path: string, status: number, body?: unknown, sub = f.sub) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const res = await send(
      `${server.base}/${sub}/services/importexport${path}`,
      method,
      {
        ...headers,
        ...(text !== undefined && { 'content-length': String(Buffer.byteLength(text)) }),
      },
      text,
    );
    if (res.status !== status)
      throw new Error(`${method} ${path} answered ${res.status}: ${res.body.toString()}`);
    return res.body;
  };
};

/** The job Get Job and the cold start read. */
export const seedGetJob = async (f: Fixture, server: ServerProcess): Promise<void> =>
  void (await client(f, server)(
    'PUT',
    '/storageaccounts/benchacct/jobs/GetJob',
    201,
    putBody('GetJob', 'benchacct'),
  ));

/** Get Job over HTTP at concurrency 16 (req/s), against raw getEntity at concurrency 16, in rounds. */
export async function getJobHttp(f: Fixture, server: ServerProcess) {
  const call = client(f, server);
  const table = await f.rt.tables.table('jobs');
  const http = () => call('GET', '/storageaccounts/benchacct/jobs/GetJob', 200);
  const raw = () => table.getEntity(f.sub, jobRowKey('GetJob'));
  await throughput(http, C, 500);
  await throughput(raw, C, 500);
  return rounds(
    5,
    () => throughput(http, C, 1500),
    () => throughput(raw, C, 1500),
  );
}

/** A 1,000-job List Jobs page over HTTP (ms), against the raw query of the same 1,000 list rows. */
export async function listJobs(f: Fixture, server: ServerProcess, connectionString: string) {
  const start = Date.now() - DAY;
  const sub = randomSubscription();
  await f.rt.certificates.put(sub, readCertificate(f.cert)!);
  await seedRows(
    f.rt,
    Array.from({ length: 1000 }, (_, i) => f.job(sub, `List${i}`, 'listacct', new Date(start + i * 1000))),
  );
  const call = client(f, server);
  const list = () => call('GET', '/storageaccounts/listacct/jobs', 200, undefined, sub);
  const table = await f.rt.tables.table('jobs');
  const filter = `PartitionKey eq '${sub}' and RowKey ge 'list_listacct_' and RowKey lt 'list_listacct_~'`;
  const raw = async () => {
    const page = await table.listEntities({ queryOptions: { filter } }).byPage({ maxPageSize: 1000 }).next();
    if ((page.value as unknown[] | undefined)?.length !== 1000)
      throw new Error('the raw query read no 1,000 rows');
  };
  await perOp(list, 3);
  await perOp(raw, 3);
  const warm = await rounds(
    5,
    () => perOp(list, 5),
    () => perOp(raw, 5),
  );
  // Cold: the first request of a fresh service process (nothing cached, clients new), against the
  // same query from a fresh process (SDK loaded, client new), each timed from the request's start.
  const env = serverEnv(f, connectionString);
  const coldHttp = async () => {
    const fresh = await startServer(env);
    try {
      const from = performance.now();
      await client(f, fresh)('GET', '/storageaccounts/listacct/jobs', 200, undefined, sub);
      return performance.now() - from;
    } finally {
      await fresh.stop();
    }
  };
  const script = resolve(__dirname, 'raw-query.js');
  const coldRaw = () =>
    Promise.resolve(
      Number(
        execFileSync(process.execPath, [script], {
          encoding: 'utf8',
          env: { ...process.env, ...env, BENCH_FILTER: filter },
        }),
      ),
    );
  const cold = await rounds(3, coldHttp, coldRaw);
  return { warm, cold };
}

/**
 * Put Job at concurrency 16 (req/s): all writers in one subscription, against each writer in a
 * subscription of its own; and the storage requests per write in one subscription.
 */
export async function writes(f: Fixture, server: ServerProcess) {
  const call = client(f, server);
  const cert = readCertificate(f.cert)!;
  /** Subscriptions no job is in yet: each round starts from empty partitions on both sides. */
  const freshSubscriptions = async (count: number) => {
    const subs = Array.from({ length: count }, randomSubscription);
    for (const s of subs) await f.rt.certificates.put(s, cert);
    return subs;
  };
  let n = 0;
  const put = (sub: string) => () => {
    const name = `W${n++}`;
    return call('PUT', `/storageaccounts/benchacct/jobs/${name}`, 201, putBody(name, 'benchacct'), sub);
  };
  const burst = async (subs: string[], ms: number) => {
    let done = 0;
    const end = performance.now() + ms;
    await Promise.all(
      Array.from({ length: C }, async (_, w) => {
        const op = put(subs[w % subs.length]!);
        while (performance.now() < end) {
          await op();
          done++;
        }
      }),
    );
    return { rate: (done * 1000) / ms, done };
  };
  await burst(await freshSubscriptions(1), 500);
  await burst(await freshSubscriptions(C), 500);
  let requests = 0;
  let written = 0;
  const one = async () => {
    const sub = await freshSubscriptions(1);
    const before = await server.requests();
    const r = await burst(sub, 2000);
    requests += (await server.requests()) - before;
    written += r.done;
    return r.rate;
  };
  const spread = async () => (await burst(await freshSubscriptions(C), 2000)).rate;
  const result = await rounds(4, one, spread);
  return { ...result, requestsPerWrite: requests / written };
}

/** Storage requests per due job of one sweep from a fresh instance: 100 due in one subscription, or one per subscription. */
export async function sweepPerDueJob(f: Fixture, concentrated: boolean): Promise<number> {
  const now = new Date(Date.now() + 400 * DAY);
  const one = randomSubscription();
  const due = Array.from({ length: 100 }, (_, i) =>
    f.job(
      concentrated ? one : randomSubscription(),
      `Due${i}`,
      'sweepacct',
      new Date(now.getTime() - 20 * DAY),
    ),
  );
  const world = createRuntime(
    { ...f.rt.config, storagePrefix: `${f.rt.config.storagePrefix}s${concentrated ? 1 : 2}` },
    () => now,
  );
  await seedRows(world, due);
  const instance = createRuntime(world.config, () => now);
  await instance.tables.ensure();
  let requests = 0;
  const stop = instance.tables.observe(() => requests++);
  const report = await sweep(instance.sweep, now);
  stop();
  if (report.rules.creatingDeleted !== 100)
    throw new Error(`the sweep deleted ${report.rules.creatingDeleted} jobs, not 100`);
  return requests / 100;
}

/** Loading the functions entry plus answering a first Get Job, in fresh processes (ms, median of 5). */
export function coldFirstRequest(f: Fixture, connectionString: string): { median: number; all: number[] } {
  const script = resolve(__dirname, 'cold-first.js');
  const env = { ...process.env, ...serverEnv(f, connectionString), BENCH_SUB: f.sub, BENCH_CERT: f.cert };
  const all = Array.from({ length: 5 }, () =>
    Number(execFileSync(process.execPath, [...nodeArgs(), script], { encoding: 'utf8', env })),
  );
  return { median: median(all), all };
}
