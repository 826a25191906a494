import { samplePutJob } from '../support/samples';
import { TestClock } from '../support/runtime';
import { moveAlong } from '../support/timed-jobs';
import { extendedCode, startService, type TestService } from '../support/service';

/**
 * POST /operator/sweep (docs/contract/import-export.md#b) and Get Job around the deletion time (docs/contract/import-export.md#c2), over real HTTP
 * through the local host, with the service's clock injected. One active job per subscription
 * makes the freed quota slot visible.
 */
const DAY = 24 * 3600 * 1000;
const clock = new TestClock(new Date());
let svc: TestService;
beforeAll(async () => {
  svc = await startService({ ACTIVE_JOB_LIMIT: '1' }, { now: clock.now });
});
afterAll(() => svc.stop());

const job = (name: string) => `/storageaccounts/xttest/jobs/${name}`;
const put = (name: string) => svc.call('PUT', job(name), { body: samplePutJob(name) });
const sweepAt = (body?: unknown, headers?: Record<string, string>) =>
  svc.operator('POST', '/sweep', body, headers);
const zeros = {
  CreatingDeleted: 0,
  ShippingOverdue: 0,
  ShippingClosed: 0,
  FinishedDeleted: 0,
  StaleEntries: 0,
  Skipped: 0,
  Failed: 0,
  Scheduler: { JobsDeleted: 0, HistoryEntriesDeleted: 0, OperationsDeleted: 0 },
};

describe('POST /operator/sweep', () => {
  it('without a body sweeps as of the service clock and answers counts per rule', async () => {
    const res = await sweepAt();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ Now: clock.now().toISOString(), ...zeros });
  });

  it('a Now in the past is 400 InvalidRequestBody and sweeps nothing', async () => {
    expect((await put('Past')).status).toBe(201);
    const past = new Date(clock.now().getTime() - 3600_000).toISOString();
    const res = await sweepAt({ Now: past });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body['odata.error']['azure.values']).toEqual([
      { ExtendedCode: 'InvalidRequestBody' },
      { ExtendedInformation: 'Now' },
    ]);
    expect((await svc.call('GET', job('Past'))).status).toBe(200);
  });

  it('a Now less than a minute behind (clock skew) sweeps as of the service clock', async () => {
    const res = await sweepAt({ Now: new Date(clock.now().getTime() - 30_000).toISOString() });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ Now: clock.now().toISOString() });
  });

  it.each([['tomorrow'], ['2030-01-01'], ['2030-01-01T00:00:00'], [42]])(
    'a Now of %p is 400 InvalidRequestBody',
    async (now) => {
      const res = await sweepAt({ Now: now });
      expect(res.status).toBe(400);
      expect(await extendedCode(res)).toBe('InvalidRequestBody');
    },
  );

  it('an unknown property, a wrong verb or a missing operator key are refused', async () => {
    expect(await extendedCode(await sweepAt({ Later: true }))).toBe('InvalidRequestBody');
    expect((await svc.operator('GET', '/sweep')).status).toBe(405);
    const noKey = await fetch(`${svc.url}/operator/sweep`, { method: 'POST' });
    expect([noKey.status, await extendedCode(noKey)]).toEqual([403, 'AuthenticationFailed']);
  });

  it('a Now 14 days ahead deletes the Creating job, frees its quota slot and says so', async () => {
    expect(await extendedCode(await put('Blocked'))).toBe('ActiveJobQuotaExceeded');
    const now = new Date(clock.now().getTime() + 14 * DAY + 1000).toISOString();
    const res = await sweepAt({ Now: now });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ Now: now, ...zeros, CreatingDeleted: 1 });
    expect(await extendedCode(await svc.call('GET', job('Past')))).toBe('ResourceNotFound');
    const again = await sweepAt({ Now: now });
    expect(await again.json()).toEqual({ Now: now, ...zeros });
    expect((await put('Blocked')).status).toBe(201);
  });
});

describe('Get Job around the deletion time, with no sweep in between', () => {
  it('answers 200 one millisecond before 14 days, 404 ResourceNotFound from then on', async () => {
    clock.advance(30 * DAY);
    expect(await (await sweepAt()).json()).toMatchObject({ CreatingDeleted: 1 }); // frees the slot
    expect((await put('Ticking')).status).toBe(201);
    clock.advance(14 * DAY - 1);
    expect((await svc.call('GET', job('Ticking'))).status).toBe(200);
    expect((await svc.call('GET', '/jobs/Ticking')).status).toBe(200);
    clock.advance(1);
    expect(await extendedCode(await svc.call('GET', job('Ticking')))).toBe('ResourceNotFound');
    expect(await extendedCode(await svc.call('GET', '/jobs/Ticking'))).toBe('ResourceNotFound');
  });
});

describe('an overdue shipment, as the customer sees it', () => {
  it('Get Job shows the drives NeverReceived, and nothing of the operator alert', async () => {
    await sweepAt(); // frees the slot the previous test's expired job still holds
    expect((await put('Shipped')).status).toBe(201);
    await moveAlong(svc.rt.jobs, svc.sub, 'Shipped', ['Shipping'], clock.now());
    const now = new Date(clock.now().getTime() + 14 * DAY).toISOString();
    expect(await (await sweepAt({ Now: now })).json()).toEqual({ Now: now, ...zeros, ShippingOverdue: 1 });
    const body = (await (await svc.call('GET', job('Shipped'))).json()) as any;
    expect(body.Properties.State).toBe('Shipping');
    expect(body.DriveList.map((d: { State: string }) => d.State)).toEqual(['NeverReceived', 'NeverReceived']);
    expect(JSON.stringify(body)).not.toMatch(/Alert|Overdue/);
  });
});
