import { randomUUID } from 'node:crypto';
import { armImportBody, CLOSED_LOCATIONS, startArmService, type ArmService } from '../support/arm';

/** Resource Manager's wire (docs/arm-import-export.md#b3, #e2, #e3, #f1, #f3) over plain HTTP with a dev token. */

let arm: ArmService;
let oid: string;
let token: string;
beforeAll(async () => {
  arm = await startArmService({ LOCATIONS: CLOSED_LOCATIONS });
  oid = await arm.grant();
  token = await arm.token(oid);
});
afterAll(() => arm.stop());

const V = '?api-version=2021-01-01';
const jobUrl = (name: string, rg = 'wire') =>
  `${arm.plain}/subscriptions/${arm.svc.sub}/resourceGroups/${rg}/providers/Microsoft.ImportExport/jobs/${name}${V}`;
const call = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

it('sends the headers of every answer, echoes the client request id on request, and DELETE has Content-Length 0', async () => {
  const res = await call('PUT', jobUrl('wired'), armImportBody(arm.svc.sub), {
    'x-ms-correlation-request-id': 'c0ffee00-0000-4000-8000-000000000000',
    'x-ms-client-request-id': 'client-1',
    'x-ms-return-client-request-id': 'true',
  });
  expect(res.status).toBe(201);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(res.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  expect(res.headers.get('x-ms-correlation-request-id')).toBe('c0ffee00-0000-4000-8000-000000000000');
  expect(res.headers.get('x-ms-client-request-id')).toBe('client-1');
  expect(res.headers.get('cache-control')).toBe('no-cache');
  expect(res.headers.get('etag')).toMatch(/^W\//);
  const body = (await res.json()) as { properties: { driveList: Record<string, unknown>[] } };
  expect(body.properties.driveList[0]).not.toHaveProperty('bitLockerKey');
  const del = await call('DELETE', jobUrl('wired'));
  expect([del.status, del.headers.get('content-length'), await del.text()]).toEqual([200, '0', '']);
  const absent = await call('DELETE', jobUrl('wired'));
  expect(absent.status).toBe(200);
});

it('ignores server-owned members of a PUT body and answers the api-version errors', async () => {
  const body = armImportBody(arm.svc.sub);
  const res = await call('PUT', jobUrl('owned'), {
    ...body,
    id: '/elsewhere',
    properties: { ...body.properties, state: 'Completed', percentComplete: 100, provisioningState: 'Failed' },
  });
  expect(await res.json()).toMatchObject({
    id: expect.stringContaining('/jobs/owned'),
    properties: { state: 'Creating', provisioningState: 'Succeeded' },
  });
  const missing = await call('GET', jobUrl('owned').replace(V, ''));
  expect([missing.status, ((await missing.json()) as { error: { code: string } }).error.code]).toEqual([
    400,
    'MissingApiVersionParameter',
  ]);
  const twice = await call('GET', `${jobUrl('owned')}&API-VERSION=2021-01-01`);
  expect(twice.status).toBe(200);
});

it('refuses a closed location with LocationClosed, naming its alternates', async () => {
  const res = await call('PUT', jobUrl('closedLoc'), { ...armImportBody(arm.svc.sub), location: 'olddc' });
  expect(res.status).toBe(400);
  expect(await res.json()).toMatchObject({
    error: { code: 'LocationClosed', message: expect.stringContaining('westus') },
  });
  const loc = await call('GET', `${arm.plain}/providers/Microsoft.ImportExport/locations/Old%20DC${V}`);
  expect(await loc.json()).toMatchObject({
    properties: { alternateLocations: ['/providers/Microsoft.ImportExport/locations/westus'] },
  });
});

it("gives the generated client LocationClosed's alternates as RestError.details", async () => {
  const err = await arm
    .client(oid)
    .jobs.create('closedByClient', 'wire', { ...armImportBody(arm.svc.sub), location: 'Old DC' })
    .catch((e: unknown) => e);
  expect(err).toMatchObject({
    name: 'RestError',
    statusCode: 400,
    code: 'LocationClosed',
    details: {
      code: 'LocationClosed',
      target: 'location',
      details: [
        {
          code: 'AlternateLocation',
          target: 'location',
          message: "Use '/providers/Microsoft.ImportExport/locations/westus'.",
        },
      ],
    },
  });
});

it('reads, lists and revokes grants; a revoke acts at once', async () => {
  const other = await arm.grant('Reader');
  const read = await arm.operator('GET', `/subscriptions/${arm.svc.sub}/principals/${other}`);
  expect(await read.json()).toEqual({ ObjectId: other, Role: 'Reader' });
  const grantPath = `/subscriptions/${arm.svc.sub}/principals/${other}`;
  expect((await arm.operator('PUT', grantPath, { Role: 'Contributor' })).status).toBe(200);
  expect(await (await arm.operator('GET', grantPath)).json()).toEqual({
    ObjectId: other,
    Role: 'Contributor',
  });
  const bare = randomUUID();
  const bareGrant = await arm.operator('PUT', `/subscriptions/${arm.svc.sub}/principals/${bare}`);
  expect(bareGrant.status).toBe(201);
  expect(await bareGrant.json()).toEqual({ ObjectId: bare, Role: 'Contributor' });
  const list = (await (await arm.operator('GET', `/subscriptions/${arm.svc.sub}/principals`)).json()) as {
    value: { ObjectId: string }[];
  };
  expect(list.value.map((g) => g.ObjectId)).toEqual(expect.arrayContaining([oid, other]));
  const otherToken = await arm.token(other);
  const url = `${arm.plain}/subscriptions/${arm.svc.sub}/providers/Microsoft.ImportExport/jobs${V}`;
  expect((await fetch(url, { headers: { authorization: `Bearer ${otherToken}` } })).status).toBe(200);
  expect((await arm.operator('DELETE', `/subscriptions/${arm.svc.sub}/principals/${other}`)).status).toBe(
    200,
  );
  expect((await fetch(url, { headers: { authorization: `Bearer ${otherToken}` } })).status).toBe(403);
  expect((await arm.operator('DELETE', `/subscriptions/${arm.svc.sub}/principals/${other}`)).status).toBe(
    404,
  );
  expect((await arm.operator('PUT', `/subscriptions/${arm.svc.sub}/principals/not-a-guid`, {})).status).toBe(
    400,
  );
});

it('validates registered credentials and never returns them', async () => {
  const path = `/subscriptions/${arm.svc.sub}/storageaccounts/customer2/credential`;
  expect((await arm.operator('PUT', path, {})).status).toBe(400);
  expect((await arm.operator('PUT', path, { StorageAccountKey: 'short' })).status).toBe(400);
  expect((await arm.operator('PUT', path, { ContainerSas: 'c1?sv=2020-01-01' })).status).toBe(400);
  expect(
    (
      await arm.operator('PUT', `/subscriptions/${arm.svc.sub}/storageaccounts/Bad_Name/credential`, {
        StorageAccountKey: 'x',
      })
    ).status,
  ).toBe(400);
  const sas = 'images?sv=2020-01-01&sp=rwdl&sr=c&sig=abc';
  expect((await arm.operator('PUT', path, { ContainerSas: sas })).status).toBe(201);
  expect((await arm.operator('PUT', path, { ContainerSas: sas })).status).toBe(200);
  const got = await arm.operator('GET', path);
  expect(await got.text()).toBe('{"Kind":"ContainerSas","Container":"images"}');
  expect((await arm.operator('DELETE', path)).status).toBe(200);
  expect((await arm.operator('GET', path)).status).toBe(404);
});

it('refuses an operator step that needs storage when no credential resolves, and changes nothing', async () => {
  const body = armImportBody(arm.svc.sub, 'customer2');
  expect((await call('PUT', jobUrl('noCred'), body)).status).toBe(201);
  await call('PATCH', jobUrl('noCred'), {
    properties: {
      state: 'Shipping',
      deliveryPackage: { carrierName: 'FedEx', trackingNumber: 'NOCRED-1', driveCount: 1 },
    },
  });
  let refused: Response | undefined;
  for (let i = 0; i < 6 && !refused; i++) {
    const res = await arm.operator('POST', `/subscriptions/${arm.svc.sub}/jobs/noCred/advance`);
    if (res.status !== 200) refused = res;
  }
  expect(refused?.status).toBe(409);
  const before = await (await call('GET', jobUrl('noCred'))).text();
  const again = await arm.operator('POST', `/subscriptions/${arm.svc.sub}/jobs/noCred/advance`);
  const text = await again.text();
  expect(again.status).toBe(409);
  expect(text).toContain('StorageAccessNotConfigured');
  expect(JSON.parse(text)['odata.error']['azure.values'][1].ExtendedInformation).toContain(
    '/storageaccounts/customer2/credential',
  );
  expect(await (await call('GET', jobUrl('noCred'))).text()).toBe(before);
});

it('answers 404 to dev-token requests while the development issuer is off', async () => {
  const off = await startArmService({ ARM_DEV_ISSUER: 'false' });
  try {
    const res = await off.operator('POST', '/dev-tokens', { ObjectId: randomUUID() });
    expect(res.status).toBe(404);
  } finally {
    await off.stop();
  }
});

it('serves every Resource Manager route on the one pipeline: no verb tunnelling, 405 in the ARM shape with a GUID request id', async () => {
  const { apiOf } = await import('../../shared/edge/routes');
  // The registered routes load their surface on first call; the loaded ones carry their operations.
  const { loadedRoutes } = await import('../../shared/app/routes');
  const arms = (await loadedRoutes()).filter((r) => r.name.startsWith('arm-') && !r.route.includes('{*'));
  expect(arms.length).toBe(11);
  // The az login shim (docs/arm-import-export.md#g2) is Resource Manager's too, on the same pipeline.
  for (const r of arms)
    expect([r.name, apiOf(r)?.surface]).toEqual([r.name, r.name.startsWith('arm-az-') ? 'az-shim' : 'arm']);
  const tunnelled = await call('POST', jobUrl('tunnel'), undefined, { 'x-http-method': 'DELETE' });
  expect(tunnelled.status).toBe(405);
  expect(((await tunnelled.json()) as { error: { code: string } }).error.code).toBe('MethodNotAllowed');
  for (const method of ['HEAD', 'OPTIONS']) {
    const res = await call(method, jobUrl('tunnel'));
    expect([method, res.status]).toEqual([method, 405]);
    expect(res.headers.get('x-ms-request-id')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  }
});
