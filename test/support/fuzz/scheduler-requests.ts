import fc from 'fast-check';
import { setAt } from './body-defects';
import type { FuzzRequest } from './raw-http';
import { anyText, headerText } from './values';

/** What the Scheduler fuzzer targets: see fuzz-scheduler.test.ts for how it is set up. */
export interface SchedulerFixture {
  sub: string;
  /** An ETag that is not the collection's. */
  staleEtag: string;
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const XML_TYPE = { 'content-type': 'application/xml' };
const NS = 'http://schemas.microsoft.com/windowsazure';
const AV = 'api-version=2014-04-01';

const validJob = fc.record({
  action: fc.constant({ type: 'http', request: { uri: 'http://127.0.0.1:9/', method: 'GET' } }),
  recurrence: fc.constantFrom({ frequency: 'hour', interval: 1 }, { frequency: 'day', interval: 2 }),
});

/** Values the job rules refuse at a path (docs/classic-scheduler.md#c3), never null (a PATCH would remove). */
const BAD_JOB_VALUES: readonly [readonly string[], fc.Arbitrary<unknown>][] = [
  [['action', 'type'], fc.constantFrom('ftp', 'serviceBusQueue', '', 7)],
  [['action', 'request', 'uri'], fc.constantFrom('not a uri', 'ftp://x/', '/relative', 3)],
  [['action', 'request', 'method'], fc.constantFrom('TRACE', 'CONNECT', '', false)],
  [['action', 'request', 'headers'], fc.constantFrom({ 'bad name': 'v' }, { h: 'a\r\nb' }, { h: 1 }, 'x')],
  [['action', 'request', 'body'], fc.constantFrom('x'.repeat(8193), 5)],
  [
    ['action', 'request', 'authentication'],
    fc.constantFrom({}, { type: 'Digest' }, { type: 'Basic', username: 'u' }),
  ],
  [
    ['action', 'retryPolicy'],
    fc.constantFrom(
      { retryType: 'sometimes' },
      { retryType: 'fixed', retryCount: 21 },
      { retryType: 'fixed', retryInterval: 'soon' },
      { retryType: 'fixed', retryInterval: 'PT1S' },
    ),
  ],
  [
    ['action', 'errorAction'],
    fc.constantFrom(
      {},
      { type: 'http' },
      { type: 'http', request: { uri: 'http://a/', method: 'GET' }, retryPolicy: { retryType: 'none' } },
    ),
  ],
  [
    ['action', 'queueMessage'],
    fc.constantFrom({ storageAccount: 'A', queueName: 'q', sasToken: 's', message: 'm' }),
  ],
  [['recurrence', 'frequency'], fc.constantFrom('second', 'fortnight', '', 1)],
  [['recurrence', 'interval'], fc.constantFrom(0, -1, 1.5, 'one', 5000)],
  [['recurrence', 'count'], fc.constantFrom(0, -3, 'x')],
  [['recurrence', 'endTime'], fc.constantFrom('2001-01-01T00:00:00Z', 'tomorrow', 12)],
  [['recurrence', 'schedule', 'minutes'], fc.constantFrom([60], [-1], ['a'], 99)],
  [['recurrence', 'schedule', 'hours'], fc.constantFrom([24], [1.5])],
  [['recurrence', 'schedule', 'monthDays'], fc.constantFrom([0], [32], [-32])],
  [['recurrence', 'schedule', 'weekDays'], fc.constantFrom(['funday'], [1])],
  [
    ['recurrence', 'schedule', 'monthlyOccurrences'],
    fc.constantFrom([{ day: 'friday', occurrence: 0 }], [{ occurrence: 1 }], [{ day: 'x' }]),
  ],
  [['startTime'], fc.constantFrom('yesterday', '2015-13-01', '9999-01-01T00:00:00Z', 5)],
  [['state'], fc.constantFrom('completed', 'faulted', 'paused', 0)],
  [['status'], fc.constantFrom({}, { executionCount: 1 }, 'x')],
];

const badJobBody = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(validJob, fc.constantFrom(...BAD_JOB_VALUES))
      .chain(([job, [path, bad]]) => bad.map((v) => JSON.stringify(setAt(job, path, v)))),
  },
  { weight: 2, arbitrary: fc.constantFrom('[]', '1', 'null', '"job"', '{', '{"action":', '', '\u0000') },
  {
    weight: 1,
    arbitrary: anyText(20).filter((t) => {
      try {
        const v: unknown = JSON.parse(t);
        return typeof v !== 'object' || v === null || Array.isArray(v);
      } catch {
        return true;
      }
    }),
  },
);

const badXml = fc.constantFrom(
  '<Resource',
  '<<>>',
  'not xml',
  '<Resource><Label>x</Label>',
  '<?xml version="1.0"?><a><b></a></b>',
);

const xmlResource = (inner: string) => `<Resource xmlns="${NS}">${inner}</Resource>`;

export function schedulerRequest(f: SchedulerFixture): fc.Arbitrary<FuzzRequest> {
  const base = `/${f.sub}/cloudservices/cs-f/resources/scheduler/~/JobCollections`;
  const jobs = `${base}/full/jobs`;
  const req = (
    defect: string,
    method: string,
    path: string,
    headers: Record<string, string | null> = {},
    body?: string,
  ): FuzzRequest => ({
    defect,
    method,
    path,
    headers,
    ...(body !== undefined && { body }),
  });
  const newId = fc.stringMatching(/^n[a-z0-9]{0,12}$/);
  return fc.oneof(
    // Job bodies the rules refuse (400), or valid ones into a full collection (409).
    badJobBody.chain((b) =>
      fc.constantFrom(
        req('bad job body (PUT)', 'PUT', `${jobs}/nnew?${AV}`, JSON_TYPE, b),
        req('bad job body (POST)', 'POST', `${jobs}?${AV}`, JSON_TYPE, b),
        req('bad job body (PATCH)', 'PATCH', `${jobs}/held?${AV}`, JSON_TYPE, b),
      ),
    ),
    fc
      .tuple(validJob, newId)
      .map(([j, id]) =>
        req('a new job into a full collection', 'PUT', `${jobs}/${id}?${AV}`, JSON_TYPE, JSON.stringify(j)),
      ),
    validJob.map((j) =>
      req('a replace of a completed job', 'PUT', `${jobs}/done?${AV}`, JSON_TYPE, JSON.stringify(j)),
    ),
    fc
      .constantFrom('{"state":"enabled"}', '{"recurrence":{"frequency":"hour"}}')
      .map((b) => req('a PATCH of a completed job', 'PATCH', `${jobs}/done?${AV}`, JSON_TYPE, b)),
    fc
      .constantFrom('{}', '{"state":"paused"}', '{"state":1}', '[]')
      .map((b) => req('a bad collection-wide PATCH', 'PATCH', jobs, JSON_TYPE, b)),
    // Transport.
    fc.constantFrom(`${jobs}/held?${AV}`, `/${f.sub}/CloudServices`, `${base}/full`).chain((path) =>
      fc.oneof(
        fc.constant(req('no x-ms-version', 'GET', path, { 'x-ms-version': null })),
        fc
          .constantFrom('2013-02-28', '2013-3-1', 'latest', '', '2013-03-01x')
          .map((v) => req('a bad x-ms-version', 'GET', path, { 'x-ms-version': v })),
        fc.constant(req('no certificate', 'GET', path, { 'x-arr-clientcert': null })),
        headerText(30).map((c) =>
          req('a certificate that is not one', 'GET', path, { 'x-arr-clientcert': c }),
        ),
        fc.constantFrom('OPTIONS', 'MERGE', 'HEAD').map((m) => req('an unknown verb', m, path)),
      ),
    ),
    fc
      .constantFrom('2015-01-01', '2014-04-1', 'x', '')
      .map((v) => req('a bad api-version', 'GET', `${jobs}?api-version=${v}`)),
    fc
      .constantFrom('text/plain', 'application/xml', 'multipart/form-data')
      .map((t) =>
        req(
          'a foreign Content-Type',
          'PUT',
          `${jobs}/nnew?${AV}`,
          { 'content-type': t },
          '{"action":{"type":"http","request":{"uri":"http://a/","method":"GET"}}}',
        ),
      ),
    fc.constant(
      req(
        'a body over 64 KiB',
        'PUT',
        `${jobs}/nnew?${AV}`,
        JSON_TYPE,
        JSON.stringify({ pad: 'x'.repeat(70_000) }),
      ),
    ),
    fc.constant(req('a URL over 2048 characters', 'GET', `${jobs}/held?${AV}&pad=${'x'.repeat(2100)}`)),
    // Lists and history.
    fc
      .constantFrom(
        '$top=0',
        '$top=101',
        '$top=x',
        '$skip=-1',
        '$filter=state%20eq%20sleeping',
        '$filter=name%20eq%20x',
        '$filter=state',
        '$top=1.5',
      )
      .chain((q) =>
        fc.constantFrom(
          req('a bad list query', 'GET', `${jobs}?${AV}&${q}`),
          req(
            'a bad history query',
            'GET',
            `${jobs}/held/history?${AV}&${q.replace('state%20eq%20sleeping', 'status%20eq%20ok')}`,
          ),
        ),
      ),
    // Not found.
    fc
      .constantFrom(
        `${jobs}/missing`,
        `${jobs}/-bad-`,
        `${base}/nocoll/jobs/held`,
        `/${f.sub}/cloudservices/nocs/resources/scheduler/JobCollections/full/jobs/held`,
      )
      .chain((p) =>
        fc.constantFrom('GET', 'DELETE').map((m) => req('an unknown job or collection', m, `${p}?${AV}`)),
      ),
    fc.constantFrom('GET', 'DELETE').map((m) => req('an unknown collection', m, `${base}/nocoll`)),
    fc
      .constantFrom('nocs', '-x')
      .map((cs) => req('an unknown cloud service', 'GET', `/${f.sub}/CloudServices/${cs}`)),
    fc
      .constantFrom('0'.repeat(32), 'nope', 'ABC')
      .map((id) => req('an unknown operation', 'GET', `/${f.sub}/operations/${id}`)),
    fc.constant(req('an unknown path', 'GET', `${base}/full/jobs/held/history/more`)),
    // The management plane's XML and queries.
    badXml.chain((x) =>
      fc.constantFrom(
        req('malformed XML (cloud service)', 'PUT', `/${f.sub}/CloudServices/csnew`, XML_TYPE, x),
        req('malformed XML (collection)', 'PUT', `${base}/jcnew`, XML_TYPE, x),
        req('malformed XML (entitle)', 'POST', `/${f.sub}/EntitleResource`, XML_TYPE, x),
      ),
    ),
    fc
      .constantFrom(
        `<CloudService xmlns="${NS}"><Description>d</Description><GeoRegion>West US</GeoRegion></CloudService>`,
        `<CloudService xmlns="${NS}"><Label>l</Label><Description>d</Description><GeoRegion>Mars</GeoRegion></CloudService>`,
        `<CloudService xmlns="${NS}"><Label>${'l'.repeat(101)}</Label><Description>d</Description><GeoRegion>West US</GeoRegion></CloudService>`,
      )
      .map((x) => req('a bad cloud service', 'PUT', `/${f.sub}/CloudServices/csnew`, XML_TYPE, x)),
    fc.constant(
      req(
        'an existing cloud service',
        'PUT',
        `/${f.sub}/CloudServices/CS-F`,
        XML_TYPE,
        `<CloudService xmlns="${NS}"><Label>l</Label><Description>d</Description><GeoRegion>West US</GeoRegion></CloudService>`,
      ),
    ),
    fc.constant(
      req(
        'a bad cloud service name',
        'PUT',
        `/${f.sub}/CloudServices/-cs`,
        XML_TYPE,
        `<CloudService xmlns="${NS}"><Label>l</Label><Description>d</Description><GeoRegion>West US</GeoRegion></CloudService>`,
      ),
    ),
    fc.constant(req('a cloud service holding collections', 'DELETE', `/${f.sub}/CloudServices/cs-f`)),
    fc
      .constantFrom(
        xmlResource('<IntrinsicSettings><Plan>Gold</Plan></IntrinsicSettings>'),
        xmlResource(
          '<IntrinsicSettings><Plan>Standard</Plan><Quota><MaxJobCount>51</MaxJobCount></Quota></IntrinsicSettings>',
        ),
        xmlResource('<IntrinsicSettings><Quota><MaxJobCount>0</MaxJobCount></Quota></IntrinsicSettings>'),
        xmlResource(
          '<IntrinsicSettings><Quota><MaxRecurrence><Frequency>Second</Frequency><Interval>1</Interval></MaxRecurrence></Quota></IntrinsicSettings>',
        ),
        xmlResource(
          '<IntrinsicSettings><Quota><MaxRecurrence><Frequency>Minute</Frequency></MaxRecurrence></Quota></IntrinsicSettings>',
        ),
        xmlResource('<Label>not base64!</Label>'),
        xmlResource('<IntrinsicSettings><Plan>Free</Plan></IntrinsicSettings>'),
      )
      .map((x) => req('a bad new collection', 'PUT', `${base}/jcnew`, XML_TYPE, x)),
    fc.constant(req('a bad collection name', 'PUT', `${base}/-jc`, XML_TYPE, xmlResource(''))),
    fc.constant(req('an existing collection', 'PUT', `${base}/FULL`, XML_TYPE, xmlResource(''))),
    fc.constant(
      req(
        'a stale If-Match',
        'PUT',
        `${base}/full`,
        { ...XML_TYPE, 'if-match': f.staleEtag },
        xmlResource('<Label>eA==</Label>'),
      ),
    ),
    fc
      .constantFrom(
        '<State>Paused</State>',
        '<IntrinsicSettings><Quota><MaxJobCount>1</MaxJobCount></Quota></IntrinsicSettings>',
      )
      .map((x) =>
        req(
          'a collection update the state or jobs refuse',
          'PUT',
          `${base}/full`,
          { ...XML_TYPE, 'if-match': '*' },
          xmlResource(x),
        ),
      ),
    fc
      .constantFrom(
        'service=other&action=register',
        'service=scheduler.JobCollections&action=nuke',
        'action=register',
        'service=scheduler.JobCollections&action=register',
      )
      .map((q) => req('a bad or repeated registration', 'PUT', `/${f.sub}/services?${q}`)),
    fc
      .constantFrom('', '?resourceType=WebSites')
      .map((q) =>
        req('a bad provider properties query', 'GET', `/${f.sub}/resourceproviders/scheduler/Properties${q}`),
      ),
    fc
      .constantFrom('', '?op=checknameavailability', '?resourceName=x', '?op=other&resourceName=x')
      .map((q) =>
        req(
          'a bad check-name query',
          'GET',
          `/${f.sub}/cloudservices/cs-f/resources/scheduler/JobCollections/${q}`,
        ),
      ),
  );
}
