import { classicPutCommand } from '../../shared/surfaces/classic-import-export/classic-job-input';
import type { Conditions } from '../../shared/kernel/conditions';
import { NO_CONDITIONS } from '../../shared/kernel/conditions';
import { getJob } from '../../shared/import-export/customer/get-job';
import type { JobDefinition } from '../../shared/surfaces/classic-import-export/classic-job-input';
import { DEFAULT_LOCATIONS, Locations } from '../../shared/import-export/model/locations';
import type { JobDeps } from '../../shared/import-export/model/ports';
import { putJob } from '../../shared/import-export/customer/put-job';
import { parseJsonBody } from '../../shared/edge/body';
import { PutJobBodySchema } from '../../shared/surfaces/classic-import-export/wire/put-job.schema';
import { MemoryJobStore } from '../support/memory-job-store';
import { TestClock } from '../support/runtime';
import { samplePutJob } from '../support/samples';

const SUB = 'afb1a4eb-bc88-4ce1-b1af-dfec80067464';
const DAY = 24 * 3600 * 1000;

function setup(limit = 20) {
  const clock = new TestClock(new Date('2026-01-01T00:00:00.000Z'));
  const deps: JobDeps = {
    store: new MemoryJobStore(),
    now: clock.now,
    locations: new Locations(DEFAULT_LOCATIONS),
    activeJobLimit: limit,
  };
  const put = (
    name: string,
    edit: (d: any) => void = () => undefined,
    conditions: Conditions = NO_CONDITIONS,
    account = 'xttest',
  ) => {
    const body: any = samplePutJob(name, account);
    edit(body);
    const definition: JobDefinition = parseJsonBody(Buffer.from(JSON.stringify(body)), PutJobBodySchema);
    return putJob(
      deps,
      classicPutCommand({
        subscriptionId: SUB,
        storageAccountName: account,
        jobName: name,
        version: '2014-11-01',
        definition,
        conditions,
      }),
    );
  };
  const get = (name: string) =>
    getJob(deps, { subscriptionId: SUB, jobName: name, conditions: NO_CONDITIONS });
  return { clock, deps, put, get };
}
const code = (c: string) => expect.objectContaining({ code: c });

describe('Put Job (docs/contract/import-export.md#a5)', () => {
  it('creates a job that Get Job then finds', async () => {
    const { put, get } = setup();
    const written = await put('MyJob');
    expect((await get('myjob')).etag).toBe(written.etag);
  });

  it('replaces a Creating job, keeping its first spelling, creation time and restarting its clock', async () => {
    const { put, get, clock } = setup();
    const first = await put('MyJob');
    clock.advance(DAY);
    await put('MYJOB', (d) => (d.Properties.Description = 'second'));
    const job = (await get('MyJob')).value;
    expect(job.Name).toBe('MyJob');
    expect(job.Description).toBe('second');
    expect(job.CreatedTime).toBe(first.value.CreatedTime);
    expect(job.ClockStart).toBe(clock.now().toISOString());
  });

  it('a replacement keeps the quota slot', async () => {
    const { put } = setup(1);
    await put('OnlyJob');
    await expect(put('OnlyJob')).resolves.toBeDefined();
    await expect(put('SecondJob')).rejects.toThrow(code('ActiveJobQuotaExceeded'));
  });

  it('refuses a name whose job is in any other state with JobAlreadyExists, whatever the conditions', async () => {
    const { put, deps } = setup();
    const first = await put('Shipped');
    await deps.store.write({
      kind: 'update',
      previous: first,
      job: { ...first.value, State: 'Shipping' },
      activeJobLimit: 20,
    });
    await expect(put('Shipped')).rejects.toThrow(code('JobAlreadyExists'));
    await expect(put('Shipped', undefined, { kind: 'ifMatch', etags: '*' })).rejects.toThrow(
      code('JobAlreadyExists'),
    );
  });

  it('refuses a name taken under another storage account', async () => {
    const { put } = setup();
    await put('Taken', undefined, NO_CONDITIONS, 'firstacct');
    await expect(put('Taken', undefined, NO_CONDITIONS, 'otheracct')).rejects.toThrow(
      code('JobAlreadyExists'),
    );
  });

  it('If-None-Match: * makes Put create-only, If-Match replace-only', async () => {
    const { put } = setup();
    await expect(put('Fresh', undefined, { kind: 'ifMatch', etags: '*' })).rejects.toThrow(
      code('ConditionNotMet'),
    );
    const created = await put('Fresh', undefined, { kind: 'ifNoneMatch', etags: '*' });
    await expect(put('Fresh', undefined, { kind: 'ifNoneMatch', etags: '*' })).rejects.toThrow(
      code('ConditionNotMet'),
    );
    await expect(put('Fresh', undefined, { kind: 'ifMatch', etags: [created.etag] })).resolves.toBeDefined();
    await expect(put('Fresh', undefined, { kind: 'ifMatch', etags: [created.etag] })).rejects.toThrow(
      code('ConditionNotMet'),
    );
  });

  it('validates the whole definition before touching the store', async () => {
    const { put, deps } = setup();
    await expect(put('Bad', (d) => (d.Properties.Location = 'Nowhere'))).rejects.toThrow(
      code('InvalidLocation'),
    );
    expect(await deps.store.get(SUB, 'Bad')).toBeUndefined();
  });

  it('treats a Creating job past its 14 days as gone for Get, and lets Put take the name over', async () => {
    const { put, get, clock } = setup();
    await put('Stale');
    clock.advance(14 * DAY);
    await expect(get('Stale')).rejects.toThrow(code('ResourceNotFound'));
    await expect(put('Stale', undefined, { kind: 'ifNoneMatch', etags: '*' })).resolves.toBeDefined();
    await expect(get('Stale')).resolves.toBeDefined();
  });
});

describe('Get Job (docs/contract/import-export.md#a6)', () => {
  it('is 404 for a job of another storage account named in the path', async () => {
    const { put, deps } = setup();
    await put('Mine');
    await expect(
      getJob(deps, {
        subscriptionId: SUB,
        jobName: 'Mine',
        storageAccountName: 'otheracct',
        conditions: NO_CONDITIONS,
      }),
    ).rejects.toThrow(code('ResourceNotFound'));
  });

  it('answers 412 (never 304) for an unmet condition', async () => {
    const { put, deps } = setup();
    const w = await put('Cond');
    await expect(
      getJob(deps, {
        subscriptionId: SUB,
        jobName: 'Cond',
        conditions: { kind: 'ifNoneMatch', etags: [w.etag] },
      }),
    ).rejects.toThrow(code('ConditionNotMet'));
    await expect(
      getJob(deps, {
        subscriptionId: SUB,
        jobName: 'Cond',
        conditions: { kind: 'ifMatch', etags: [w.etag] },
      }),
    ).resolves.toBeDefined();
  });
});
