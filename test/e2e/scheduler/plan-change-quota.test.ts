import { call, startSchedulerClients, type SchedulerClients } from '../../support/scheduler-clients';

/**
 * docs/classic-scheduler.md#b3: on a plan change, quota values the update leaves out keep the
 * collection's own, clamped to the new plan's limits; read back through azure-asm-scheduler.
 */
let c: SchedulerClients;
const NS = 'xmlns="http://schemas.microsoft.com/windowsazure"';

beforeAll(async () => {
  c = await startSchedulerClients();
  await call((cb) =>
    c.csm.cloudServices.create('cs-plans', { label: 'l', description: 'd', geoRegion: 'West US' }, cb),
  );
});
afterAll(() => c.svc.stop());

const quotaOf = async (jc: string) =>
  (await call((cb) => c.smc.jobCollections.get('cs-plans', jc, cb))).intrinsicSettings;

async function update(jc: string, settings: string): Promise<number> {
  const res = await c.raw(
    'PUT',
    `/${c.svc.sub}/cloudservices/cs-plans/resources/scheduler/JobCollections/${jc}`,
    {
      body: `<Resource ${NS}><IntrinsicSettings>${settings}</IntrinsicSettings></Resource>`,
      headers: { 'content-type': 'application/xml', 'if-match': '*' },
    },
  );
  return res.status;
}

it('keeps the quota left out across a plan change, clamped to the new plan', async () => {
  await call((cb) =>
    c.smc.jobCollections.create(
      'cs-plans',
      'jc1',
      {
        intrinsicSettings: {
          plan: 'Standard',
          quota: { maxJobCount: 3, maxRecurrence: { frequency: 'Minute', interval: 5 } },
        },
      },
      cb,
    ),
  );
  expect(await update('jc1', '<Plan>Premium</Plan>')).toBe(202);
  expect(await quotaOf('jc1')).toMatchObject({
    plan: 'Premium',
    quota: { maxJobCount: 3, maxRecurrence: { frequency: 'Minute', interval: 5 } },
  });
  // Free allows nothing finer than hourly: the recurrence is clamped, the job count kept.
  expect(await update('jc1', '<Plan>Free</Plan>')).toBe(202);
  expect(await quotaOf('jc1')).toMatchObject({
    plan: 'Free',
    quota: { maxJobCount: 3, maxRecurrence: { frequency: 'Hour', interval: 1 } },
  });
});
