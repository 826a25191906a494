import fc from 'fast-check';
import type { FuzzRequest } from './raw-http';
import { armImportBody } from '../arm';

/** What the Resource Manager fuzzer works on: jobs and tokens made before the first snapshot. */
export interface ArmFuzzFixture {
  sub: string;
  /** A Contributor's token, a token of an ungranted principal, and a Reader's. */
  token: string;
  stranger: string;
  reader: string;
  /** A Creating import job and a Shipping import job, both in group `fuzz`. */
  creating: string;
  shipping: string;
}

const V = 'api-version=2021-01-01';
const jobsPath = (sub: string, rg = 'fuzz') =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.ImportExport/jobs`;

interface Template {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string | null>;
}

const req = (defect: string, t: Template): FuzzRequest => ({
  defect,
  method: t.method,
  path: t.path,
  headers: { 'content-type': 'application/json', ...t.headers },
  ...(t.body !== undefined && { body: typeof t.body === 'string' ? t.body : JSON.stringify(t.body) }),
});

const validPut = (f: ArmFuzzFixture) => armImportBody(f.sub);

/** A PUT body broken in one member: each answers 400 before anything is written. */
function badPutBodies(f: ArmFuzzFixture): fc.Arbitrary<[string, unknown]> {
  const b = validPut(f);
  const p = b.properties;
  const drive = p.driveList[0]!;
  return fc.oneof(
    fc.constantFrom<[string, unknown]>(
      ['not JSON', '{"location":'],
      ['an array', '[1,2]'],
      ['a number', '42'],
      ['location a number', { ...b, location: 7 }],
      ['no location', { properties: p }],
      ['unknown location', { ...b, location: 'Atlantis' }],
      [
        'bad storageAccountId',
        { ...b, properties: { ...p, storageAccountId: '/subscriptions/x/storageAccounts/y' } },
      ],
      [
        'upper-case account',
        {
          ...b,
          properties: { ...p, storageAccountId: p.storageAccountId.replace('customer1', 'Customer1') },
        },
      ],
      ['bad jobType', { ...b, properties: { ...p, jobType: 'Copy' } }],
      ['bad diagnosticsPath', { ...b, properties: { ...p, diagnosticsPath: 'Bad_Path' } }],
      ['bad logLevel', { ...b, properties: { ...p, logLevel: 'Loud' } }],
      ['short hash', { ...b, properties: { ...p, driveList: [{ ...drive, manifestHash: 'ABC' }] } }],
      [
        '40-digit hash',
        { ...b, properties: { ...p, driveList: [{ ...drive, manifestHash: 'A'.repeat(40) }] } },
      ],
      ['twice the drive', { ...b, properties: { ...p, driveList: [drive, drive] } }],
      ['no drives', { ...b, properties: { ...p, driveList: [] } }],
      [
        'eleven drives',
        {
          ...b,
          properties: {
            ...p,
            driveList: Array.from({ length: 11 }, (_, i) => ({ ...drive, driveId: `D${i}` })),
          },
        },
      ],
      ['export with drives', { ...b, properties: { ...p, jobType: 'Export' } }],
      ['import with export', { ...b, properties: { ...p, export: { blobList: { blobPathPrefix: ['/'] } } } }],
      ['tags not strings', { ...b, tags: { a: 1 } }],
      [
        'too many tags',
        { ...b, tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'v'])) },
      ],
      [
        'CustomerManaged without kekUrl',
        { ...b, properties: { ...p, encryptionKey: { kekType: 'CustomerManaged' } } },
      ],
      ['bad kekType', { ...b, properties: { ...p, encryptionKey: { kekType: 'Mine' } } }],
      [
        'returnAddress without city',
        { ...b, properties: { ...p, returnAddress: { ...p.returnAddress, city: undefined } } },
      ],
      ['backupDriveManifest a string', { ...b, properties: { ...p, backupDriveManifest: 'yes' } }],
    ),
    fc
      .string({ maxLength: 40 })
      .map((s): [string, unknown] => [`location ${JSON.stringify(s)}`, { ...b, location: `zz${s}` }]),
  );
}

/** A PATCH broken in one member, on a fixture job. */
function badPatchBodies(): fc.Arbitrary<[string, unknown]> {
  return fc.constantFrom<[string, unknown]>(
    ['state Received', { properties: { state: 'Received' } }],
    ['state Shipping without a package', { properties: { state: 'Shipping' } }],
    ['cancelRequested a string', { properties: { cancelRequested: 'true' } }],
    ['bad logLevel', { properties: { logLevel: 'x' } }],
    ['drive list empty', { properties: { driveList: [] } }],
    ['not JSON', '{'],
    ['an array', '[]'],
    ['tags an array', { tags: ['a'] }],
  );
}

/** Requests Resource Manager must refuse, each broken on purpose (docs/arm-import-export.md#b). */
export function armRequest(f: ArmFuzzFixture): fc.Arbitrary<FuzzRequest> {
  const auth = { authorization: `Bearer ${f.token}` };
  const job = (name: string, rg = 'fuzz') => `${jobsPath(f.sub, rg)}/${name}`;
  const versions = fc.constantFrom(
    '',
    'api-version=',
    'api-version=2021-1-1',
    'api-version=2019-01-01',
    'api-version=2021-01-01-preview',
    `${V}&api-version=2016-11-01`,
    'API-VERSION=latest',
  );
  const anyPath = fc.constantFrom(
    job(f.creating),
    jobsPath(f.sub),
    `/subscriptions/${f.sub}/providers/Microsoft.ImportExport/jobs`,
    '/providers/Microsoft.ImportExport/locations',
    `${job(f.creating)}/listBitLockerKeys`,
  );
  return fc.oneof(
    fc
      .tuple(anyPath, versions)
      .map(([path, q]) => req(`api-version ${q}`, { method: 'GET', path: `${path}?${q}`, headers: auth })),
    fc
      .tuple(
        anyPath,
        fc.constantFrom<string | null>(
          null,
          '',
          'Basic abc',
          'Bearer',
          'Bearer x.y.z',
          `Bearer ${f.token}x`,
          `Bearer ${f.token.slice(0, -4)}AAAA`,
          `bearer ${f.token.split('.').slice(0, 2).join('.')}.`,
        ),
      )
      .map(([path, a]) =>
        req(`authorization ${String(a).slice(0, 20)}`, {
          method: 'GET',
          path: `${path}?${V}`,
          headers: { authorization: a },
        }),
      ),
    fc.constantFrom(
      req('ungranted principal', {
        method: 'GET',
        path: `${job(f.creating)}?${V}`,
        headers: { authorization: `Bearer ${f.stranger}` },
      }),
      req('reader writes', {
        method: 'DELETE',
        path: `${job(f.creating)}?${V}`,
        headers: { authorization: `Bearer ${f.reader}` },
      }),
      req('reader reads keys', {
        method: 'POST',
        path: `${job(f.creating)}/listBitLockerKeys?${V}`,
        headers: { authorization: `Bearer ${f.reader}` },
      }),
    ),
    fc.constantFrom('not-a-guid', '1234', `${f.sub}x`).map((s) =>
      req(`subscription ${s}`, {
        method: 'GET',
        path: `/subscriptions/${s}/resourceGroups/fuzz/providers/Microsoft.ImportExport/jobs?${V}`,
        headers: auth,
      }),
    ),
    fc
      .constantFrom('bad.', 'a%2Fb', 'x'.repeat(91), 'sp%20ace')
      .map((rg) => req(`group ${rg}`, { method: 'GET', path: `${jobsPath(f.sub, rg)}?${V}`, headers: auth })),
    fc
      .constantFrom('1abc', 'a', '-x', 'x'.repeat(65), 'a.b')
      .map((n) =>
        req(`job name ${n}`, { method: 'PUT', path: `${job(n)}?${V}`, body: validPut(f), headers: auth }),
      ),
    fc
      .constantFrom('HEAD', 'OPTIONS', 'POST', 'MERGE')
      .map((m) => req(`verb ${m}`, { method: m, path: `${job(f.creating)}?${V}`, headers: auth })),
    fc
      .constantFrom(
        '/subscriptions/x/y',
        `/subscriptions/${f.sub}/resourceGroups/fuzz/providers/Microsoft.ImportExport/things`,
        '/providers/Microsoft.Nope',
      )
      .map((p) => req(`unknown path ${p}`, { method: 'GET', path: `${p}?${V}`, headers: auth })),
    badPutBodies(f).map(([d, body]) =>
      req(`PUT ${d}`, { method: 'PUT', path: `${job('fuzzNew')}?${V}`, body, headers: auth }),
    ),
    badPatchBodies().map(([d, body]) =>
      req(`PATCH ${d}`, { method: 'PATCH', path: `${job(f.creating)}?${V}`, body, headers: auth }),
    ),
    fc.constantFrom(
      req('PUT text/plain', {
        method: 'PUT',
        path: `${job('fuzzNew')}?${V}`,
        body: JSON.stringify(validPut(f)),
        headers: { ...auth, 'content-type': 'text/plain' },
      }),
      req('PUT over 1 MiB', {
        method: 'PUT',
        path: `${job('fuzzNew')}?${V}`,
        body: `{"location":"${'x'.repeat(1024 * 1024)}"}`,
        headers: auth,
      }),
      req('PUT in another group', {
        method: 'PUT',
        path: `${job(f.creating, 'other')}?${V}`,
        body: validPut(f),
        headers: auth,
      }),
      req('PUT past Creating changing a member', {
        method: 'PUT',
        path: `${job(f.shipping)}?${V}`,
        body: { ...validPut(f), location: 'East US' },
        headers: auth,
      }),
      req('PUT create-only on an existing job', {
        method: 'PUT',
        path: `${job(f.creating)}?${V}`,
        body: validPut(f),
        headers: { ...auth, 'if-none-match': '*' },
      }),
      req('PATCH stale If-Match', {
        method: 'PATCH',
        path: `${job(f.creating)}?${V}`,
        body: { tags: { a: 'b' } },
        headers: { ...auth, 'if-match': '"stale"' },
      }),
      req('DELETE stale If-Match', {
        method: 'DELETE',
        path: `${job(f.creating)}?${V}`,
        headers: { ...auth, 'if-match': 'W/"stale"' },
      }),
      req('DELETE If-Match on an absent job', {
        method: 'DELETE',
        path: `${job('fuzzAbsent')}?${V}`,
        headers: { ...auth, 'if-match': '*' },
      }),
      req('DELETE a Shipping job', { method: 'DELETE', path: `${job(f.shipping)}?${V}`, headers: auth }),
      req('PATCH an absent job', {
        method: 'PATCH',
        path: `${job('fuzzAbsent')}?${V}`,
        body: { properties: {} },
        headers: auth,
      }),
      req('keys of an absent job', {
        method: 'POST',
        path: `${job('fuzzAbsent')}/listBitLockerKeys?${V}`,
        headers: auth,
      }),
      req('GET an absent job', { method: 'GET', path: `${job('fuzzAbsent')}?${V}`, headers: auth }),
      req('GET in another group', { method: 'GET', path: `${job(f.creating, 'other')}?${V}`, headers: auth }),
      req('unknown location', {
        method: 'GET',
        path: `/providers/Microsoft.ImportExport/locations/atlantis?${V}`,
        headers: auth,
      }),
    ),
    fc
      .constantFrom(
        '$top=0',
        '$top=101',
        '$top=abc',
        '$top=1&$top=2',
        "$filter=name eq 'x'",
        '$filter=properties/state eq',
        "$filter=properties/state eq 'A' or location eq 'B'",
        '$skiptoken=abc',
        '$skiptoken=eyJhIjoiIiwibiI6MH0.bad',
      )
      .map((q) => req(`list ${q}`, { method: 'GET', path: `${jobsPath(f.sub)}?${V}&${q}`, headers: auth })),
  );
}
