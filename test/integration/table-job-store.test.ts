import { retryOnConflict } from '../../shared/kernel/retry';
import { jobStoreContract, sampleJob } from '../support/job-store-contract';
import { newSubscription, testRuntime } from '../support/runtime';

const rt = testRuntime();
jobStoreContract('the Table Storage adapter', () => rt.jobs.store);

describe('the Table Storage adapter under concurrency', () => {
  const store = rt.jobs.store;

  it('lets exactly 20 of 50 concurrent creates in against a limit of 20 (docs/contract/import-export.md#d3)', async () => {
    const sub = newSubscription();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        retryOnConflict(() =>
          store.write({ kind: 'create', job: sampleJob(sub, `Job${i}`), activeJobLimit: 20 }),
        ),
      ),
    );
    const codes = results.flatMap((r) =>
      r.status === 'rejected' ? [(r.reason as { code?: string }).code] : [],
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(20);
    expect(codes).toEqual(Array(30).fill('ActiveJobQuotaExceeded'));
    expect(
      (await store.list({ subscriptionId: sub, storageAccountName: 'xttest', now: new Date(), limit: 1000 }))
        .jobs,
    ).toHaveLength(20);
  });

  it('keeps both of two concurrent updates of one job when each re-reads (docs/contract/import-export.md#d4)', async () => {
    const sub = newSubscription();
    await store.write({ kind: 'create', job: sampleJob(sub, 'Both'), activeJobLimit: 20 });
    const change = (field: 'FriendlyName' | 'Metadata') =>
      retryOnConflict(async () => {
        const current = (await store.get(sub, 'Both'))!;
        return store.write({
          kind: 'update',
          previous: current,
          job: { ...current.value, [field]: field },
          activeJobLimit: 20,
        });
      });
    await Promise.all([change('FriendlyName'), change('Metadata')]);
    const job = (await store.get(sub, 'Both'))!.value;
    expect([job.FriendlyName, job.Metadata]).toEqual(['FriendlyName', 'Metadata']);
  });
});
