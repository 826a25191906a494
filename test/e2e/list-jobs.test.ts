import { startService, type TestService } from '../support/service';
import { forceJobStateForTest, makeJob, seedJobs } from '../support/jobs';
import type { Job, JobState } from '../../shared/import-export/model/model';

/** List Jobs filters and shapes over HTTP (docs/contract/import-export.md#a3, #a10), on a small, known set of jobs. */
let svc: TestService;
const T0 = Date.now() - 3_600_000;
const at = (i: number) => new Date(T0 + i * 60_000);
const STATES: JobState[] = ['Creating', 'Shipping', 'Completed', 'Faulted'];
let jobs: Job[];

beforeAll(async () => {
  svc = await startService();
  jobs = Array.from({ length: 12 }, (_, i) =>
    makeJob(svc.rt, svc.sub, `List${String(i).padStart(2, '0')}`, {
      account: 'listacct',
      type: i % 2 === 0 ? 'Import' : 'Export',
      now: at(i),
    }),
  );
  const others = [
    makeJob(svc.rt, svc.sub, 'Elsewhere', { account: 'otheracct', now: at(1) }),
    // Creating for 20 days: a sweep would already have deleted it (docs/contract/import-export.md#c2).
    makeJob(svc.rt, svc.sub, 'Expired', { account: 'listacct', now: new Date(Date.now() - 20 * 86_400_000) }),
  ];
  await seedJobs(svc.rt, [...jobs, ...others]);
  for (const [i, j] of jobs.entries()) {
    const state = STATES[i % 4]!;
    if (state !== 'Creating') await forceJobStateForTest(svc.rt, svc.sub, j.Name, state);
  }
});
afterAll(() => svc.stop());

const list = async (query = '', opts: Parameters<TestService['call']>[2] = {}) => {
  const res = await svc.call('GET', `/storageaccounts/listacct/jobs${query}`, opts);
  return { res, body: (await res.json()) as any };
};
const names = (body: any): string[] => body.value.map((j: any) => j.Name);
const expected = (pick: (i: number) => boolean) => jobs.filter((_, i) => pick(i)).map((j) => j.Name);

describe('List Jobs', () => {
  it("lists the account's live jobs oldest first, as a minimal-metadata feed", async () => {
    const { res, body } = await list();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/json;odata=minimalmetadata;streaming=true;charset=utf-8',
    );
    expect(Object.keys(body)).toEqual(['odata.metadata', 'odata.count', 'value']);
    expect(body['odata.metadata']).toBe(
      `${svc.base()}/$metadata#Microsoft.Cis.Services.ImportExport.Public.ImportExportData.Jobs`,
    );
    expect(body['odata.count']).toBe('12');
    expect(names(body)).toEqual(jobs.map((j) => j.Name));
    const first = body.value[0];
    expect(Object.keys(first)).toEqual(['odata.id', 'odata.editLink', 'Name', 'Properties']);
    expect(first['odata.editLink']).toBe(`${svc.base()}/jobs/List00`);
  });

  it("shows each job's Get Job Properties plus CreatedTime, without DriveList or Export", async () => {
    const { body } = await list();
    for (const item of body.value) {
      const got = (await (await svc.call('GET', `/jobs/${item.Name}`)).json()) as any;
      const job = jobs.find((j) => j.Name === item.Name)!;
      expect(item.Properties).toEqual({ ...got.Properties, CreatedTime: job.CreatedTime });
      expect(item).not.toHaveProperty('DriveList');
      expect(item).not.toHaveProperty('Export');
    }
  });

  it.each([
    ['?type=EXPORT', (i: number) => i % 2 === 1],
    ['?type=import', (i: number) => i % 2 === 0],
    ['?states=Shipping,Completed', (i: number) => i % 4 === 1 || i % 4 === 2],
    ['?states=Faulted', (i: number) => i % 4 === 3],
    ['?states=Received', () => false],
    ['?type=import&states=Completed', (i: number) => i % 4 === 2],
  ])('filters %s in the query', async (query, pick) => {
    const { body } = await list(query);
    expect(names(body)).toEqual(expected(pick));
    expect(body['odata.count']).toBe(String(expected(pick).length));
  });

  it('takes from and to as inclusive bounds on the creation time', async () => {
    const from = jobs[3]!.CreatedTime;
    const to = jobs[6]!.CreatedTime;
    const { body } = await list(`?from=${from}&to=${to}`);
    expect(names(body)).toEqual(expected((i) => i >= 3 && i <= 6));
    const classic = (iso: string) => iso.replace(/\.(\d{3})Z$/, '.$10000Z');
    const { body: sevenDigits } = await list(`?from=${classic(from)}&to=${classic(to)}&type=export`);
    expect(names(sevenDigits)).toEqual(expected((i) => i >= 3 && i <= 6 && i % 2 === 1));
  });

  it('caps the result with $top', async () => {
    const { body } = await list('?$top=5');
    expect(names(body)).toEqual(expected((i) => i < 5));
    expect(body).not.toHaveProperty('odata.nextLink');
  });

  it('without metadata has no odata names; with full metadata, odata.type', async () => {
    const { body: bare } = await list('?$format=application/json;odata=nometadata');
    expect(Object.keys(bare)).toEqual(['value']);
    expect(Object.keys(bare.value[0])).toEqual(['Name', 'Properties']);
    const { body: full } = await list('', { headers: { Accept: 'application/json;odata=fullmetadata' } });
    expect(full.value[0]['odata.type']).toBe('Microsoft.Cis.Services.ImportExport.Public.Job');
  });

  it('names the states location ImportExportStatesContainer under 2014-05-01', async () => {
    const { body } = await list('', { version: '2014-05-01' });
    expect(body.value[0].Properties.ImportExportStatesContainer).toBe('waimportexport');
    expect(body.value[0].Properties).not.toHaveProperty('ImportExportStatesPath');
  });

  it('answers an empty feed for an account without jobs', async () => {
    const res = await svc.call('GET', '/storageaccounts/emptyacct/jobs');
    expect(await res.json()).toEqual({
      'odata.metadata': `${svc.base()}/$metadata#Microsoft.Cis.Services.ImportExport.Public.ImportExportData.Jobs`,
      'odata.count': '0',
      value: [],
    });
  });
});

describe('List Jobs: bad requests', () => {
  it.each([
    ['type=both', 'type=both'],
    ['states=creating', 'states=creating'],
    ['states=Creating,Shipping,', 'states=Creating,Shipping,'],
    ['from=yesterday', 'from=yesterday'],
    ['to=2014-02-30T00:00:00Z', 'to=2014-02-30T00:00:00Z'],
    ['$top=0', '$top=0'],
    ['$top=1001', '$top=1001'],
    ['$skiptoken=not-a-token', '$skiptoken'],
    ['$format=atom', '$format=atom'],
  ])('?%s is 400 InvalidQueryParameterValue', async (query, info) => {
    const { res, body } = await list(`?${query}`);
    expect(res.status).toBe(400);
    expect(body['odata.error']['azure.values']).toEqual([
      { ExtendedCode: 'InvalidQueryParameterValue' },
      { ExtendedInformation: info },
    ]);
  });

  it('a malformed storage account is 400 InvalidStorageAccountName', async () => {
    const res = await svc.call('GET', '/storageaccounts/No_Such/jobs');
    expect(res.status).toBe(400);
    expect(((await res.json()) as any)['odata.error']['azure.values'][0].ExtendedCode).toBe(
      'InvalidStorageAccountName',
    );
  });

  it.each(['PUT', 'DELETE', 'HEAD'])('%s is 405 MethodNotAllowed', async (method) => {
    const res = await svc.call(method, '/storageaccounts/listacct/jobs');
    expect(res.status).toBe(405);
  });
});
