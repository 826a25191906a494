import { getContinuationToken, type JobResponse } from '@azure/arm-storageimportexport';
import { armImportBody, startArmService, type ArmService } from '../support/arm';

/** The rest of the generated client's operations, paging, PATCH and conditional writes. */
let arm: ArmService;
let oid: string;
beforeAll(async () => {
  arm = await startArmService({ ARM_LIST_PAGE_SIZE: '2' });
  oid = await arm.grant();
});
afterAll(() => arm.stop());

const exportBody = (sub: string) => ({
  location: 'westus',
  properties: {
    storageAccountId: `/subscriptions/${sub}/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/customer1`,
    jobType: 'Export',
    export: { blobPathPrefix: ['/'] },
  },
});

it('lists locations and gets one by display or short name, with alternateLocations', async () => {
  const client = arm.client(oid);
  const all = [];
  for await (const l of client.locations.list()) all.push(l);
  expect(all.length).toBeGreaterThan(1);
  const west = await client.locations.get('West US');
  expect(west).toMatchObject({
    id: '/providers/Microsoft.ImportExport/locations/westus',
    name: 'West US',
    type: 'Microsoft.ImportExport/locations',
    alternateLocations: ['/providers/Microsoft.ImportExport/locations/westus'],
    supportedCarriers: ['FedEx'],
  });
  expect((await client.locations.get('westus')).name).toBe('West US');
  await expect(client.locations.get('atlantis')).rejects.toMatchObject({
    statusCode: 404,
    code: 'ResourceNotFound',
  });
});

it('lists the six operations verbatim', async () => {
  const ops = [];
  for await (const o of arm.client(oid).operations.list()) ops.push(o.name);
  expect(ops).toEqual([
    'Microsoft.ImportExport/locations/read',
    'Microsoft.ImportExport/jobs/write',
    'Microsoft.ImportExport/jobs/read',
    'Microsoft.ImportExport/jobs/listBitLockerKeys/action',
    'Microsoft.ImportExport/jobs/delete',
    'Microsoft.ImportExport/register/action',
  ]);
});

it('pages by nextLink with byPage(), $top capping the whole result, and $filter', async () => {
  const client = arm.client(oid);
  for (const name of ['pageA', 'pageB', 'pageC', 'pageD', 'pageE']) {
    await client.jobs.create(name, 'paging', exportBody(arm.svc.sub));
  }
  const pages: string[][] = [];
  for await (const page of client.jobs.listByResourceGroup('paging').byPage())
    pages.push(page.map((j) => j.name ?? ''));
  expect(pages).toEqual([['pageA', 'pageB'], ['pageC', 'pageD'], ['pageE']]);
  const top: string[] = [];
  for await (const j of client.jobs.listByResourceGroup('paging', { top: 3 })) top.push(j.name ?? '');
  expect(top).toEqual(['pageA', 'pageB', 'pageC']);
  const filtered: string[] = [];
  const filter = "properties/jobType eq 'Export' and location eq 'West US'";
  for await (const j of client.jobs.listBySubscription({ filter })) filtered.push(j.name ?? '');
  expect(filtered).toEqual(['pageA', 'pageB', 'pageC', 'pageD', 'pageE']);
  await expect(client.jobs.listBySubscription({ filter: 'name eq 1' }).next()).rejects.toMatchObject({
    statusCode: 400,
    code: 'InvalidFilter',
  });
  await expect(client.jobs.listBySubscription({ top: 101 }).next()).rejects.toMatchObject({
    statusCode: 400,
    code: 'InvalidQueryParameterValue',
  });
});

it('pages stably while jobs are deleted and created between pages: nothing seen twice, no job that lived throughout missed', async () => {
  const client = arm.client(oid);
  for (const name of ['churnA', 'churnB', 'churnC', 'churnD']) {
    await client.jobs.create(name, 'churn', exportBody(arm.svc.sub));
  }
  const first = (await client.jobs.listByResourceGroup('churn').byPage().next()).value as JobResponse[];
  expect(first.map((j) => j.name)).toEqual(['churnA', 'churnB']);
  // One job already listed and one not yet listed go; a new one comes.
  await client.jobs.delete('churnA', 'churn');
  await client.jobs.delete('churnC', 'churn');
  await client.jobs.create('churnE', 'churn', exportBody(arm.svc.sub));
  const rest: string[][] = [];
  const continuationToken = getContinuationToken(first);
  for await (const page of client.jobs.listByResourceGroup('churn').byPage({ continuationToken }))
    rest.push(page.map((j) => j.name ?? ''));
  expect(rest).toEqual([['churnD', 'churnE']]);
});

it('resumes byPage() from a continuationToken, pages by subscription, and keeps apiVersion, $top and $filter on every nextLink', async () => {
  const client = arm.client(oid);
  for (const name of ['resumeA', 'resumeB', 'resumeC', 'resumeD', 'resumeE']) {
    await client.jobs.create(name, 'resume', { ...exportBody(arm.svc.sub), tags: { set: 'resume' } });
  }
  const first = (await client.jobs.listByResourceGroup('resume').byPage().next()).value as JobResponse[];
  expect(first.map((j) => j.name)).toEqual(['resumeA', 'resumeB']);
  const continuationToken = getContinuationToken(first);
  expect(new URL(continuationToken ?? '').searchParams.has('$skiptoken')).toBe(true);
  const rest: string[][] = [];
  for await (const page of client.jobs.listByResourceGroup('resume').byPage({ continuationToken }))
    rest.push(page.map((j) => j.name ?? ''));
  expect(rest).toEqual([['resumeC', 'resumeD'], ['resumeE']]);
  const bySub: string[][] = [];
  for await (const page of client.jobs.listBySubscription({ filter: "tags/set eq 'resume'" }).byPage())
    bySub.push(page.map((j) => j.name ?? ''));
  expect(bySub).toEqual([['resumeA', 'resumeB'], ['resumeC', 'resumeD'], ['resumeE']]);
  const urls: string[] = [];
  const pages: JobResponse[][] = [];
  const old = arm.client(oid, { apiVersion: '2016-11-01' });
  const listed = old.jobs.listByResourceGroup('resume', {
    filter: "properties/jobType eq 'Export'",
    top: 3,
    onResponse: (r) => void urls.push(r.request.url),
  });
  for await (const page of listed.byPage()) pages.push(page);
  expect(pages.map((p) => p.map((j) => j.name))).toEqual([['resumeA', 'resumeB'], ['resumeC']]);
  expect(pages.flat().every((j) => j.systemData === undefined)).toBe(true);
  expect(urls).toHaveLength(2);
  for (const url of urls) {
    const q = new URL(url).searchParams;
    expect([q.get('api-version'), q.get('$top'), q.get('$filter')]).toEqual([
      '2016-11-01',
      '3',
      "properties/jobType eq 'Export'",
    ]);
  }
  expect(() => client.jobs.listByResourceGroup('resume').byPage({ maxPageSize: 1 })).toThrow(/maxPageSize/);
});

it("tolerates the Python client's re-appended query keys on a nextLink, refuses a tampered or foreign $skiptoken, and builds nextLink from X-Forwarded-*", async () => {
  const client = arm.client(oid);
  for (const name of ['rawA', 'rawB', 'rawC']) await client.jobs.create(name, 'raw', exportBody(arm.svc.sub));
  const token = await arm.token(oid);
  const get = (url: string, headers: Record<string, string> = {}) =>
    fetch(url, { headers: { authorization: `Bearer ${token}`, ...headers } });
  const filter = "properties/jobType eq 'Export'";
  const list = `${arm.plain}/subscriptions/${arm.svc.sub}/resourceGroups/raw/providers/Microsoft.ImportExport/jobs`;
  const first = await get(`${list}?api-version=2016-11-01&$top=3&$filter=${encodeURIComponent(filter)}`, {
    'x-forwarded-proto': 'https',
    'x-forwarded-host': 'importexport.example:8443',
  });
  const { nextLink } = (await first.json()) as { nextLink: string };
  const next = new URL(nextLink);
  expect(next.origin).toBe('https://importexport.example:8443');
  const local = `${list}${next.search}`;
  const reappended = `${local}&api-version=2016-11-01&%24top=3&%24filter=${encodeURIComponent(filter)}`;
  const second = await get(reappended);
  expect(second.status).toBe(200);
  expect(((await second.json()) as { value: { name: string }[] }).value.map((j) => j.name)).toEqual(['rawC']);
  expect(await (await get(`${local}&$top=2`)).json()).toMatchObject({
    error: { code: 'InvalidQueryParameterValue', target: '$top' },
  });
  const q = new URLSearchParams(next.search);
  const [body, sig] = (q.get('$skiptoken') ?? '').split('.');
  q.set('$skiptoken', `${body}x.${sig}`);
  const tampered = `${list}?${q.toString()}`;
  const foreign = `${list.replace('/raw/', '/paging/')}${next.search}`;
  for (const url of [tampered, foreign]) {
    const res = await get(url);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'InvalidQueryParameterValue', target: '$skiptoken' },
    });
  }
});

it('PATCHes all or nothing: state "" is no change, Shipping needs a delivery package, cancel works', async () => {
  const client = arm.client(oid);
  await client.jobs.create('patchMe', 'rg', armImportBody(arm.svc.sub));
  const same = await client.jobs.update('patchMe', 'rg', {
    state: '',
    logLevel: 'Error',
    backupDriveManifest: false,
  });
  expect(same.properties).toMatchObject({ state: 'Creating', logLevel: 'Error', backupDriveManifest: false });
  await expect(client.jobs.update('patchMe', 'rg', { state: 'Shipping' })).rejects.toMatchObject({
    statusCode: 400,
    code: 'ShippingInformationIncomplete',
  });
  await expect(client.jobs.update('patchMe', 'rg', { state: 'Received' })).rejects.toMatchObject({
    code: 'InvalidStateValue',
  });
  const shipped = await client.jobs.update('patchMe', 'rg', {
    state: 'Shipping',
    deliveryPackage: {
      carrierName: 'FedEx',
      trackingNumber: '787895108176',
      driveCount: 1,
      shipDate: '9/29/2017',
    },
  });
  expect(shipped.properties).toMatchObject({
    state: 'Shipping',
    deliveryPackage: { trackingNumber: '787895108176' },
  });
  const err = await client.jobs.update('patchMe', 'rg', { driveList: [] }).catch((e: unknown) => e);
  expect(err).toMatchObject({ statusCode: 400, code: 'InvalidDriveList' });
  const cancelled = await client.jobs.update('patchMe', 'rg', { cancelRequested: true });
  expect(cancelled.properties?.cancelRequested).toBe(true);
  await expect(client.jobs.update('patchMe', 'rg', { cancelRequested: false })).rejects.toMatchObject({
    code: 'InvalidCancelRequestedValue',
  });
  await expect(client.jobs.delete('patchMe', 'rg')).rejects.toMatchObject({
    statusCode: 409,
    code: 'InvalidJobState',
  });
});

it('keeps names unique per subscription and honours If-Match', async () => {
  const client = arm.client(oid);
  await client.jobs.create('unique1', 'one', exportBody(arm.svc.sub));
  await expect(client.jobs.create('UNIQUE1', 'two', exportBody(arm.svc.sub) as never)).rejects.toMatchObject({
    statusCode: 409,
    code: 'JobAlreadyExists',
  });
  let etag = '';
  await client.jobs.get('unique1', 'one', { onResponse: (r) => void (etag = r.headers.get('etag') ?? '') });
  expect(etag).toMatch(/^W\/"/);
  await expect(
    client.jobs.update(
      'unique1',
      'one',
      { tags: { a: 'b' } },
      {
        requestOptions: { customHeaders: { 'If-Match': '"stale"' } },
      },
    ),
  ).rejects.toMatchObject({ statusCode: 412, code: 'ConditionNotMet' });
  const tagged = await client.jobs.update(
    'unique1',
    'one',
    { tags: { a: 'b' } },
    {
      requestOptions: { customHeaders: { 'If-Match': etag } },
    },
  );
  expect(tagged.tags).toEqual({ a: 'b' });
});

it("judges If-Unmodified-Since against the job's last change, as the classic API does", async () => {
  const client = arm.client(oid);
  await client.jobs.create('sinceJob', 'one', exportBody(arm.svc.sub));
  const since = (date: Date) => ({
    requestOptions: { customHeaders: { 'If-Unmodified-Since': date.toUTCString() } },
  });
  const later = new Date(Date.now() + 3_600_000);
  expect((await client.jobs.get('sinceJob', 'one', since(later))).name).toBe('sinceJob');
  const tagged = await client.jobs.update('sinceJob', 'one', { tags: { t: '1' } }, since(later));
  expect(tagged.tags).toEqual({ t: '1' });
  await expect(
    client.jobs.update('sinceJob', 'one', { tags: { t: '2' } }, since(new Date('2001-01-01T00:00:00Z'))),
  ).rejects.toMatchObject({ statusCode: 412, code: 'ConditionNotMet' });
  expect((await client.jobs.get('sinceJob', 'one')).tags).toEqual({ t: '1' });
});

it('answers 2016-11-01 without systemData and refuses an unknown api-version', async () => {
  const old = arm.client(oid, { apiVersion: '2016-11-01' });
  await old.jobs.create('oldApi', 'rg', exportBody(arm.svc.sub));
  const job = await old.jobs.get('oldApi', 'rg');
  expect(job.systemData).toBeUndefined();
  expect(job.properties?.export).toEqual({ blobPathPrefix: ['/'] });
  await expect(arm.client(oid, { apiVersion: '2019-01-01' }).jobs.get('oldApi', 'rg')).rejects.toMatchObject({
    statusCode: 400,
    code: 'NoRegisteredProviderFound',
  });
});

it('lets a Reader read but not write', async () => {
  const reader = arm.client(await arm.grant('Reader'));
  await reader.jobs.get('unique1', 'one');
  await expect(reader.jobs.delete('unique1', 'one')).rejects.toMatchObject({
    statusCode: 403,
    code: 'AuthorizationFailed',
  });
});
