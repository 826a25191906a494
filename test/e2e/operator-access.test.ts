import { randomUUID } from 'node:crypto';
import { SAMPLE_ACCOUNT_KEY } from '../support/samples';
import { OpenApiContract } from '../support/openapi-contract';
import { startService, type TestService } from '../support/service';

/**
 * Grants and registered credentials (docs/arm-import-export.md#e2, #f1) are PUT to create or
 * replace: 201 for a new one, 200 for a replaced one, both as the OpenAPI document says, and the
 * replacement is what is read back.
 */
let svc: TestService;
let contract: OpenApiContract;

beforeAll(async () => {
  svc = await startService();
  contract = new OpenApiContract(
    (await (await fetch(`${svc.url}/openapi.json`)).json()) as Record<string, unknown>,
  );
});

afterAll(() => svc.stop());

async function put(path: string, body: unknown, status: number): Promise<Response> {
  const res = await svc.operator('PUT', path, body);
  expect(res.status).toBe(status);
  expect(await contract.problems(res.clone(), 'PUT')).toEqual([]);
  return res;
}

it('a grant put again is 200 and replaces the role', async () => {
  const path = `/subscriptions/${svc.sub}/principals/${randomUUID()}`;
  await put(path, { Role: 'Reader' }, 201);
  expect(await (await put(path, { Role: 'Contributor' }, 200)).json()).toMatchObject({ Role: 'Contributor' });
  expect(await (await svc.operator('GET', path)).json()).toMatchObject({ Role: 'Contributor' });
});

it('a credential registered again is 200, as the document says', async () => {
  const path = `/subscriptions/${svc.sub}/storageaccounts/replaced1/credential`;
  await put(path, { StorageAccountKey: SAMPLE_ACCOUNT_KEY }, 201);
  await put(path, { StorageAccountKey: SAMPLE_ACCOUNT_KEY }, 200);
});
