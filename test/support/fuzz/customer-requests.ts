import fc from 'fast-check';
import { badBody } from './body-defects';
import type { Call } from './calls';
import { commonHeaderDefects, METHODS, toRequest } from './calls';
import { PATCH_SPEC, PUT_SPEC, validPatch, validPut } from './customer-bodies';
import type { CustomerFixture } from './customer-calls';
import { allJobs, call, jobPath, newJobName, plausibleCall } from './customer-calls';
import { misuse, pathDefects } from './customer-misuse';
import { listQueryDefects } from './customer-queries';
import type { FuzzRequest } from './raw-http';
import { headerText } from './values';

/** Requests the customer API must refuse (docs/contract/import-export.md#a1-#a10, #d1, #d5), each broken on purpose. */

const JSON_REFUSED = ['text/html', 'application/xml', 'application/atom+xml', 'text/*', 'image/png'];
const JSON_ODATA_REFUSED = ['verbose', 'light', 'minimal', 'none', 'fullmetadata2'];

/** An Accept no media range of which the operation can serve (406), or a bad $format (400). */
function negotiationDefects(c: Call): fc.Arbitrary<FuzzRequest> {
  const range =
    c.representation === 'json'
      ? fc.oneof(
          fc.constantFrom(...JSON_REFUSED),
          fc.constantFrom(...JSON_ODATA_REFUSED).map((o) => `application/json;odata=${o}`),
          fc.constantFrom('application/json;q=0', '*/*;q=0', 'application/*;q=0.0'),
        )
      : fc.constantFrom('application/json', 'text/html', 'application/xml;odata=nometadata', 'text/xml;q=0');
  const format =
    c.representation === 'json'
      ? fc.oneof(fc.constantFrom('xml', 'atom', 'application/xml', '*/*', 'application/json;odata=verbose'))
      : fc.constantFrom('json', 'application/json', 'atom', '*/*');
  return fc.oneof(
    fc
      .array(range, { minLength: 1, maxLength: 3 })
      .map((r) =>
        toRequest({ ...c, headers: { ...c.headers, accept: r.join(', ') } }, `Accept ${r.join(', ')}`),
      ),
    fc
      .oneof(format, fc.stringMatching(/^x[a-z0-9/;=]{0,20}$/))
      .map((v) => toRequest({ ...c, query: [...c.query, ['$format', v]] }, `$format=${v}`)),
  );
}

/** Defects of the request line and headers: version, negotiation, content headers, tunnelling, certificate. */
function headerDefects(f: CustomerFixture, c: Call): fc.Arbitrary<FuzzRequest> {
  const version = fc.oneof(
    fc.constant(null),
    fc.constantFrom('2014-11-02', '2015-04-01', '2014-11-1', '2014-05-01, 2014-11-01', ''),
    headerText(20).filter((v) => !['2014-05-01', '2014-11-01'].includes(v.trim())),
  );
  const cert = fc.oneof(
    fc.constant(null),
    fc.constantFrom(...f.certs.refused),
    fc.base64String({ maxLength: 200 }),
    headerText(60),
  );
  return fc.oneof(
    version.map((v) =>
      toRequest({ ...c, headers: { ...c.headers, 'x-ms-version': v } }, `x-ms-version ${v}`),
    ),
    cert.map((v) =>
      toRequest(
        { ...c, headers: { ...c.headers, 'x-arr-clientcert': v } },
        `client certificate ${v?.slice(0, 20)}`,
      ),
    ),
    negotiationDefects(c),
    ...commonHeaderDefects(c),
  );
}

/** Conditional headers that are malformed, combined as docs/contract/import-export.md#a6 forbids, or not met by the job. */
function conditionDefects(f: CustomerFixture): fc.Arbitrary<FuzzRequest> {
  const target = fc
    .tuple(fc.constantFrom(...allJobs(f)), fc.constantFrom('GET', 'HEAD', 'PATCH', 'DELETE', 'PUT'))
    .chain(([j, m]) =>
      (m === 'PUT' ? validPut(j.name, j.account) : m === 'PATCH' ? validPatch : fc.constant(undefined)).map(
        (b) =>
          call(f, m as Call['verb'], jobPath(j), {
            ...(b && { body: JSON.stringify(b), headers: { 'content-type': 'application/json' } }),
          }),
      ),
    );
  const unmet = fc.oneof(
    fc.stringMatching(/^[a-z0-9]{1,12}$/).map((t) => ({ 'if-match': `W/"${t}"` })),
    fc.constant({ 'if-none-match': '*' }),
    fc
      .date({ min: new Date('2100-01-01'), max: new Date('2200-01-01') })
      .map((d) => ({ 'if-modified-since': d.toUTCString() })),
    fc
      .date({ min: new Date('1990-01-01'), max: new Date('2000-01-01') })
      .map((d) => ({ 'if-unmodified-since': d.toUTCString() })),
  );
  const malformed = fc.oneof(
    fc
      .tuple(fc.constantFrom('if-match', 'if-none-match'), fc.stringMatching(/^[A-Za-z0-9/ ,]{1,20}$/))
      .filter(([, v]) => v.trim() !== '' && v.trim() !== '*')
      .map(([h, v]) => ({ [h]: v })),
    fc
      .tuple(fc.constantFrom('if-modified-since', 'if-unmodified-since'), headerText(20))
      .filter(([, v]) => Number.isNaN(Date.parse(v)))
      .map(([h, v]) => ({ [h]: v })),
  );
  const combined = fc
    .subarray(['if-match', 'if-none-match', 'if-modified-since', 'if-unmodified-since'], { minLength: 2 })
    .filter(
      (hs) =>
        !(
          hs.length === 2 &&
          ((hs[0] === 'if-match' && hs[1] === 'if-unmodified-since') ||
            (hs[0] === 'if-none-match' && hs[1] === 'if-modified-since'))
        ),
    )
    .map((hs) =>
      Object.fromEntries(hs.map((h) => [h, h.includes('since') ? new Date(0).toUTCString() : '*'])),
    );
  return fc
    .tuple(target, fc.oneof(unmet, malformed, combined))
    .map(([c, h]) => toRequest({ ...c, headers: { ...c.headers, ...h } }, `conditions ${JSON.stringify(h)}`));
}

/** PUT and PATCH bodies broken in one place, on fixture jobs and new names alike. */
function bodyDefects(f: CustomerFixture): fc.Arbitrary<FuzzRequest> {
  const target = fc.oneof(
    fc.constantFrom(...allJobs(f)),
    newJobName.map((name) => ({ name, account: 'xttest' })),
  );
  return fc.oneof(
    target.chain((j) =>
      badBody(PUT_SPEC(j.name, j.account)).map((b) =>
        toRequest(
          call(f, 'PUT', jobPath(j), { body: b.body, headers: { 'content-type': 'application/json' } }),
          `Put: ${b.defect}`,
        ),
      ),
    ),
    target.chain((j) =>
      badBody(PATCH_SPEC).map((b) =>
        toRequest(
          call(f, 'PATCH', jobPath(j), { body: b.body, headers: { 'content-type': 'application/json' } }),
          `Update: ${b.defect}`,
        ),
      ),
    ),
  );
}

/** The verbs each customer route serves (docs/contract/import-export.md#a1); MERGE is PATCH. */
const SERVED: [string, readonly string[]][] = [
  ['', ['GET']],
  ['/$metadata', ['GET']],
  ['/locations', ['GET', 'HEAD']],
  ['/locations/West%20US', ['GET', 'HEAD']],
  ['/storageaccounts', ['GET', 'HEAD']],
  ['/storageaccounts/xttest/jobs', ['GET']],
  ['/storageaccounts/xttest/jobs/FuzzAny', ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE']],
  ['/jobs/FuzzAny', ['GET', 'HEAD']],
];

/** A verb a route does not serve (405), sent as it is or tunnelled. */
function methodDefects(f: CustomerFixture): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(
      fc.constantFrom(...SERVED),
      fc.constantFrom(...METHODS),
      fc.constantFrom(undefined, 'PUT', 'MERGE', 'DELETE'),
    )
    .filter(([[, served], method, tunnel]) => {
      const verb = tunnel && (method === 'GET' || method === 'POST') ? tunnel : method;
      return !served.includes(verb === 'MERGE' ? 'PATCH' : verb) && !(tunnel && verb === method);
    })
    .map(([[path], method, tunnel]) =>
      toRequest(
        { ...call(f, 'GET', path), method, headers: tunnel ? { 'x-http-method': tunnel } : {} },
        `${method}${tunnel ? ` as ${tunnel}` : ''} on ${path || '/'}`,
      ),
    );
}

/** Every kind of bad request to the customer API, weighted towards the deeper checks. */
export function customerRequest(f: CustomerFixture): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    { weight: 4, arbitrary: plausibleCall(f).chain((c) => headerDefects(f, c)) },
    { weight: 5, arbitrary: bodyDefects(f) },
    { weight: 3, arbitrary: misuse(f) },
    { weight: 2, arbitrary: pathDefects(f) },
    { weight: 2, arbitrary: conditionDefects(f) },
    { weight: 2, arbitrary: listQueryDefects(f) },
    { weight: 1, arbitrary: methodDefects(f) },
  );
}
