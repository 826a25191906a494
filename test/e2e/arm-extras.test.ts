import { randomUUID } from 'node:crypto';
import { armImportBody, startArmService, type ArmService } from '../support/arm';

/** docs/arm-import-export.md#c3 (client tenant), #c8 (audit), #i (allowedActions), through the service's own log. */
const lines: string[] = [];
let arm: ArmService;
let oid: string;
let token: string;
beforeAll(async () => {
  arm = await startArmService({}, { log: (l) => lines.push(l) });
  oid = await arm.grant();
  token = await arm.token(oid);
});
afterAll(() => arm.stop());

const NIL = '00000000-0000-0000-0000-000000000000';
const jobUrl = (name: string) =>
  `${arm.plain}/subscriptions/${arm.svc.sub}/resourceGroups/extras/providers/Microsoft.ImportExport/jobs/${name}?api-version=2021-01-01`;
const call = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
const logged = (event: string) => lines.filter((l) => l.includes(` ${event} {`));

it('logs the client request id and correlation id of every request with its own request id', async () => {
  const res = await call('GET', jobUrl('nosuch'), undefined, {
    'x-ms-client-request-id': 'client-7',
    'x-ms-correlation-request-id': 'corr-7',
  });
  expect(res.status).toBe(404);
  const line = logged('request').find((l) => l.includes('client-7'));
  expect(JSON.parse(line!.slice(line!.indexOf('{')))).toEqual({
    event: 'request',
    requestId: res.headers.get('x-ms-request-id'),
    clientRequestId: 'client-7',
    correlationRequestId: 'corr-7',
  });
});

it("logs x-ms-client-tenant-id, warning when it is not the token's tenant, and never authorises by it", async () => {
  const other = randomUUID();
  const res = await call('PUT', jobUrl('tenantA'), armImportBody(arm.svc.sub), {
    'x-ms-client-tenant-id': other,
  });
  expect(res.status).toBe(201);
  const warned = logged('clientTenantIdMismatch');
  expect(warned).toHaveLength(1);
  expect(warned[0]).toMatch(/^\[warning\]/);
  expect(JSON.parse(warned[0]!.slice(warned[0]!.indexOf('{')))).toMatchObject({
    event: 'clientTenantIdMismatch',
    clientTenantId: other,
    tokenTenantId: NIL,
  });
  expect(
    (await call('PUT', jobUrl('tenantB'), armImportBody(arm.svc.sub), { 'x-ms-client-tenant-id': NIL }))
      .status,
  ).toBe(201);
  expect(logged('clientTenantIdMismatch')).toHaveLength(1);
  expect(logged('clientTenantId')[0]).toMatch(/^\[information\]/);
});

it('audits listBitLockerKeys in the log as one structured line, never the keys', async () => {
  expect((await call('PUT', jobUrl('audited'), armImportBody(arm.svc.sub))).status).toBe(201);
  const res = await call('POST', jobUrl('audited').replace('?', '/listBitLockerKeys?'));
  const keys = ((await res.json()) as { value: { bitLockerKey: string }[] }).value;
  expect(keys).toHaveLength(1);
  const audit = logged('listBitLockerKeys');
  expect(audit).toHaveLength(1);
  expect(JSON.parse(audit[0]!.slice(audit[0]!.indexOf('{')))).toEqual({
    event: 'listBitLockerKeys',
    subscriptionId: arm.svc.sub,
    resourceGroup: 'extras',
    job: 'audited',
    principal: oid,
    requestId: res.headers.get('x-ms-request-id'),
  });
  expect(lines.join('\n')).not.toContain(keys[0]!.bitLockerKey);
});

it('answers allowedActions on single jobs, following the state, and not on list items', async () => {
  const created = (await (await call('PUT', jobUrl('actions'), armImportBody(arm.svc.sub))).json()) as any;
  expect(created.properties.allowedActions).toEqual([
    'updateTags',
    'ship',
    'cancel',
    'updateReturnAddress',
    'updateReturnShipping',
    'updateLogLevel',
    'updateBackupDriveManifest',
    'updateDeliveryPackage',
    'updateDriveList',
    'delete',
  ]);
  const shipped = (await (
    await call('PATCH', jobUrl('actions'), {
      properties: {
        state: 'Shipping',
        deliveryPackage: { carrierName: 'FedEx', trackingNumber: 'EXTRAS-1', driveCount: 1 },
      },
    })
  ).json()) as any;
  expect(shipped.properties.allowedActions).toEqual([
    'updateTags',
    'cancel',
    'updateReturnAddress',
    'updateReturnShipping',
    'updateLogLevel',
    'updateBackupDriveManifest',
    'updateDeliveryPackage',
  ]);
  const list = (await (await call('GET', jobUrl('actions').replace('/actions?', '?'))).json()) as any;
  expect(list.value[0].properties).not.toHaveProperty('allowedActions');
});
