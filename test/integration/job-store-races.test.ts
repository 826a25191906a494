import type { Job } from '../../shared/import-export/model/model';
import { newSubscription, testRuntime } from '../support/runtime';
import { makeJob } from '../support/jobs';

/**
 * Races and failures around one job store's in-process state (table-job-store.ts, active-slots.ts):
 * what this process believes after a write must never cost a write the quota allows
 * (docs/contract/import-export.md#d3).
 */
const rt = testRuntime();
const store = rt.jobs.store;
beforeAll(() => rt.tables.ensure());

const shipped = (job: Job, TrackingNumber: string): Job => ({
  ...job,
  DeliveryPackage: { CarrierName: 'FedEx', TrackingNumber },
});

it('gives back the slot a create took when the create is refused for a tracking number in use', async () => {
  const sub = newSubscription();
  const limit = 2;
  await store.write({
    kind: 'create',
    job: shipped(makeJob(rt, sub, 'Holder'), 'AAA'),
    activeJobLimit: limit,
  });
  for (let i = 0; i < 3; i++) {
    await expect(
      store.write({
        kind: 'create',
        job: shipped(makeJob(rt, sub, `Dup${i}`), 'AAA'),
        activeJobLimit: limit,
      }),
    ).rejects.toMatchObject({ code: 'InvalidJobState' });
  }
  // One active job of two: a second one fits.
  await expect(
    store.write({ kind: 'create', job: makeJob(rt, sub, 'Second'), activeJobLimit: limit }),
  ).resolves.toBeDefined();
});
