import { createRuntime } from '../../../shared/app/runtime';
import type { SchedulerDeps } from '../../../shared/scheduler/deps';
import { unreachableTableStorage } from '../../support/service';
import {
  errorOf,
  startSchedulerClients,
  withCollection,
  type SchedulerClients,
} from '../../support/scheduler-clients';

/**
 * docs/classic-scheduler.md#a5: the Scheduler's own tables out of reach is 503 ServerBusy with
 * Retry-After, in the XML `<Error>` shape, on every kind of operation; nothing changes, and the
 * same instance answers again once the store is back.
 */
let c: SchedulerClients;
let dead: SchedulerDeps;
let JC: string;
const JSON_TYPE = { 'content-type': 'application/json' };
const jobBody = JSON.stringify({
  action: { type: 'http', request: { uri: 'http://127.0.0.1:9/', method: 'GET' } },
});

beforeAll(async () => {
  c = await startSchedulerClients();
  JC = await withCollection(c, 'cs-busy');
  const put = await c.raw('PUT', `${JC}/jobs/survivor?api-version=2014-04-01`, {
    body: jobBody,
    headers: JSON_TYPE,
  });
  expect(put.status).toBe(201);
  const connectionString = await unreachableTableStorage();
  dead = createRuntime({
    ...c.svc.rt.config,
    storage: { kind: 'connectionString', connectionString },
  }).scheduler;
});
afterAll(() => c.svc.stop());

describe('with the Scheduler store unreachable', () => {
  it('management and job operations answer 503 ServerBusy with Retry-After, change nothing, then work again', async () => {
    const live = c.svc.rt.scheduler;
    const ports = ['jobs', 'history', 'collections', 'services', 'registrations', 'operations'] as const;
    const saved = Object.fromEntries(ports.map((p) => [p, live[p]]));
    for (const p of ports) Object.assign(live, { [p]: dead[p] });
    try {
      for (const [method, path, body] of [
        ['GET', `/${c.svc.sub}/CloudServices`, undefined],
        ['GET', `/${c.svc.sub}/CloudServices/cs-busy`, undefined],
        ['GET', `${JC}`, undefined],
        ['GET', `${JC}/jobs?api-version=2014-04-01`, undefined],
        ['GET', `${JC}/jobs/survivor?api-version=2014-04-01`, undefined],
        ['GET', `${JC}/jobs/survivor/history?api-version=2014-04-01`, undefined],
        ['PATCH', `${JC}/jobs/survivor?api-version=2014-04-01`, '{"state":"disabled"}'],
        ['DELETE', `${JC}/jobs/survivor?api-version=2014-04-01`, undefined],
      ] as const) {
        const res = await c.raw(method, path, body ? { body, headers: JSON_TYPE } : {});
        expect([method, path, res.status]).toEqual([method, path, 503]);
        expect(res.headers['retry-after']).toMatch(/^\d+$/);
        expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
        expect(errorOf(res.body)).toEqual({
          code: 'ServerBusy',
          message:
            'The server (or an internal component) is currently unavailable to receive requests. Please retry your request.',
        });
      }
    } finally {
      Object.assign(live, saved);
    }
    const job = await c.raw('GET', `${JC}/jobs/survivor?api-version=2014-04-01`);
    expect(job.status).toBe(200);
    expect(JSON.parse(job.body)).toMatchObject({ id: 'survivor', state: 'enabled' });
  });
});
