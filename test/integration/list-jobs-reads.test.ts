import type { TableClient } from '@azure/data-tables';
import { JobRows } from '../../shared/adapters/table/job-rows';
import { listJobs } from '../../shared/adapters/table/table-job-list';
import type { Job, JobSummary, Versioned } from '../../shared/import-export/model/model';
import { SecretBox } from '../../shared/kernel/secret-box';
import { newSubscription, testRuntime } from '../support/runtime';
import { putSampleJob } from '../support/timed-jobs';

/**
 * List Jobs' reads (table-job-list.ts): the first page of an account a process lists is read whole;
 * later pages by keys and ETags, then only the rows this process has not parsed in their current
 * version. `other` is a second instance (its own caches) writing the same tables.
 */
const rt = testRuntime();
const other = testRuntime({ STORAGE_PREFIX: rt.config.storagePrefix });
const store = rt.jobs.store;
beforeAll(() => rt.tables.ensure());

const query = (sub: string, extra: { states?: Job['State'][] } = {}) => ({
  subscriptionId: sub,
  storageAccountName: 'xttest',
  now: new Date(),
  limit: 1000,
  ...extra,
});

async function listed(sub: string, extra: { states?: Job['State'][] } = {}) {
  const urls: string[] = [];
  const stop = rt.tables.observe((r) => urls.push(decodeURIComponent(r.url)));
  try {
    return { page: await store.list(query(sub, extra)), urls };
  } finally {
    stop();
  }
}

async function seed(sub: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await putSampleJob(other.jobs, sub, `Job${String(i).padStart(2, '0')}`);
}

async function rename(sub: string, name: string, friendly: string): Promise<void> {
  const current = (await other.jobs.store.get(sub, name))!;
  await other.jobs.store.write({
    kind: 'update',
    previous: current,
    job: { ...current.value, FriendlyName: friendly },
    activeJobLimit: 1000,
  });
}

/** A job's friendly name as renamed here, or '' while it has the sample's. */
const renamed = (jobs: Versioned<JobSummary>[]) =>
  jobs.map((j) => (j.value.FriendlyName?.startsWith('A sample') ? '' : (j.value.FriendlyName ?? '')));

const names = (jobs: Versioned<JobSummary>[]) => jobs.map((j) => j.value.Name);

it('reads a first page whole, and an unchanged page again by keys only, handing out the same versions', async () => {
  const sub = newSubscription();
  await seed(sub, 5);
  const first = await listed(sub);
  expect(first.urls).toHaveLength(1);
  expect(first.urls[0]).not.toContain('$select');
  const again = await listed(sub);
  expect(again.urls).toHaveLength(1);
  expect(again.urls[0]).toContain('$select=RowKey');
  expect(names(again.page.jobs)).toEqual(['Job00', 'Job01', 'Job02', 'Job03', 'Job04']);
  again.page.jobs.forEach((job, i) => expect(job).toBe(first.page.jobs[i]));
});

it('reads the rows another instance changed by their keys, and shows them as they now are', async () => {
  const sub = newSubscription();
  await seed(sub, 6);
  await listed(sub);
  await rename(sub, 'Job01', 'one');
  await rename(sub, 'Job04', 'four');
  const { page, urls } = await listed(sub);
  expect(urls).toHaveLength(2);
  expect(urls[1]).toContain(`RowKey eq 'list_xttest_`);
  expect(urls[1]).not.toContain('$select');
  expect(renamed(page.jobs)).toEqual(['', 'one', '', '', 'four', '']);
  expect(names(page.jobs)).toEqual(['Job00', 'Job01', 'Job02', 'Job03', 'Job04', 'Job05']);
});

it('reads the range of the changed rows when they are more than the filter has comparisons left', async () => {
  const sub = newSubscription();
  await seed(sub, 16);
  await listed(sub);
  for (let i = 1; i <= 12; i++) await rename(sub, `Job${String(i).padStart(2, '0')}`, `renamed ${i}`);
  const { page, urls } = await listed(sub);
  expect(urls).toHaveLength(2);
  expect(urls[1]).toMatch(/RowKey ge 'list_xttest_.*job01' and RowKey le 'list_xttest_.*job12'/);
  expect(renamed(page.jobs)).toEqual([
    '',
    ...Array.from({ length: 12 }, (_, i) => `renamed ${i + 1}`),
    '',
    '',
    '',
  ]);
});

it('shows a job another instance created since, and leaves out one it deleted', async () => {
  const sub = newSubscription();
  await seed(sub, 3);
  await listed(sub);
  await putSampleJob(other.jobs, sub, 'Job03');
  const gone = (await other.jobs.store.get(sub, 'Job01'))!;
  await other.jobs.store.write({ kind: 'delete', previous: gone });
  const { page } = await listed(sub);
  expect(names(page.jobs)).toEqual(['Job00', 'Job02', 'Job03']);
});

describe('a row that changes between the keys and the rows', () => {
  /** The jobs table, with `between` run after the keys-only read and before the rows are read. */
  function pausedAfterKeys(real: TableClient, between: () => Promise<void>): TableClient {
    let reads = 0;
    return new Proxy(real, {
      get(target, prop, receiver) {
        if (prop !== 'listEntities') return Reflect.get(target, prop, receiver) as unknown;
        return (...args: Parameters<TableClient['listEntities']>) => {
          reads++;
          if (reads === 1) return target.listEntities(...args);
          return (async function* () {
            await between();
            yield* target.listEntities(...args);
          })();
        };
      },
    });
  }

  it('is shown as it now is when it still matches, and left out when it no longer does', async () => {
    const sub = newSubscription();
    await seed(sub, 3);
    const rows = new JobRows(new SecretBox(rt.config.secretsKey));
    const real = await rt.tables.table('jobs');
    await listJobs(real, rows, query(sub), false);
    await rename(sub, 'Job00', 'changed');
    await rename(sub, 'Job02', 'changed');
    const table = pausedAfterKeys(real, async () => {
      await rename(sub, 'Job00', 'changed again');
      const moved = (await other.jobs.store.get(sub, 'Job02'))!;
      await other.jobs.store.write({
        kind: 'update',
        previous: moved,
        job: { ...moved.value, State: 'Shipping' },
        activeJobLimit: 1000,
      });
    });
    const page = await listJobs(table, rows, query(sub, { states: ['Creating'] }), true);
    expect(names(page.jobs)).toEqual(['Job00', 'Job01']);
    expect(renamed(page.jobs)).toEqual(['changed again', '']);
  });
});

it('reads a later page whole the first time too: a client paging through costs one read a page', async () => {
  const sub = newSubscription();
  await seed(sub, 4);
  const reads = async (after?: string) => {
    const urls: string[] = [];
    const stop = rt.tables.observe((r) => urls.push(decodeURIComponent(r.url)));
    try {
      return { page: await store.list({ ...query(sub), limit: 2, ...(after && { after }) }), urls };
    } finally {
      stop();
    }
  };
  const first = await reads();
  const second = await reads(first.page.cursor);
  expect(names(second.page.jobs)).toEqual(['Job02', 'Job03']);
  expect(second.urls).toHaveLength(1);
  expect(second.urls[0]).not.toContain('$select');
  const again = await reads(first.page.cursor);
  expect(again.urls).toHaveLength(1);
  expect(again.urls[0]).toContain('$select=RowKey');
});
