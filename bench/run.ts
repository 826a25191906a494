import { cpus } from 'node:os';
import { startAzurite } from '../local-host/azurite';
import { coldStart } from './cold-start';
import { fixture } from './fixture';
import { getJob, httpThroughput, listJobs, putJob, sweepRequests } from './scenarios';
import { schedulerFigures } from './scheduler-execution';

/**
 * `npm run bench`: each figure as a ratio to the raw storage operations the request cannot avoid,
 * measured in the same run against the same in-memory Azurite (issue 6). Not a test: it prints.
 */
const line = (name: string, detail: string, ratio: string, target: string, ok: boolean) =>
  console.log(
    `${name.padEnd(44)} ${detail.padEnd(34)} ${ratio.padEnd(10)} ${target.padEnd(12)} ${ok ? 'ok' : 'MISSED'}`,
  );
const ms = (x: number) => `${x.toFixed(3)} ms`;

async function main(): Promise<void> {
  console.log(
    `machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, node ${process.version}, ${new Date().toISOString()}`,
  );
  const azurite = await startAzurite();
  try {
    const f = await fixture(azurite);
    console.log(
      `${'measure'.padEnd(44)} ${'subject vs floor'.padEnd(34)} ${'ratio'.padEnd(10)} ${'target'.padEnd(12)}`,
    );
    const get = await getJob(f);
    line(
      'Get Job handler vs getEntity',
      `${ms(get.subject)} vs ${ms(get.floor)}`,
      get.ratio.toFixed(2),
      '<= 1.25',
      get.ratio <= 1.25,
    );
    const put = await putJob(f);
    line(
      'Put Job handler vs entity-group transaction',
      `${ms(put.subject)} vs ${ms(put.floor)}`,
      put.ratio.toFixed(2),
      '<= 1.3',
      put.ratio <= 1.3,
    );
    const list = await listJobs(f);
    line(
      'List Jobs 1,000 page vs 1,000-row query',
      `${ms(list.subject)} vs ${ms(list.floor)}`,
      list.ratio.toFixed(2),
      '<= 1.3',
      list.ratio <= 1.3,
    );
    const http = await httpThroughput(f);
    line(
      'Get Job HTTP c16 vs getEntity c16 (req/s)',
      `${http.http.toFixed(0)} vs ${http.raw.toFixed(0)}`,
      http.ratio.toFixed(2),
      '>= 0.5',
      http.ratio >= 0.5,
    );
    const small = await sweepRequests(f, 5000);
    const big = await sweepRequests(f, 50000);
    line(
      'Sweep requests, 3 due of 5,000 / 50,000',
      `${small} / ${big}`,
      (big / small).toFixed(2),
      '= 1',
      big === small,
    );
    const sched = await schedulerFigures(azurite);
    line(
      'Scheduler lateness at 50 due/s, p50 / p99',
      `${sched.p50} / ${sched.p99} ms`,
      `${sched.p99}`,
      'p99 <= 1000',
      sched.p99 <= 1000,
    );
    line(
      'Scheduler sustained executions/s',
      `1,000 due at once`,
      sched.executionsPerSecond.toFixed(1),
      '>= 50',
      sched.executionsPerSecond >= 50,
    );
    line(
      'Scheduler storage round trips/execution',
      'one-time http jobs',
      sched.roundTripsPerExecution.toFixed(2),
      '<= 4',
      sched.roundTripsPerExecution <= 4,
    );
    line(
      'Scheduler tick requests, 10 / 10,000 idle',
      `${sched.idleTick.small} / ${sched.idleTick.big} (${ms(sched.idleTick.smallMs)} / ${ms(sched.idleTick.bigMs)})`,
      (sched.idleTick.big / sched.idleTick.small).toFixed(2),
      '= 1',
      sched.idleTick.big === sched.idleTick.small,
    );
    const cold = coldStart();
    line(
      'Cold start: load functions entry',
      `median of ${cold.all.map((x) => x.toFixed(0)).join(', ')}`,
      ms(cold.median),
      '< 300 ms',
      cold.median < 300,
    );
  } finally {
    await azurite.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
