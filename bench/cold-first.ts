/**
 * Cold start (bench/scenarios.ts): in a fresh process, the milliseconds to load the functions
 * entry and answer a first Get Job through its handler, as the Functions host would call it.
 * The tables exist (deployment, or a host's start-up); the job GetJob was written beforehand.
 */
const from = performance.now();
console.warn = () => undefined;
import type * as Entry from '../functions';
import type * as Functions from '@azure/functions';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { routes } = require('../functions') as typeof Entry;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { HttpRequest, InvocationContext } = require('@azure/functions') as typeof Functions;

async function main(): Promise<void> {
  const sub = process.env.BENCH_SUB ?? '';
  const route = routes.find((r) => r.name === 'job');
  if (!route) throw new Error('no job route');
  const request = new HttpRequest({
    method: 'GET',
    url: `http://localhost:7071/${sub}/services/importexport/storageaccounts/benchacct/jobs/GetJob`,
    headers: { 'x-ms-version': '2014-11-01', 'x-arr-clientcert': process.env.BENCH_CERT ?? '' },
    params: { sub, account: 'benchacct', job: 'GetJob' },
  });
  const res = await route.handler(
    request,
    new InvocationContext({ invocationId: 'cold', functionName: 'job' }),
  );
  if (res.status !== 200) throw new Error(`Get Job answered ${res.status}`);
  process.stdout.write(String(performance.now() - from));
}

void main();
export {};
