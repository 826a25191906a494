import { defineJob } from '../../shared/domain/job-definition';
import { DEFAULT_LOCATIONS, Locations } from '../../shared/domain/locations';
import type { Job } from '../../shared/domain/model';
import { ConcurrencyConflict } from '../../shared/domain/errors';
import { retryOnConflict } from '../../shared/domain/retry';
import { newSubscription, testRuntime } from '../support/runtime';
import { samplePutJob } from '../support/samples';

const locations = new Locations(DEFAULT_LOCATIONS);
const rt = testRuntime();
const store = rt.jobs.store;

function job(sub: string, name: string, account = 'xttest'): Job {
  const def = samplePutJob(name, account) as any;
  return defineJob(
    def,
    { subscriptionId: sub, storageAccountName: account, jobName: name },
    '2014-11-01',
    locations,
    new Date(),
  );
}

describe('TableJobStore on Azurite', () => {
  it('creates, reads back, updates and deletes a job with ETags in the classic form', async () => {
    const sub = newSubscription();
    const created = await store.write({ kind: 'create', job: job(sub, 'Alpha'), activeJobLimit: 20 });
    expect(created!.etag).toMatch(/^W\/"datetime'/);
    const read = await store.get(sub, 'ALPHA');
    expect(read!.value).toEqual(created!.value);
    expect(read!.etag).toBe(created!.etag);
    const updated = await store.write({
      kind: 'update',
      previous: read!,
      job: { ...read!.value, FriendlyName: 'x' },
      activeJobLimit: 20,
    });
    expect(updated!.etag).not.toBe(read!.etag);
    await expect(
      store.write({ kind: 'update', previous: read!, job: read!.value, activeJobLimit: 20 }),
    ).rejects.toBeInstanceOf(ConcurrencyConflict);
    await store.write({ kind: 'delete', previous: updated! });
    expect(await store.get(sub, 'alpha')).toBeUndefined();
    expect(await store.storageAccounts(sub)).toEqual([]);
  });

  it('refuses a create over an existing name', async () => {
    const sub = newSubscription();
    await store.write({ kind: 'create', job: job(sub, 'Beta'), activeJobLimit: 20 });
    await expect(
      store.write({ kind: 'create', job: job(sub, 'BETA'), activeJobLimit: 20 }),
    ).rejects.toBeInstanceOf(ConcurrencyConflict);
  });

  it('a stale delete changes nothing', async () => {
    const sub = newSubscription();
    const first = await store.write({ kind: 'create', job: job(sub, 'Gamma'), activeJobLimit: 20 });
    await store.write({
      kind: 'update',
      previous: first!,
      job: { ...first!.value, Description: 'changed' },
      activeJobLimit: 20,
    });
    await expect(store.write({ kind: 'delete', previous: first! })).rejects.toBeInstanceOf(
      ConcurrencyConflict,
    );
    expect((await store.get(sub, 'Gamma'))!.value.Description).toBe('changed');
  });

  it('50 concurrent creates against a limit of 20 leave exactly 20 jobs', async () => {
    const sub = newSubscription();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        retryOnConflict(() => store.write({ kind: 'create', job: job(sub, `Job${i}`), activeJobLimit: 20 })),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const codes = results.flatMap((r) =>
      r.status === 'rejected' ? [(r.reason as { code?: string }).code] : [],
    );
    expect(ok).toBe(20);
    expect(codes).toEqual(Array(30).fill('ActiveJobQuotaExceeded'));
    const page = await store.list({
      subscriptionId: sub,
      storageAccountName: 'xttest',
      now: new Date(),
      limit: 1000,
    });
    expect(page.jobs).toHaveLength(20);
  });
});
