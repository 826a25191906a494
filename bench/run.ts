import { cpus, loadavg } from 'node:os';
import { startAzurite } from '../local-host/azurite';
import { fixture } from './fixture';
import { startServer, type Spread } from './load';
import {
  coldFirstRequest,
  getJobHttp,
  seedGetJob,
  listJobs,
  serverEnv,
  sweepPerDueJob,
  writes,
} from './scenarios';
import { partitionFloor } from './partition-floor';
import { schedulerFigures, schedulerLines } from './scheduler-execution';

/**
 * `npm run bench` (issue 15): the service runs in a process of its own (bench/server.ts) and the
 * load comes from this one; each figure is a ratio of two measures taken in alternating rounds in
 * this run, printed as min / median / max over the rounds. The target applies to the median. Not
 * a test: it prints. `BENCH_ONLY=get,list,writes,sweep,cold,scheduler` runs only the named measures
 * (to iterate on one); `BENCH_NODE_ARGS` is passed to the service's and the cold processes' node
 * (e.g. `--cpu-prof`).
 */
const only = process.env.BENCH_ONLY?.split(',').map((x) => x.trim());
const runs = (measure: string) => !only || only.includes(measure);
const f2 = (x: number) => x.toFixed(2);
const s = (x: Spread, digits = 2) =>
  `${x.min.toFixed(digits)} / ${x.median.toFixed(digits)} / ${x.max.toFixed(digits)}`;
const line = (name: string, detail: string, ratio: string, target: string, ok?: boolean) =>
  console.log(
    `${name.padEnd(46)} ${detail.padEnd(44)} ${ratio.padEnd(20)} ${target.padEnd(8)} ${ok === undefined ? '' : ok ? 'ok' : 'MISSED'}`,
  );

async function main(): Promise<void> {
  console.log(
    `machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, node ${process.version}, load ${loadavg().map(f2).join(' ')}, ${new Date().toISOString()}`,
  );
  const azurite = await startAzurite();
  const f = await fixture(azurite);
  const server = await startServer(serverEnv(f, azurite.connectionString));
  try {
    console.log(
      `${'measure'.padEnd(46)} ${'subject vs floor (medians)'.padEnd(44)} ${'ratio min/med/max'.padEnd(20)} target`,
    );
    await seedGetJob(f, server);
    const get = runs('get') ? await getJobHttp(f, server) : undefined;
    if (get)
      line(
        'Get Job HTTP c16 vs getEntity c16 (req/s)',
        `${get.a.median.toFixed(0)} vs ${get.b.median.toFixed(0)}`,
        s(get.ratio),
        '>= 0.8',
        get.ratio.median >= 0.8,
      );
    const list = runs('list') ? await listJobs(f, server, azurite.connectionString) : undefined;
    if (list)
      line(
        'List 1,000 page HTTP vs raw query, warm (ms)',
        `${f2(list.warm.a.median)} vs ${f2(list.warm.b.median)}`,
        s(list.warm.ratio),
        '<= 1.2',
        list.warm.ratio.median <= 1.2,
      );
    if (list)
      line(
        'List 1,000 page, cold process (ms)',
        `${f2(list.cold.a.median)} vs ${f2(list.cold.b.median)}`,
        s(list.cold.ratio),
        '<= 1.2',
        list.cold.ratio.median <= 1.2,
      );
    const w = runs('writes') ? await writes(f, server) : undefined;
    if (w)
      line(
        'Put Job c16 one subscription vs spread (req/s)',
        `${w.a.median.toFixed(0)} vs ${w.b.median.toFixed(0)}`,
        s(w.ratio),
        '>= 0.8',
        w.ratio.median >= 0.8,
      );
    const floor = runs('writes') ? await partitionFloor(await f.rt.tables.table('jobs')) : undefined;
    if (floor)
      line(
        '  floor: raw transactions c16 one partition',
        `${floor.a.median.toFixed(0)} vs ${floor.b.median.toFixed(0)}`,
        s(floor.ratio),
        '(info)',
      );
    if (w)
      line(
        'Storage requests per Put Job, one subscription',
        '',
        f2(w.requestsPerWrite),
        '<= 1.2',
        w.requestsPerWrite <= 1.2,
      );
    const one = runs('sweep') ? await sweepPerDueJob(f, true) : undefined;
    const spread = runs('sweep') ? await sweepPerDueJob(f, false) : undefined;
    if (one !== undefined && spread !== undefined)
      line(
        'Sweep requests per due job: 100 in one sub / spread',
        '',
        `${f2(one)} / ${f2(spread)}`,
        '<= 9',
        one <= 9 && spread <= 9,
      );
    const cold = runs('cold') ? coldFirstRequest(f, azurite.connectionString) : undefined;
    if (cold)
      line(
        'Cold: load entry + first Get Job (ms)',
        `runs ${cold.all.map((x) => x.toFixed(0)).join(', ')}`,
        cold.median.toFixed(0),
        '<= 150',
        cold.median <= 150,
      );
    const sched = runs('scheduler') ? await schedulerFigures(azurite) : undefined;
    if (sched) for (const row of schedulerLines(sched)) line(...row);
    console.log(
      'memory: parsed-row caches of 5,000 job rows and 5,000 list rows (LRU, seeded by writes); 1,000 certificates and 1,000 unknown ones (LRU); 10,000 quota-slot views, 10,000 due-index markers and 10,000 listed pages (LRU); at most 4 renderings per parsed version (collected with it); 10,000 Scheduler job versions for the executor (LRU, seeded by writes)',
    );
    console.log(`load at the end: ${loadavg().map(f2).join(' ')}`);
  } finally {
    await server.stop();
    await azurite.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
