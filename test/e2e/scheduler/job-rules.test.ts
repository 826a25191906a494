import { call, startSchedulerClients, type SchedulerClients } from '../../support/scheduler-clients';
import { samplePfx } from '../../support/scheduler-values';

let c: SchedulerClients;
const NS = 'xmlns="http://schemas.microsoft.com/windowsazure"';
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const http = { type: 'http', request: { uri: 'http://127.0.0.1:9/', method: 'GET' } };
/** The same action with outbound authentication, which the Free plan lacks. */
const basicAuthHttp = {
  ...http,
  request: { ...http.request, authentication: { type: 'Basic', username: 'u', password: 'p' } },
};

beforeAll(async () => {
  c = await startSchedulerClients();
  await call((cb) =>
    c.csm.cloudServices.create('cs-rules', { label: 'l', description: 'd', geoRegion: 'West US' }, cb),
  );
  await call((cb) => c.smc.jobCollections.create('cs-rules', 'std', {}, cb));
  await call((cb) =>
    c.smc.jobCollections.create(
      'cs-rules',
      'hourly',
      {
        intrinsicSettings: { plan: 'Standard', quota: { maxRecurrence: { frequency: 'Hour', interval: 1 } } },
      },
      cb,
    ),
  );
  await call((cb) =>
    c.smc.jobCollections.create('cs-rules', 'free', { intrinsicSettings: { plan: 'Free' } }, cb),
  );
});
afterAll(() => c.svc.stop());

const jobs = (jc: string) =>
  `/${c.svc.sub}/cloudservices/cs-rules/resources/scheduler/~/JobCollections/${jc}/jobs`;
const put = (jc: string, id: string, body: unknown) =>
  c.raw('PUT', `${jobs(jc)}/${id}?api-version=2014-04-01`, {
    body: JSON.stringify(body),
    headers: JSON_TYPE,
  });
const patch = (jc: string, id: string, body: unknown) =>
  c.raw('PATCH', `${jobs(jc)}/${id}?api-version=2014-04-01`, {
    body: JSON.stringify(body),
    headers: JSON_TYPE,
  });
const codeOf = (body: string) => /<Code>([^<]*)<\/Code>/.exec(body)?.[1];

describe('job field rules (docs/classic-scheduler.md#c3): 400 BadRequest', () => {
  it.each([
    ['status present', { action: http, status: {} }],
    ['state completed', { action: http, state: 'completed' }],
    ['no action', {}],
    ['unknown action type', { action: { type: 'serviceBusQueue' } }],
    ['relative uri', { action: { type: 'http', request: { uri: '/x', method: 'GET' } } }],
    ['method TRACE', { action: { type: 'http', request: { uri: 'http://a/', method: 'TRACE' } } }],
    ['frequency second', { action: http, recurrence: { frequency: 'second' } }],
    ['week interval 79', { action: http, recurrence: { frequency: 'week', interval: 79 } }],
    [
      'weekDays with day',
      { action: http, recurrence: { frequency: 'day', schedule: { weekDays: ['monday'] } } },
    ],
    [
      'schedule with minute',
      { action: http, recurrence: { frequency: 'minute', schedule: { minutes: [1] } } },
    ],
    ['hours with hour', { action: http, recurrence: { frequency: 'hour', schedule: { hours: [1] } } }],
    ['monthDays 0', { action: http, recurrence: { frequency: 'month', schedule: { monthDays: [0] } } }],
    [
      'occurrence 6',
      {
        action: http,
        recurrence: {
          frequency: 'month',
          schedule: { monthlyOccurrences: [{ day: 'friday', occurrence: 6 }] },
        },
      },
    ],
    ['endTime in the past', { action: http, recurrence: { frequency: 'day', endTime: '2001-01-01' } }],
    [
      'startTime 2 years ahead',
      { action: http, startTime: new Date(Date.now() + 2 * 365 * 86_400_000).toISOString() },
    ],
    ['retryCount 21', { action: { ...http, retryPolicy: { retryType: 'fixed', retryCount: 21 } } }],
    [
      'retryInterval below the floor',
      { action: { ...http, retryPolicy: { retryType: 'fixed', retryInterval: 'PT10S' } } },
    ],
    [
      'empty authentication',
      { action: { type: 'http', request: { uri: 'http://a/', method: 'GET', authentication: {} } } },
    ],
    [
      '51 headers',
      {
        action: {
          type: 'http',
          request: {
            uri: 'http://a/',
            method: 'GET',
            headers: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`h${i}`, 'v'])),
          },
        },
      },
    ],
    [
      'body over 8192',
      { action: { type: 'http', request: { uri: 'http://a/', method: 'POST', body: 'x'.repeat(8193) } } },
    ],
    [
      'queue name with capitals',
      {
        action: {
          type: 'storageQueue',
          queueMessage: { storageAccount: 'acct', queueName: 'Q1', sasToken: 's', message: 'm' },
        },
      },
    ],
    [
      'error action with its own retry policy',
      { action: { ...http, errorAction: { ...http, retryPolicy: { retryType: 'none' } } } },
    ],
    ['id differing from the path', { id: 'other', action: http }],
  ])('%s', async (_name, body) => {
    const res = await put('std', 'rule-job', body);
    expect([res.status, codeOf(res.body)]).toEqual([400, 'BadRequest']);
  });
});

describe('job serialisation (docs/classic-scheduler.md#c5)', () => {
  it('accepts both retryInterval forms and answers TimeSpan text; a disabled job that never ran has no status', async () => {
    const iso = await put('std', 'retry-iso', {
      action: { ...http, retryPolicy: { retryType: 'Fixed', retryInterval: 'P1D', retryCount: 2 } },
      state: 'Disabled',
    });
    expect(iso.status).toBe(201);
    const body = JSON.parse(iso.body);
    expect(body.action.retryPolicy).toEqual({
      retryType: 'fixed',
      retryInterval: '1.00:00:00',
      retryCount: 2,
    });
    expect(body.state).toBe('disabled');
    expect(body.status).toBeUndefined();
    const ts = JSON.parse(
      (
        await put('std', 'retry-ts', {
          action: { ...http, retryPolicy: { retryType: 'fixed', retryInterval: '00:01:30' } },
        })
      ).body,
    );
    expect(ts.action.retryPolicy).toEqual({ retryType: 'fixed', retryInterval: '00:01:30', retryCount: 5 });
    const none = JSON.parse(
      (await put('std', 'retry-none', { action: { ...http, retryPolicy: { retryType: 'None' } } })).body,
    );
    expect(none.action.retryPolicy).toEqual({ retryType: 'none' });
  });

  it('lowercases enums, echoes scalars as arrays, and keeps the recorded key orders', async () => {
    const res = await put('std', 'order', {
      startTime: '2015-07-13',
      action: {
        type: 'Http',
        request: { uri: 'http://127.0.0.1:9/', method: 'get', headers: { 'X-Case': 'v' } },
      },
      recurrence: { frequency: 'Week', schedule: { weekDays: 'Monday', hours: 5, minutes: [0, 30] } },
    });
    const job = JSON.parse(res.body);
    expect(Object.keys(job)).toEqual(['id', 'startTime', 'action', 'recurrence', 'state', 'status']);
    expect(job.startTime).toBe('2015-07-13T00:00:00Z');
    expect(Object.keys(job.action)).toEqual(['request', 'type']);
    expect(job.action.type).toBe('Http');
    expect(job.action.request).toEqual({
      uri: 'http://127.0.0.1:9/',
      method: 'get',
      headers: { 'X-Case': 'v' },
    });
    expect(job.recurrence).toEqual({
      frequency: 'week',
      interval: 1,
      schedule: { minutes: [0, 30], hours: [5], weekDays: ['monday'] },
    });
    expect(Object.keys(job.recurrence.schedule)).toEqual(['minutes', 'hours', 'weekDays']);
  });

  it('never returns a queue SAS token, and echoes a client certificate by thumbprint, expiry and subject', async () => {
    const queue = JSON.parse(
      (
        await put('std', 'queue', {
          action: {
            type: 'storageQueue',
            queueMessage: {
              storageAccount: 'acct1',
              queueName: 'jobs',
              sasToken: '?sv=1&sig=sekrit',
              message: 'hello',
            },
          },
        })
      ).body,
    );
    expect(queue.action).toEqual({
      queueMessage: { storageAccount: 'acct1', queueName: 'jobs', message: 'hello' },
      type: 'storageQueue',
    });
    const { pfx, thumbprint } = samplePfx('pfx-pw', 'Scheduler Management');
    const cert = JSON.parse(
      (
        await put('std', 'cert', {
          action: {
            type: 'https',
            request: {
              uri: 'https://127.0.0.1:9/',
              method: 'GET',
              authentication: { type: 'clientcertificate', pfx, password: 'pfx-pw' },
            },
          },
        })
      ).body,
    );
    expect(cert.action.request.authentication).toEqual({
      type: 'ClientCertificate',
      certificateThumbprint: thumbprint,
      certificateExpiration: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      certificateSubjectName: 'CN=Scheduler Management',
    });
    const wrong = await put('std', 'cert2', {
      action: {
        type: 'https',
        request: {
          uri: 'https://127.0.0.1:9/',
          method: 'GET',
          authentication: { type: 'ClientCertificate', pfx, password: 'nope' },
        },
      },
    });
    expect([wrong.status, codeOf(wrong.body)]).toEqual([400, 'BadRequest']);
    expect(wrong.body).not.toContain('nope');
  });
});

describe('PATCH and final states (docs/classic-scheduler.md#c6)', () => {
  it('merges: unspecified fields carry over, null removes, objects merge', async () => {
    await put('std', 'merge', {
      action: { ...http, retryPolicy: { retryType: 'fixed', retryCount: 2 } },
      recurrence: { frequency: 'hour', interval: 2 },
    });
    const res = await patch('std', 'merge', { action: { request: { body: 'new' } }, recurrence: null });
    expect(res.status).toBe(200);
    const job = JSON.parse(res.body);
    expect(job.action.request).toEqual({ uri: 'http://127.0.0.1:9/', method: 'GET', body: 'new' });
    expect(job.action.retryPolicy.retryCount).toBe(2);
    expect(job.recurrence).toBeUndefined();
    const status = await patch('std', 'merge', { status: { executionCount: 3 } });
    expect(status.status).toBe(400);
  });

  it('PATCH refuses an id differing from the path (case aside) and a final state with 400', async () => {
    await put('std', 'patch-id', { action: http });
    expect((await patch('std', 'patch-id', { id: 'PATCH-ID' })).status).toBe(200);
    for (const body of [{ id: 'other' }, { id: 7 }, { state: 'completed' }, { state: 'faulted' }]) {
      const res = await patch('std', 'patch-id', body);
      expect([res.status, codeOf(res.body)]).toEqual([400, 'BadRequest']);
    }
  });

  it('PATCH /jobs takes {state: enabled|disabled} in any case; anything else is 400', async () => {
    await call((cb) => c.smc.jobCollections.create('cs-rules', 'wide', {}, cb));
    await put('wide', 'w1', { action: http, recurrence: { frequency: 'hour' } });
    const patchAll = (body: unknown) =>
      c.raw('PATCH', jobs('wide'), { body: JSON.stringify(body), headers: JSON_TYPE });
    for (const body of [{}, { state: 'completed' }, { state: 7 }]) {
      const res = await patchAll(body);
      expect([res.status, codeOf(res.body)]).toEqual([400, 'BadRequest']);
    }
    const res = await patchAll({ state: 'Disabled' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).map((j: any) => [j.id, j.state])).toEqual([['w1', 'disabled']]);
  });

  it('a completed job refuses PUT and PATCH with 409, and can still be deleted', async () => {
    await put('std', 'done', { action: http });
    const ref = { subscriptionId: c.svc.sub, cloudService: 'cs-rules', jobCollection: 'std' };
    const read = (await c.svc.rt.scheduler.jobs.read(ref, 'done'))!;
    await c.svc.rt.scheduler.jobs.replace(
      ref,
      { ...read.job, state: 'completed', status: { ...read.job.status, executionCount: 1 } },
      read.etag,
    );
    expect(JSON.parse((await c.raw('GET', `${jobs('std')}/done?api-version=2014-04-01`)).body).state).toBe(
      'completed',
    );
    for (const res of [
      await put('std', 'done', { action: http }),
      await patch('std', 'done', { state: 'enabled' }),
    ])
      expect([res.status, codeOf(res.body)]).toEqual([409, 'ConflictError']);
    const deleted = await c.raw('DELETE', `${jobs('std')}/done?api-version=2014-04-01`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toBe('');
  });
});

describe('quotas on job writes (docs/classic-scheduler.md#c8): 409 ConflictError', () => {
  it('a job recurring more often than MaxRecurrence, even through a schedule', async () => {
    expect(
      (await put('hourly', 'ok', { action: http, recurrence: { frequency: 'hour', interval: 1 } })).status,
    ).toBe(201);
    const often = await put('hourly', 'often', {
      action: http,
      recurrence: { frequency: 'minute', interval: 30 },
    });
    expect([often.status, codeOf(often.body)]).toEqual([409, 'ConflictError']);
    const scheduled = await put('hourly', 'sched', {
      action: http,
      recurrence: { frequency: 'day', schedule: { hours: [5], minutes: [0, 30] } },
    });
    expect(scheduled.status).toBe(409);
    const invalidAndOften = await put('hourly', 'both', {
      action: http,
      recurrence: { frequency: 'minute', interval: 1001 },
    });
    expect(invalidAndOften.status).toBe(400);
  });

  it('outbound authentication on the Free plan', async () => {
    const res = await put('free', 'auth', {
      action: basicAuthHttp,
    });
    expect([res.status, codeOf(res.body)]).toEqual([409, 'ConflictError']);
  });
});

describe('collection state (docs/classic-scheduler.md#b3)', () => {
  it('stopping disables the enabled jobs; starting re-enables exactly those', async () => {
    await call((cb) => c.smc.jobCollections.create('cs-rules', 'stoppable', {}, cb));
    await put('stoppable', 'on', { action: http, recurrence: { frequency: 'hour' } });
    await put('stoppable', 'off', { action: http, recurrence: { frequency: 'hour' }, state: 'disabled' });
    const path = `/${c.svc.sub}/cloudservices/cs-rules/resources/scheduler/JobCollections/stoppable`;
    const setState = (state: string) =>
      c.raw('PUT', path, {
        body: `<Resource ${NS}><State>${state}</State></Resource>`,
        headers: { 'content-type': 'application/xml', 'if-match': '*' },
      });
    expect((await setState('Stopped')).status).toBe(202);
    const stopped = JSON.parse((await c.raw('GET', `${jobs('stoppable')}?api-version=2014-04-01`)).body);
    expect(stopped.map((j: any) => [j.id, j.state])).toEqual([
      ['off', 'disabled'],
      ['on', 'disabled'],
    ]);
    expect((await c.raw('GET', path)).body).toContain('<State>Stopped</State>');
    expect((await setState('Started')).status).toBe(202);
    const started = JSON.parse((await c.raw('GET', `${jobs('stoppable')}?api-version=2014-04-01`)).body);
    expect(started.map((j: any) => [j.id, j.state])).toEqual([
      ['off', 'disabled'],
      ['on', 'enabled'],
    ]);
    expect((await setState('Paused')).status).toBe(400);
  });

  it('a repeated stop disables again a job enabled by hand meanwhile (docs/decisions.md)', async () => {
    await call((cb) => c.smc.jobCollections.create('cs-rules', 'stopped-twice', {}, cb));
    const path = `/${c.svc.sub}/cloudservices/cs-rules/resources/scheduler/JobCollections/stopped-twice`;
    const stop = () =>
      c.raw('PUT', path, {
        body: `<Resource ${NS}><State>Stopped</State></Resource>`,
        headers: { 'content-type': 'application/xml', 'if-match': '*' },
      });
    const hourly = { action: http, recurrence: { frequency: 'hour' } };
    await put('stopped-twice', 'job', hourly);
    expect((await stop()).status).toBe(202);
    expect((await put('stopped-twice', 'job', { ...hourly, state: 'enabled' })).status).toBe(200);
    const stateOfJob = async () =>
      JSON.parse((await c.raw('GET', `${jobs('stopped-twice')}/job?api-version=2014-04-01`)).body).state;
    expect(await stateOfJob()).toBe('enabled');
    expect((await stop()).status).toBe(202);
    expect(await stateOfJob()).toBe('disabled');
  });

  it('a plan change to Free is refused while a job recurs more often than hourly', async () => {
    await call((cb) => c.smc.jobCollections.create('cs-rules', 'tofree', {}, cb));
    await put('tofree', 'fast', { action: http, recurrence: { frequency: 'minute', interval: 5 } });
    const res = await c.raw(
      'PUT',
      `/${c.svc.sub}/cloudservices/cs-rules/resources/scheduler/JobCollections/tofree`,
      {
        body: `<Resource ${NS}><ETag/><IntrinsicSettings><Plan>Free</Plan></IntrinsicSettings></Resource>`,
        headers: { 'content-type': 'application/xml' },
      },
    );
    expect([res.status, codeOf(res.body)]).toEqual([409, 'ConflictError']);
  });
});

describe('POST /jobs (docs/classic-scheduler.md#c6)', () => {
  it('ignores a body id: the job is a new lowercase GUID, answered 201 with no Location', async () => {
    const res = await c.raw('POST', `${jobs('std')}?api-version=2014-04-01`, {
      body: JSON.stringify({ id: 'mine', action: http }),
      headers: JSON_TYPE,
    });
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body).id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(res.headers.location).toBeUndefined();
    expect((await c.raw('GET', `${jobs('std')}/mine?api-version=2014-04-01`)).status).toBe(404);
  });
});

describe('list queries (docs/classic-scheduler.md#c7)', () => {
  it('$filter takes quoted values and + as a space; a bad $filter, $skip or $top is 400', async () => {
    await call((cb) => c.smc.jobCollections.create('cs-rules', 'listq', {}, cb));
    await put('listq', 'on', { action: http, recurrence: { frequency: 'hour' } });
    await put('listq', 'off', { action: http, recurrence: { frequency: 'hour' }, state: 'disabled' });
    const list = (query: string) => c.raw('GET', `${jobs('listq')}?api-version=2014-04-01&${query}`);
    for (const query of ["$filter=state%20eq%20'Disabled'", '$filter=STATE+eq+disabled']) {
      const res = await list(query);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).map((j: any) => j.id)).toEqual(['off']);
    }
    for (const query of [
      '$filter=status%20eq%20failed',
      '$filter=state%20eq%20paused',
      '$filter=state',
      '$skip=-1',
      '$top=0',
      '$top=101',
      '$top=x',
    ]) {
      const res = await list(query);
      expect([query, res.status, codeOf(res.body)]).toEqual([query, 400, 'BadRequest']);
    }
  });
});

describe('collection updates against the jobs it holds (docs/classic-scheduler.md#b3)', () => {
  it('MaxJobCount cannot fall below the job count (409); If-Match * is unconditional', async () => {
    await call((cb) => c.smc.jobCollections.create('cs-rules', 'shrink', {}, cb));
    await put('shrink', 'j1', { action: http });
    await put('shrink', 'j2', { action: http });
    const update = (max: number) =>
      c.raw('PUT', `/${c.svc.sub}/cloudservices/cs-rules/resources/scheduler/JobCollections/shrink`, {
        body: `<Resource ${NS}><IntrinsicSettings><Quota><MaxJobCount>${max}</MaxJobCount></Quota></IntrinsicSettings></Resource>`,
        headers: { 'content-type': 'application/xml', 'if-match': '*' },
      });
    const below = await update(1);
    expect([below.status, codeOf(below.body)]).toEqual([409, 'ConflictError']);
    expect((await update(2)).status).toBe(202);
  });
});

describe('management-plane inputs (docs/classic-scheduler.md#b2, #b3)', () => {
  const xml = { 'content-type': 'application/xml' };
  const csPath = (cs: string) => `/${c.svc.sub}/CloudServices/${cs}`;
  const jcPath = (jc: string) =>
    `/${c.svc.sub}/cloudservices/cs-rules/resources/scheduler/JobCollections/${jc}`;

  it('a cloud service: Label ≤ 100 and Description ≤ 1024 characters; the region in any case, stored as configured; Email never returned', async () => {
    const create = (cs: string, label: string, description: string, region: string, extra = '') =>
      c.raw('PUT', csPath(cs), {
        body: `<CloudService ${NS}><Label>${label}</Label><Description>${description}</Description><GeoRegion>${region}</GeoRegion>${extra}</CloudService>`,
        headers: xml,
      });
    for (const res of [
      await create('cs-long', 'x'.repeat(101), 'd', 'West US'),
      await create('cs-long', 'l', 'x'.repeat(1025), 'West US'),
    ])
      expect([res.status, codeOf(res.body)]).toEqual([400, 'BadRequest']);
    const ok = await create(
      'cs-edge',
      'x'.repeat(100),
      'x'.repeat(1024),
      'wEST us',
      '<Email>ops@example.org</Email>',
    );
    expect(ok.status).toBe(202);
    const got = (await c.raw('GET', csPath('cs-edge'))).body;
    expect(got).toContain('<GeoRegion>West US</GeoRegion>');
    expect(got).not.toContain('ops@example.org');
  });

  it('a collection: a base64 Label, Frequency Minute..Year, nothing finer than the plan; Plan in any case', async () => {
    const create = (jc: string, inner: string) =>
      c.raw('PUT', jcPath(jc), { body: `<Resource ${NS}>${inner}</Resource>`, headers: xml });
    const quota = (plan: string, frequency: string, interval = 1) =>
      `<IntrinsicSettings><Plan>${plan}</Plan><Quota><MaxRecurrence><Frequency>${frequency}</Frequency><Interval>${interval}</Interval></MaxRecurrence></Quota></IntrinsicSettings>`;
    for (const inner of [
      '<Label>not base64!</Label>',
      quota('Standard', 'Second'),
      quota('Standard', 'Minute', 0),
      quota('Free', 'Minute', 30),
      '<IntrinsicSettings><Plan>Gold</Plan></IntrinsicSettings>',
    ]) {
      const res = await create('jc-bad', inner);
      expect([inner, res.status, codeOf(res.body)]).toEqual([inner, 400, 'BadRequest']);
    }
    expect((await create('jc-prem', quota('premium', 'hour', 2))).status).toBe(202);
    const got = (await c.raw('GET', jcPath('jc-prem'))).body;
    expect(got).toContain('<Plan>Premium</Plan>');
    expect(got).toContain('<MaxRecurrence><Frequency>Hour</Frequency><Interval>2</Interval></MaxRecurrence>');
    expect(got).not.toContain('MaxJobOccurrence');
  });

  it('a change to Free is 409 with another Free collection, more than 5 jobs, outbound auth or a job finer than hourly; a missing collection is 404', async () => {
    const toFree = (jc: string) =>
      c.raw('PUT', jcPath(jc), {
        body: `<Resource ${NS}><ETag/><IntrinsicSettings><Plan>Free</Plan></IntrinsicSettings></Resource>`,
        headers: xml,
      });
    const hourly = { action: http, recurrence: { frequency: 'hour' } };
    await call((cb) => c.smc.jobCollections.create('cs-rules', 'six', {}, cb));
    for (let i = 0; i < 6; i++) await put('six', `j${i}`, hourly);
    await call((cb) => c.smc.jobCollections.create('cs-rules', 'authed', {}, cb));
    await put('authed', 'a', {
      ...hourly,
      action: basicAuthHttp,
    });
    const refusal = async (jc: string) => {
      const res = await toFree(jc);
      expect([jc, res.status, codeOf(res.body)]).toEqual([jc, 409, 'ConflictError']);
      return /<Message>([^<]*)<\/Message>/.exec(res.body)?.[1];
    };
    // Free's default MaxJobCount of 5 falls below the 6 jobs held.
    expect(await refusal('six')).toContain('MaxJobCount would fall below');
    // While 'free' holds the subscription's one Free slot, that rule answers before the jobs' own.
    expect(await refusal('authed')).toContain('1 free job collection');
    const setPlan = async (jc: string, plan: string) =>
      expect(
        (
          await c.raw('PUT', jcPath(jc), {
            body: `<Resource ${NS}><ETag/><IntrinsicSettings><Plan>${plan}</Plan></IntrinsicSettings></Resource>`,
            headers: xml,
          })
        ).status,
      ).toBe(202);
    await setPlan('free', 'Standard');
    try {
      expect(await refusal('authed')).toContain('outbound authentication');
      expect(await refusal('tofree')).toContain('recurs more often');
    } finally {
      await setPlan('free', 'Free');
    }
    const missing = await c.raw('DELETE', jcPath('never-made'));
    expect([missing.status, codeOf(missing.body)]).toEqual([404, 'ResourceNotFound']);
  });
});
