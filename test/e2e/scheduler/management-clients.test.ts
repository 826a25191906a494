import {
  call,
  failure,
  registration,
  startSchedulerClients,
  type SchedulerClients,
} from '../../support/scheduler-clients';

let c: SchedulerClients;
beforeAll(async () => {
  c = await startSchedulerClients();
});
afterAll(() => c.svc.stop());

const cloudService = { label: 'cs-westus-scheduler', description: 'd', geoRegion: 'West US', email: 'a@b.c' };

describe('azure-asm-scheduler: resource provider', () => {
  it('registers once (200), refuses a second registration (409 ConflictError), unregisters', async () => {
    const first = await registration(c.smc, 'register');
    expect(first.statusCode).toBe(200);
    expect(first.requestId).toMatch(/^[0-9a-f]{32}$/);
    const again = await registration(c.smc, 'register').catch((e) => e);
    expect(again.statusCode).toBe(409);
    expect(again.code).toBe('ConflictError');
    expect((await registration(c.smc, 'unregister')).statusCode).toBe(200);
    expect((await registration(c.smc, 'unregister').catch((e) => e)).statusCode).toBe(409);
  });

  it('reads the provider properties: regions and each plan as data', async () => {
    const result = await call((cb) => c.smc.getResourceProviderProperties(cb));
    expect(result.statusCode).toBe(200);
    expect(result.properties.SupportedGeoRegions).toContain('West US');
    expect(result.properties['PlanDetail:Free:Quota:MaxJobCount']).toBe('5');
    expect(result.properties['PlanDetail:Free:Quota:MinRecurrence']).toBe('01:00:00');
    expect(result.properties['PlanDetail:Standard:Quota:MaxJobCount']).toBe('50');
    expect(result.properties['PlanDetail:Premium:Quota:MinRecurrence']).toBe('00:01:00');
  });
});

describe('azure-asm-scheduler: cloud services', () => {
  it('creates (202, then Succeeded), gets, lists and deletes a cloud service', async () => {
    const created = await call((cb) => c.csm.cloudServices.create('cs-one', cloudService, cb));
    expect(created.status).toBe('Succeeded');
    expect(created.httpStatusCode).toBe('200');
    const got = await call((cb) => c.csm.cloudServices.get('cs-one', cb));
    expect(got.geoLocation).toBe('West US');
    expect(got.resources).toEqual([]);
    const list = await call((cb) => c.csm.cloudServices.list(cb));
    expect(list.cloudServices).toEqual([
      expect.objectContaining({
        name: 'cs-one',
        label: 'cs-westus-scheduler',
        description: 'd',
        geoRegion: 'West US',
      }),
    ]);
    const deleted = await call((cb) => c.csm.cloudServices.delete('cs-one', cb));
    expect(deleted.status).toBe('Succeeded');
    const gone = await failure((cb) => c.csm.cloudServices.get('cs-one', cb));
    expect(gone.statusCode).toBe(404);
    expect(gone.code).toBe('ResourceNotFound');
  });

  it('refuses a duplicate (409), an unknown region (400) and deleting an unknown service (404)', async () => {
    await call((cb) => c.csm.cloudServices.create('cs-dup', cloudService, cb));
    const dup = await failure((cb) => c.csm.cloudServices.create('cs-dup', cloudService, cb));
    expect([dup.statusCode, dup.code]).toEqual([409, 'ConflictError']);
    const region = await failure((cb) =>
      c.csm.cloudServices.create('cs-region', { ...cloudService, geoRegion: 'Mars' }, cb),
    );
    expect([region.statusCode, region.code]).toEqual([400, 'BadRequest']);
    const unknown = await failure((cb) => c.csm.cloudServices.delete('cs-none', cb));
    expect(unknown.statusCode).toBe(404);
  });

  it('entitles a resource (202) and reads the operation status as Succeeded', async () => {
    const result = await call((cb) =>
      c.csm.entitleResource(
        { resourceNamespace: 'scheduler', resourceType: 'JobCollections', registrationDate: new Date() },
        cb,
      ),
    );
    expect(result.statusCode).toBe(202);
    const op = await call((cb) => c.csm.getOperationStatus(result.requestId, cb));
    expect(op.status).toBe('Succeeded');
    expect(op.httpStatusCode).toBe('200');
  });
});

describe('azure-asm-scheduler: job collections', () => {
  beforeAll(async () => {
    await call((cb) => c.csm.cloudServices.create('cs-jc', cloudService, cb));
  });

  it('creates a collection (ETag), gets it, and shows it in its cloud service', async () => {
    const created = await call((cb) =>
      c.smc.jobCollections.create(
        'cs-jc',
        'jc1',
        {
          label: 'label',
          intrinsicSettings: {
            plan: 'Standard',
            quota: {
              maxJobCount: 50,
              maxJobOccurrence: 100,
              maxRecurrence: { frequency: 'Minute', interval: 1 },
            },
          },
        },
        cb,
      ),
    );
    expect(created.status).toBe('Succeeded');
    expect(created.eTag).toMatch(/^[0-9a-f-]{36}$/);
    const got = await call((cb) => c.smc.jobCollections.get('cs-jc', 'jc1', cb));
    expect(got).toMatchObject({
      name: 'jc1',
      eTag: created.eTag,
      state: 'Started',
      label: 'label',
      intrinsicSettings: {
        plan: 'Standard',
        quota: {
          maxJobCount: 50,
          maxJobOccurrence: 100,
          maxRecurrence: { frequency: 'Minute', interval: 1 },
        },
      },
      lastOperationStatus: { status: 'Succeeded' },
    });
    const service = await call((cb) => c.csm.cloudServices.get('cs-jc', cb));
    expect(service.resources).toEqual([
      expect.objectContaining({
        name: 'jc1',
        type: 'JobCollections',
        resourceProviderNamespace: 'scheduler',
        state: 'Started',
        plan: 'Standard',
      }),
    ]);
  });

  it('a bare create takes the Standard plan maximum and the plan minimum recurrence', async () => {
    await call((cb) => c.smc.jobCollections.create('cs-jc', 'bare', {}, cb));
    const got = await call((cb) => c.smc.jobCollections.get('cs-jc', 'bare', cb));
    expect(got.intrinsicSettings).toEqual({
      plan: 'Standard',
      quota: { maxJobCount: 50, maxRecurrence: { frequency: 'Minute', interval: 1 } },
    });
    expect(got.label).toBe('bare');
  });

  it('checks name availability: taken, free and invalid', async () => {
    const taken = await call((cb) => c.smc.jobCollections.checkNameAvailability('cs-jc', 'jc1', cb));
    expect(taken.isAvailable).toBe(false);
    const free = await call((cb) => c.smc.jobCollections.checkNameAvailability('cs-jc', 'jc-free', cb));
    expect(free.isAvailable).toBe(true);
    const bad = await call((cb) => c.smc.jobCollections.checkNameAvailability('cs-jc', '-bad', cb));
    expect(bad.isAvailable).toBe(false);
  });

  it('updates with the current ETag (new ETag), and refuses a stale one with 412', async () => {
    const before = await call((cb) => c.smc.jobCollections.get('cs-jc', 'jc1', cb));
    const updated = await call((cb) =>
      c.smc.jobCollections.update(
        'cs-jc',
        'jc1',
        {
          eTag: before.eTag,
          label: 'renamed',
          intrinsicSettings: { plan: 'Standard', quota: { maxJobCount: 20 } },
        },
        cb,
      ),
    );
    expect(updated.status).toBe('Succeeded');
    expect(updated.eTag).not.toBe(before.eTag);
    const after = await call((cb) => c.smc.jobCollections.get('cs-jc', 'jc1', cb));
    expect(after.label).toBe('renamed');
    expect(after.eTag).toBe(updated.eTag);
    expect(after.intrinsicSettings.quota.maxJobCount).toBe(20);
    const stale = await failure((cb) =>
      c.smc.jobCollections.update('cs-jc', 'jc1', { eTag: before.eTag, label: 'x' }, cb),
    );
    expect([stale.statusCode, stale.code]).toEqual([412, 'PreconditionFailed']);
  });

  it('refuses a duplicate name (409), a second Free collection (409), a quota above the plan (400), an unknown cloud service (404)', async () => {
    const dup = await failure((cb) => c.smc.jobCollections.create('cs-jc', 'JC1', {}, cb));
    expect([dup.statusCode, dup.code]).toEqual([409, 'ConflictError']);
    await call((cb) =>
      c.smc.jobCollections.create('cs-jc', 'free1', { intrinsicSettings: { plan: 'Free' } }, cb),
    );
    const free2 = await failure((cb) =>
      c.smc.jobCollections.create('cs-jc', 'free2', { intrinsicSettings: { plan: 'Free' } }, cb),
    );
    expect([free2.statusCode, free2.code]).toEqual([409, 'ConflictError']);
    expect(free2.message).toContain('1 free job collection');
    const over = await failure((cb) =>
      c.smc.jobCollections.create(
        'cs-jc',
        'over',
        { intrinsicSettings: { plan: 'Free', quota: { maxJobCount: 6 } } },
        cb,
      ),
    );
    expect([over.statusCode, over.code]).toEqual([400, 'BadRequest']);
    const noService = await failure((cb) => c.smc.jobCollections.create('cs-none', 'jcx', {}, cb));
    expect(noService.statusCode).toBe(404);
  });

  it('a cloud service holding collections cannot be deleted (409); deleting its collections frees it', async () => {
    await call((cb) => c.csm.cloudServices.create('cs-del', cloudService, cb));
    await call((cb) => c.smc.jobCollections.create('cs-del', 'jcd', {}, cb));
    const busy = await failure((cb) => c.csm.cloudServices.delete('cs-del', cb));
    expect(busy.statusCode).toBe(409);
    const deleted = await call((cb) => c.smc.jobCollections.deleteMethod('cs-del', 'jcd', cb));
    expect(deleted.status).toBe('Succeeded');
    const gone = await failure((cb) => c.smc.jobCollections.get('cs-del', 'jcd', cb));
    expect(gone.statusCode).toBe(404);
    expect((await call((cb) => c.csm.cloudServices.delete('cs-del', cb))).status).toBe('Succeeded');
  });
});
