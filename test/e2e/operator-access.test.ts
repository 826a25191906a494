import { randomUUID } from 'node:crypto';
import { startService, type TestService } from '../support/service';

/**
 * A grant (docs/arm-import-export.md#e2) is PUT to create or replace: 201 for a new one, 200 for
 * a replaced one, and the replacement is what is read back. (A credential's replacement is
 * arm-wire.test.ts's.)
 */
let svc: TestService;

beforeAll(async () => {
  svc = await startService();
});

afterAll(() => svc.stop());

it('a grant put again is 200 and replaces the role', async () => {
  const path = `/subscriptions/${svc.sub}/principals/${randomUUID()}`;
  expect((await svc.operator('PUT', path, { Role: 'Reader' })).status).toBe(201);
  const again = await svc.operator('PUT', path, { Role: 'Contributor' });
  expect(again.status).toBe(200);
  expect(await again.json()).toMatchObject({ Role: 'Contributor' });
  expect(await (await svc.operator('GET', path)).json()).toMatchObject({ Role: 'Contributor' });
});
