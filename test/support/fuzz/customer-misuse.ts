import fc from 'fast-check';
import type { Call } from './calls';
import { maybeTunnelled, toRequest } from './calls';
import { validPatch, validPut } from './customer-bodies';
import type { CustomerFixture, FixtureJob } from './customer-calls';
import { call, jobPath, newJobName } from './customer-calls';
import type { FuzzRequest } from './raw-http';
import { badAccountName, badJobName, badSubscriptionId, brokenEncoding, segment } from './values';

const json = { 'content-type': 'application/json' };
const put = (f: CustomerFixture, j: FixtureJob) =>
  validPut(j.name, j.account).map((b) =>
    call(f, 'PUT', jobPath(j), { body: JSON.stringify(b), headers: json }),
  );
const patch = (f: CustomerFixture, j: FixtureJob, properties: fc.Arbitrary<Record<string, unknown>>) =>
  fc.tuple(validPatch, properties).map(([b, p]) =>
    call(f, 'PATCH', jobPath(j), {
      body: JSON.stringify({ Properties: { ...b.Properties, ...p } }),
      headers: json,
    }),
  );

/** Properties a Completed job refuses (docs/contract/import-export.md#a7's table), at least one of them. */
const untilPackaging = fc.oneof(
  fc.constant({ CancelRequested: true }),
  fc.constant({ ReturnShipping: { CarrierName: 'UPS', CarrierAccountNumber: '1' } }),
  fc.boolean().map((EnableVerboseLog) => ({ EnableVerboseLog })),
  fc.constant({ DeliveryPackage: { CarrierName: 'UPS', TrackingNumber: 'TN-LATE' } }),
  fc.constant({ State: 'Shipping' }),
);

/**
 * Well-formed calls the rules refuse (docs/contract/import-export.md#a5, #a7, #a9, #d3): a new job beyond the quota, a Put
 * over a job past Creating or of another account, properties outside their window, Shipping
 * without a DeliveryPackage, a tracking number another active job holds, a Delete while Shipping,
 * and any call on a job that does not exist.
 */
export function misuse(f: CustomerFixture): fc.Arbitrary<FuzzRequest> {
  const { creating, exportCreating, shipping, other, completed } = f.jobs;
  const missing = newJobName.map((name) => ({ name, account: 'xttest' }));
  const held = fc.constantFrom(
    f.trackingNumber,
    f.trackingNumber.toLowerCase(),
    ` ${f.trackingNumber.split('').join(' ')} `,
  );
  const cases: [string, fc.Arbitrary<Call>][] = [
    ['a new job beyond the quota', missing.chain((j) => put(f, j))],
    ['Put over a job past Creating', fc.constantFrom(shipping, completed).chain((j) => put(f, j))],
    ['Put of a name another account holds', put(f, { name: other.name, account: 'xttest' })],
    ['Update of a Completed job outside the window', patch(f, completed, untilPackaging)],
    ['Update of a Shipping job to Shipping', patch(f, shipping, fc.constant({ State: 'Shipping' }))],
    [
      'Shipping without a DeliveryPackage',
      fc.constantFrom(creating, exportCreating).chain((j) => patch(f, j, fc.constant({ State: 'Shipping' }))),
    ],
    [
      'a tracking number in use',
      fc
        .tuple(fc.constantFrom(creating, exportCreating), held)
        .chain(([j, TrackingNumber]) =>
          patch(f, j, fc.constant({ DeliveryPackage: { CarrierName: 'FedEx', TrackingNumber } })),
        ),
    ],
    ['Delete of a Shipping job', fc.constant(call(f, 'DELETE', jobPath(shipping)))],
    [
      'a job under another account',
      fc
        .constantFrom('GET', 'PATCH', 'DELETE')
        .map((m) => call(f, m as 'GET', jobPath({ ...other, account: 'xttest' }))),
    ],
    [
      'a job that does not exist',
      missing.chain((j) =>
        fc.oneof(
          patch(f, j, fc.constant({})),
          fc.constant(call(f, 'DELETE', jobPath(j))),
          fc.constant(call(f, 'GET', `/jobs/${j.name}`)),
        ),
      ),
    ],
  ];
  return fc
    .constantFrom(...cases)
    .chain(([defect, c]) => c.chain(maybeTunnelled).map((x) => toRequest(x, defect)));
}

/**
 * Malformed or foreign path segments (docs/contract/import-export.md#a5, #d1): a subscription that is no GUID or whose
 * certificate is not registered, account and job names that break the rules, unknown routes and
 * locations.
 */
export function pathDefects(f: CustomerFixture): fc.Arbitrary<FuzzRequest> {
  const { creating } = f.jobs;
  const get = (path: string, defect: string, sub?: string) =>
    toRequest(call(f, 'GET', path, sub === undefined ? {} : { sub }), defect);
  return fc.oneof(
    fc
      .tuple(badSubscriptionId, fc.constantFrom('/locations', jobPath(creating)))
      .map(([s, p]) => get(p, `subscription ${s}`, segment(s))),
    fc.uuid().map((s) => get(jobPath(creating), `subscription ${s} without the certificate`, s)),
    badAccountName.map((a) => get(`/storageaccounts/${segment(a)}/jobs`, `account ${a}`)),
    fc
      .tuple(badAccountName, fc.constantFrom('GET', 'DELETE', 'PATCH'))
      .map(([a, m]) =>
        toRequest(
          call(
            f,
            m as 'GET',
            `/storageaccounts/${segment(a)}/jobs/${creating.name}`,
            m === 'PATCH' ? { body: '{"Properties":{}}', headers: json } : {},
          ),
          `account ${a}`,
        ),
      ),
    fc
      .tuple(badJobName, fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE'))
      .map(([name, m]) =>
        toRequest(
          call(
            f,
            m as 'GET',
            `/storageaccounts/xttest/jobs/${segment(name)}`,
            m === 'PUT' || m === 'PATCH' ? { body: '{"Properties":{}}', headers: json } : {},
          ),
          `job name ${name}`,
        ),
      ),
    badJobName.map((name) => get(`/jobs/${segment(name)}`, `job name ${name}`)),
    fc
      .tuple(brokenEncoding, fc.constantFrom('sub', 'account', 'job'))
      .map(([raw, at]) =>
        at === 'sub'
          ? get('/locations', `subscription ${raw}`, raw)
          : get(
              at === 'account' ? `/storageaccounts/${raw}/jobs` : `/storageaccounts/xttest/jobs/${raw}`,
              `${at} ${raw}`,
            ),
      ),
    fc
      .stringMatching(/^[A-Za-z ]{1,20}$/)
      .filter((l) => !/^(west|east|south|north|japan|australia)/i.test(l))
      .map((l) => get(`/locations/${segment(l)}`, `location ${l}`)),
    fc
      .array(fc.stringMatching(/^[a-z$]{1,10}$/), { minLength: 1, maxLength: 3 })
      .map((parts) => get(`/nothing/${parts.join('/')}`, 'an unknown route')),
  );
}
