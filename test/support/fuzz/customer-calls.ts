import fc from 'fast-check';
import type { Call, Verb } from './calls';
import { maybeTunnelled, noise } from './calls';
import { validPatch, validPut } from './customer-bodies';
import { anyText } from './values';

/**
 * The customer API as the fuzzer sees it: the service's fixture jobs, and calls that could be
 * valid, which the defects of customer-requests.ts then break.
 */
export interface FixtureJob {
  name: string;
  account: string;
}

export interface CustomerFixture {
  /** A subscription whose management certificate is `certs.valid`. */
  sub: string;
  /** The subscription's quota is full: a new job is refused whatever its body (docs/contract/import-export.md#d3). */
  jobs: {
    creating: FixtureJob;
    exportCreating: FixtureJob;
    shipping: FixtureJob;
    /** A Creating job of another storage account. */
    other: FixtureJob;
    completed: FixtureJob;
  };
  /** The tracking number `jobs.shipping` holds. */
  trackingNumber: string;
  certs: {
    valid: string;
    /** Base64 DER of certificates that must be refused: unregistered, expired, not yet valid, another subscription's. */
    refused: readonly string[];
  };
  /** A genuine `$skiptoken` of `GET .../storageaccounts/xttest/jobs?$top=2`. */
  skipToken: string;
}

const base = (sub: string) => `/${sub}/services/importexport`;

export const customerHeaders = (f: CustomerFixture): Record<string, string> => ({
  'x-ms-version': '2014-11-01',
  'x-arr-clientcert': f.certs.valid,
});

const accept = fc.constantFrom(
  undefined,
  'application/json',
  'application/json;odata=nometadata',
  'application/json;odata=fullmetadata',
  '*/*',
);

export const allJobs = (f: CustomerFixture): FixtureJob[] => Object.values(f.jobs);

/** A name no fixture job has. */
export const newJobName = fc.stringMatching(/^New[A-Za-z0-9_-]{1,20}$/);

export function call(
  f: CustomerFixture,
  method: Verb,
  path: string,
  more: Partial<Call> & { sub?: string } = {},
): Call {
  const takesBody = method === 'PUT' || method === 'PATCH';
  return {
    method,
    verb: method,
    query: [],
    headers: {},
    takesBody,
    conditional: /\/jobs\/[^/]+$/.test(path),
    representation: path === '/$metadata' ? 'xml' : 'json',
    ...more,
    path: `${base(more.sub ?? f.sub)}${path}`,
  };
}

export const jobPath = (j: FixtureJob) => `/storageaccounts/${j.account}/jobs/${j.name}`;

/** Calls that may well succeed as they are: reads, Put, Update and Delete of the fixture jobs. */
export function plausibleCall(f: CustomerFixture): fc.Arbitrary<Call> {
  const job = fc.constantFrom(...allJobs(f));
  const reads = fc.oneof(
    fc.constantFrom('', '/$metadata', '/locations', '/locations/West%20US', '/storageaccounts'),
    fc.constant('/storageaccounts/xttest/jobs'),
    job.map(jobPath),
    job.map((j) => `/jobs/${j.name}`),
  );
  const calls = fc.oneof(
    fc.tuple(fc.constantFrom<Verb>('GET', 'HEAD'), reads).map(([m, p]) => call(f, m, p)),
    fc
      .tuple(
        fc.oneof(
          job,
          newJobName.map((name) => ({ name, account: 'xttest' })),
        ),
      )
      .chain(([j]) =>
        validPut(j.name, j.account).map((b) => call(f, 'PUT', jobPath(j), { body: JSON.stringify(b) })),
      ),
    fc.tuple(job, validPatch).map(([j, b]) => call(f, 'PATCH', jobPath(j), { body: JSON.stringify(b) })),
    job.map((j) => call(f, 'DELETE', jobPath(j))),
  );
  return fc
    .tuple(calls, accept, fc.constantFrom('2014-11-01', '2014-05-01'), noise, fc.option(anyText(8)))
    .chain(([c, a, version, extra, timeout]) =>
      maybeTunnelled({
        ...c,
        headers: {
          ...c.headers,
          ...extra,
          ...(c.representation === 'json' && a && { accept: a }),
          'x-ms-version': version,
          ...(c.body !== undefined && { 'content-type': 'application/json' }),
        },
        query: timeout === null ? c.query : [...c.query, ['timeout', timeout]],
      }),
    );
}
