import { randomUUID } from 'node:crypto';
import { OpenApiContract } from '../support/openapi-contract';
import { startArmService, type ArmService } from '../support/arm';

/** The `az` login shim (docs/arm-import-export.md#g2): off by default, and its four routes when on. */
let on: ArmService;
let contract: OpenApiContract;
beforeAll(async () => {
  on = await startArmService({ ARM_AZ_SHIM: 'true' });
  contract = new OpenApiContract((await (await fetch(`${on.plain}/openapi.json`)).json()) as any);
});
afterAll(() => on.stop());

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

async function tokenFor(arm: ArmService, objectId: string): Promise<string> {
  const res = await arm.operator('POST', '/dev-tokens', { ObjectId: objectId, TenantId: TENANT });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A GET, checked against the OpenAPI document; answers status and body. */
async function get(arm: ArmService, path: string, token?: string) {
  const res = await fetch(`${arm.plain}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  expect([path, await contract.problems(res.clone(), 'GET')]).toEqual([path, []]);
  return { status: res.status, body: (await res.json()) as any };
}

it('is off unless ARM_AZ_SHIM=true: every shim route is ARM’s 404', async () => {
  const off = on;
  const token = await tokenFor(off, await off.grant());
  const config = on.svc.rt.config.arm as { azShim: boolean };
  expect(config.azShim).toBe(true);
  config.azShim = false;
  try {
    for (const path of [
      '/metadata/endpoints?api-version=2022-09-01',
      '/tenants?api-version=2022-12-01',
      '/subscriptions?api-version=2022-12-01',
      `/subscriptions/${off.svc.sub}/resourcegroups/rg1?api-version=2022-09-01`,
    ]) {
      const { status, body } = await get(off, path, token);
      expect([path, status, body.error.code]).toEqual([path, 404, 'NotFound']);
    }
  } finally {
    config.azShim = true;
  }
});

it('answers the cloud metadata without a token: where to log in, the audience, this service as ARM', async () => {
  const { status, body } = await get(on, '/metadata/endpoints?api-version=2022-09-01');
  expect(status).toBe(200);
  expect(body).toEqual({
    authentication: {
      loginEndpoint: 'https://login.microsoftonline.com/',
      audiences: ['api://importexport'],
    },
    resourceManager: `${on.plain}/`,
  });
});

it('answers the token’s tenant, and 401 without a token', async () => {
  expect((await get(on, '/tenants?api-version=2022-12-01')).status).toBe(401);
  const token = await tokenFor(on, await on.grant());
  const { status, body } = await get(on, '/tenants?api-version=2022-12-01', token);
  expect([status, body]).toEqual([200, { value: [{ id: `/tenants/${TENANT}`, tenantId: TENANT }] }]);
});

it('lists exactly the subscriptions granted to the caller, and none to a stranger', async () => {
  const oid = await on.grant('Reader');
  const other = randomUUID();
  expect(
    (await on.operator('PUT', `/subscriptions/${other}/principals/${oid}`, { Role: 'Contributor' })).status,
  ).toBe(201);
  const { status, body } = await get(on, '/subscriptions?api-version=2022-12-01', await tokenFor(on, oid));
  expect(status).toBe(200);
  expect(body.value).toEqual(
    [on.svc.sub, other].sort().map((s) => ({
      id: `/subscriptions/${s}`,
      subscriptionId: s,
      displayName: s,
      state: 'Enabled',
      tenantId: TENANT,
    })),
  );
  const stranger = await get(on, '/subscriptions?api-version=2022-12-01', await tokenFor(on, randomUUID()));
  expect(stranger.body).toEqual({ value: [] });
});

it('answers a resource group of a granted subscription with the first open location; 403 ungranted, 400 malformed', async () => {
  const token = await tokenFor(on, await on.grant('Reader'));
  const path = `/subscriptions/${on.svc.sub}/resourcegroups/myGroup?api-version=2022-09-01`;
  expect(await get(on, path, token)).toEqual({
    status: 200,
    body: { id: `/subscriptions/${on.svc.sub}/resourceGroups/myGroup`, name: 'myGroup', location: 'westus' },
  });
  const stranger = await get(on, path, await tokenFor(on, randomUUID()));
  expect([stranger.status, stranger.body.error.code]).toEqual([403, 'AuthorizationFailed']);
  const bad = await get(on, '/subscriptions/not-a-guid/resourcegroups/g?api-version=2022-09-01', token);
  expect([bad.status, bad.body.error.code]).toEqual([400, 'InvalidSubscriptionId']);
});

it('leaves the Microsoft.ImportExport routes under /subscriptions as they were', async () => {
  const token = await tokenFor(on, await on.grant());
  const res = await fetch(
    `${on.plain}/subscriptions/${on.svc.sub}/providers/Microsoft.ImportExport/jobs?api-version=2021-01-01`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  expect([res.status, await res.json()]).toEqual([200, { value: [] }]);
});
