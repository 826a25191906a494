import { readCertificate } from '../../shared/identity/client-certificate';
import { newSubscription } from '../support/runtime';
import { extendedCode, startService, type TestService } from '../support/service';
import { makeJob, seedJobRows } from '../support/jobs';
import type { Job } from '../../shared/import-export/model/model';

/** docs/contract/import-export.md#a10: 2,500 jobs in one account, walked page by page through odata.nextLink. */
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
  for (const j of jobs) created.set(j.Name, j.CreatedTime);
  await seedJobRows(svc.rt, jobs);
}, 120_000);
afterAll(() => svc.stop());

/** Creation time, then name: the store's order. */
const byCreation = (a: string, b: string) => {
  const [x, y] = [created.get(a)!, created.get(b)!];
  return x.localeCompare(y) || a.toLowerCase().localeCompare(b.toLowerCase());
};
const created = new Map<string, string>();

const get = (url: string) =>
  fetch(url, { headers: { 'x-ms-version': '2014-11-01', 'x-arr-clientcert': svc.cert.derBase64 } });

async function walk(first: string): Promise<{ pages: any[]; names: string[] }> {
  const pages: any[] = [];
  let url: string | undefined = `${svc.base()}${first}`;
  while (url) {
    const res = await get(url);
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

  it('repeats the filters in every next link, which is absolute', async () => {
    const { pages, names } = await walk('/storageaccounts/xttest/jobs?type=EXPORT');
    expect(pages.map((p) => p.value.length)).toEqual([1000, 250]);
    expect(pages[0]['odata.nextLink']).toMatch(
      new RegExp(
        `^${svc.base().replace(/[.]/g, '\\.')}/storageaccounts/xttest/jobs\\?type=EXPORT&\\$skiptoken=`,
      ),
    );
    expect(names).toEqual(
      jobs
        .filter((j) => j.Type === 'Export')
        .map((j) => j.Name)
        .sort(byCreation),
    );
  });

  it('caps the whole result with $top, not only the page', async () => {
    const { pages } = await walk('/storageaccounts/xttest/jobs?$top=1000');
    expect(pages.map((p) => p.value.length)).toEqual([1000]);
    const { names } = await walk('/storageaccounts/xttest/jobs?$top=10');
    expect(names).toEqual(
      jobs
        .map((j) => j.Name)
        .sort(byCreation)
        .slice(0, 10),
    );
  });

  it('keeps the next link without metadata', async () => {
    const res = await get(
      `${svc.base()}/storageaccounts/xttest/jobs?$format=application/json;odata=nometadata`,
    );
    const body = (await res.json()) as any;
    expect(Object.keys(body)).toEqual(['value', 'odata.nextLink']);
    expect(body['odata.nextLink']).toContain('$format=application%2Fjson%3Bodata%3Dnometadata');
  });

  describe('a $skiptoken', () => {
    let next: string;
    beforeAll(async () => {
      const body = (await (await get(`${svc.base()}/storageaccounts/xttest/jobs?type=import`)).json()) as any;
      next = body['odata.nextLink'];
    });
    const tokenOf = (link: string) => new URL(link).searchParams.get('$skiptoken')!;

    it('that was altered is 400 InvalidQueryParameterValue', async () => {
      const token = tokenOf(next);
      const [payload, sig] = token.split('.');
      const state = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      const forged = Buffer.from(JSON.stringify({ ...state, n: 0 })).toString('base64url');
      for (const bad of [`${forged}.${sig}`, `${payload}.${sig!.slice(0, -2)}AA`, token.slice(1)]) {
        const res = await get(`${svc.base()}/storageaccounts/xttest/jobs?type=import&$skiptoken=${bad}`);
        expect(res.status).toBe(400);
        expect(await extendedCode(res)).toBe('InvalidQueryParameterValue');
      }
    });

    it('of another listing, account or subscription is 400 InvalidQueryParameterValue', async () => {
      const token = encodeURIComponent(tokenOf(next));
      const other = newSubscription();
      await svc.rt.certificates.put(other, readCertificate(svc.cert.derBase64)!);
      for (const url of [
        `${svc.base()}/storageaccounts/xttest/jobs?type=export&$skiptoken=${token}`,
        `${svc.base()}/storageaccounts/xttest/jobs?$skiptoken=${token}`,
        `${svc.base()}/storageaccounts/xttest/jobs?type=import&$top=5&$skiptoken=${token}`,
        `${svc.base()}/storageaccounts/otheracct/jobs?type=import&$skiptoken=${token}`,
        `${svc.base(other)}/storageaccounts/xttest/jobs?type=import&$skiptoken=${token}`,
      ]) {
        const res = await get(url);
        expect([url, res.status]).toEqual([url, 400]);
        expect(await extendedCode(res)).toBe('InvalidQueryParameterValue');
      }
      expect((await get(next)).status).toBe(200);
    });
  });
});
