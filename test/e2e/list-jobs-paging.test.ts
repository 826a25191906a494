import { startService, type TestService } from '../support/service';
import { makeJob, seedJobs } from '../support/jobs';
import type { Job } from '../../shared/domain/model';

/** SPEC A.10: 2,500 jobs in one account, walked page by page through odata.nextLink. */
let svc: TestService;
let jobs: Job[];
beforeAll(async () => {
  svc = await startService();
  const start = Date.now() - 86_400_000;
  jobs = Array.from({ length: 2500 }, (_, i) =>
    makeJob(svc.rt, svc.sub, `Job${String(i).padStart(4, '0')}`, {
      type: i % 2 === 0 ? 'Import' : 'Export',
      now: new Date(start + (i % 7) * 1000 + Math.floor(i / 7) * 60_000),
    }),
  );
  const t = Date.now();
  await seedJobs(svc.rt, jobs, 1);
  console.log('seeded in', Date.now() - t);
}, 120_000);
afterAll(() => svc.stop());

async function walk(first: string): Promise<{ pages: any[]; names: string[] }> {
  const pages: any[] = [];
  let url: string | undefined = `${svc.base()}${first}`;
  while (url) {
    const res = await fetch(url, {
      headers: { 'x-ms-version': '2014-11-01', 'x-arr-clientcert': svc.cert.derBase64 },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    pages.push(body);
    url = body['odata.nextLink'];
  }
  return { pages, names: pages.flatMap((p) => p.value.map((j: any) => j.Name)) };
}

describe('List Jobs paging over 2,500 jobs', () => {
  it('walks every page and sees each job exactly once, oldest first, 1000 per page', async () => {
    const { pages, names } = await walk('/storageaccounts/xttest/jobs');
    expect(pages.map((p) => p.value.length)).toEqual([1000, 1000, 500]);
    expect(pages.map((p) => p['odata.count'])).toEqual(['1000', '1000', '500']);
    expect(new Set(names).size).toBe(2500);
    const expected = [...jobs]
      .sort(
        (a, b) =>
          a.CreatedTime.localeCompare(b.CreatedTime) ||
          a.Name.toLowerCase().localeCompare(b.Name.toLowerCase()),
      )
      .map((j) => j.Name);
    expect(names).toEqual(expected);
  });
});
