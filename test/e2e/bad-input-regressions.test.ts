import { CUSTOMER1 } from '../support/customer-blobs';
import { uniqueName } from '../support/datacenter';
import { lifecycle } from '../support/lifecycle';
import { extendedCode, startService, type TestService } from '../support/service';

/**
 * The shrunk cases of what the bad-input fuzzer (test/e2e/fuzz-*.test.ts) found, kept as plain
 * tests: each bad request is refused with its 4xx and leaves the job exactly as it was (docs/contract/import-export.md#d5).
 */
let svc: TestService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(() => svc.stop());

const { jobPath, opPath, putImport, customerMarksShipping } = lifecycle(() => svc);

async function shippingJob(): Promise<{ name: string; etag: string }> {
  const name = uniqueName('Reg');
  await putImport(CUSTOMER1.name, CUSTOMER1.key, name, ['REG1']);
  await customerMarksShipping(CUSTOMER1.name, name);
  return { name, etag: await etagOf(name) };
}

const etagOf = async (name: string) =>
  (await svc.call('GET', jobPath(CUSTOMER1.name, name))).headers.get('etag') ?? '';

describe('bad input the fuzzer found', () => {
  it('a body nested 200,000 deep is 400 InvalidRequestBody, not 500', async () => {
    const { name, etag } = await shippingJob();
    const deep = `{"Properties":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const update = await svc.call('PATCH', jobPath(CUSTOMER1.name, name), { body: deep });
    expect(update.status).toBe(400);
    expect(await extendedCode(update)).toBe('InvalidRequestBody');
    const complete = await svc.operator('POST', opPath(name, '/drives/REG1/complete'), `[${deep}]`);
    expect(complete.status).toBe(400);
    expect(await etagOf(name)).toBe(etag);
  });

  it('an Update whose Properties hide behind a member named __proto__ is 400, and changes nothing', async () => {
    const { name, etag } = await shippingJob();
    for (const body of [
      '{"__proto__":{"Properties":{"Description":"smuggled"}}}',
      '{"__proto__":1,"Properties":{"Description":"smuggled"}}',
    ]) {
      const res = await svc.call('PATCH', jobPath(CUSTOMER1.name, name), { body });
      expect(res.status).toBe(400);
      expect(await extendedCode(res)).toBe('InvalidRequestBody');
    }
    expect(await etagOf(name)).toBe(etag);
  });

  it('OPTIONS on an operator action is 405 MethodNotAllowed, never the action (it ran as a POST)', async () => {
    const { name, etag } = await shippingJob();
    for (const rest of ['/advance', '/receive', '/fault']) {
      const res = await svc.operator(
        'OPTIONS',
        opPath(name, rest),
        rest === '/fault' ? { Reason: 'x' } : undefined,
      );
      expect(res.status).toBe(405);
      expect(await extendedCode(res)).toBe('MethodNotAllowed');
    }
    const sweep = await svc.operator('OPTIONS', '/sweep');
    expect(sweep.status).toBe(405);
    expect(await etagOf(name)).toBe(etag);
  });
});
