import { defineClassicJob } from './classic-jobs';
import { ConcurrencyConflict } from '../../shared/kernel/errors';
import { ImportExportError } from '../../shared/import-export/model/errors';
import { DEFAULT_LOCATIONS, Locations } from '../../shared/import-export/model/locations';
import type { Job } from '../../shared/import-export/model/model';
import type { JobStore } from '../../shared/import-export/model/ports';
import { newSubscription } from './runtime';
import { samplePutJob } from './samples';

const locations = new Locations(DEFAULT_LOCATIONS);

export function sampleJob(sub: string, name: string, account = 'xttest', now = new Date()): Job {
  const def = samplePutJob(name, account) as unknown as Parameters<typeof defineClassicJob>[0];
  return defineClassicJob(
    def,
    { subscriptionId: sub, storageAccountName: account, jobName: name },
    '2014-11-01',
    locations,
    now,
  );
}

/**
 * What every JobStore promises (shared/import-export/model/ports.ts), run against the in-memory double
 * (unit) and the Table Storage adapter (integration) alike.
 */
export function jobStoreContract(name: string, makeStore: () => JobStore): void {
  describe(`${name} honours the JobStore contract`, () => {
    let store: JobStore;
    let sub: string;
    beforeEach(() => {
      store = makeStore();
      sub = newSubscription();
    });

    it('reads back what it created, case-insensitively on the name, with a version', async () => {
      const created = await store.write({ kind: 'create', job: sampleJob(sub, 'Alpha'), activeJobLimit: 20 });
      const read = await store.get(sub, 'ALPHA');
      expect(read?.value).toEqual(created?.value);
      expect(read?.etag).toBe(created?.etag);
      expect(read?.lastModified).toBeInstanceOf(Date);
    });

    it('answers undefined for a job that does not exist', async () => {
      expect(await store.get(sub, 'Nothing')).toBeUndefined();
    });

    it('refuses a create over a taken name with ConcurrencyConflict', async () => {
      await store.write({ kind: 'create', job: sampleJob(sub, 'Beta'), activeJobLimit: 20 });
      await expect(
        store.write({ kind: 'create', job: sampleJob(sub, 'beta'), activeJobLimit: 20 }),
      ).rejects.toBeInstanceOf(ConcurrencyConflict);
    });

    it('updates only from the current version', async () => {
      const first = (await store.write({
        kind: 'create',
        job: sampleJob(sub, 'Gamma'),
        activeJobLimit: 20,
      }))!;
      const second = (await store.write({
        kind: 'update',
        previous: first,
        job: { ...first.value, Description: 'new' },
        activeJobLimit: 20,
      }))!;
      expect(second.etag).not.toBe(first.etag);
      await expect(
        store.write({ kind: 'update', previous: first, job: first.value, activeJobLimit: 20 }),
      ).rejects.toBeInstanceOf(ConcurrencyConflict);
      expect((await store.get(sub, 'Gamma'))?.value.Description).toBe('new');
    });

    it('deletes only from the current version, and then the job is gone', async () => {
      const first = (await store.write({
        kind: 'create',
        job: sampleJob(sub, 'Delta'),
        activeJobLimit: 20,
      }))!;
      const second = (await store.write({
        kind: 'update',
        previous: first,
        job: { ...first.value, Metadata: 'm' },
        activeJobLimit: 20,
      }))!;
      await expect(store.write({ kind: 'delete', previous: first })).rejects.toBeInstanceOf(
        ConcurrencyConflict,
      );
      await store.write({ kind: 'delete', previous: second });
      expect(await store.get(sub, 'Delta')).toBeUndefined();
      await store.write({ kind: 'create', job: sampleJob(sub, 'Delta'), activeJobLimit: 20 });
      expect(await store.get(sub, 'delta')).toBeDefined();
    });

    it('refuses a new active job beyond the limit, and counts a finished one out', async () => {
      const a = (await store.write({ kind: 'create', job: sampleJob(sub, 'A1'), activeJobLimit: 2 }))!;
      await store.write({ kind: 'create', job: sampleJob(sub, 'A2'), activeJobLimit: 2 });
      const refused = store.write({ kind: 'create', job: sampleJob(sub, 'A3'), activeJobLimit: 2 });
      await expect(refused).rejects.toMatchObject({ code: 'ActiveJobQuotaExceeded' });
      await expect(refused).rejects.toBeInstanceOf(ImportExportError);
      await store.write({
        kind: 'update',
        previous: a,
        job: { ...a.value, State: 'Completed' },
        activeJobLimit: 2,
      });
      await expect(
        store.write({ kind: 'create', job: sampleJob(sub, 'A3'), activeJobLimit: 2 }),
      ).resolves.toBeDefined();
    });

    it('lists an account in creation order, filtered, in pages that resume after a cursor', async () => {
      const t0 = Date.parse('2030-01-01T00:00:00.000Z');
      for (let i = 0; i < 5; i++) {
        const job = sampleJob(sub, `L${i}`, i === 4 ? 'otheracct' : 'xttest', new Date(t0 + i * 1000));
        await store.write({
          kind: 'create',
          job: i === 3 ? { ...job, Type: 'Export', DriveList: [] } : job,
          activeJobLimit: 20,
        });
      }
      const q = { subscriptionId: sub, storageAccountName: 'xttest', now: new Date(t0) };
      const first = await store.list({ ...q, limit: 2 });
      expect(first.jobs.map((j) => j.value.Name)).toEqual(['L0', 'L1']);
      expect(first.cursor).toBeDefined();
      const rest = await store.list({ ...q, limit: 10, after: first.cursor! });
      expect(rest.jobs.map((j) => j.value.Name)).toEqual(['L2', 'L3']);
      expect(rest.cursor).toBeUndefined();
      expect((await store.list({ ...q, limit: 10, type: 'Export' })).jobs.map((j) => j.value.Name)).toEqual([
        'L3',
      ]);
      const window = await store.list({
        ...q,
        limit: 10,
        from: new Date(t0 + 1000),
        to: new Date(t0 + 2000),
      });
      expect(window.jobs.map((j) => j.value.Name)).toEqual(['L1', 'L2']);
      expect((await store.list({ ...q, limit: 10, states: ['Shipping'] })).jobs).toEqual([]);
      expect(rest.jobs[0]!.value).not.toHaveProperty('DriveList');
      expect(rest.jobs[0]!.value).not.toHaveProperty('Credential');
    });

    it('leaves out of lists the jobs past their deletion time', async () => {
      const created = new Date('2030-01-01T00:00:00.000Z');
      await store.write({
        kind: 'create',
        job: sampleJob(sub, 'Old', 'xttest', created),
        activeJobLimit: 20,
      });
      const q = { subscriptionId: sub, storageAccountName: 'xttest', limit: 10 };
      expect((await store.list({ ...q, now: new Date('2030-01-14T23:59:59.999Z') })).jobs).toHaveLength(1);
      expect((await store.list({ ...q, now: new Date('2030-01-15T00:00:00.000Z') })).jobs).toHaveLength(0);
    });

    it('names the storage accounts that have jobs', async () => {
      await store.write({ kind: 'create', job: sampleJob(sub, 'S1', 'bbbaccount'), activeJobLimit: 20 });
      const s2 = (await store.write({
        kind: 'create',
        job: sampleJob(sub, 'S2', 'aaaaccount'),
        activeJobLimit: 20,
      }))!;
      expect(await store.storageAccounts(sub)).toEqual(['aaaaccount', 'bbbaccount']);
      await store.write({ kind: 'delete', previous: s2 });
      expect(await store.storageAccounts(sub)).toEqual(['bbbaccount']);
    });
  });
}
