import { createServer, type Server, type Socket } from 'node:net';
import { startAzurite, type Azurite } from '../../local-host/azurite';
import { CUSTOMER1 } from '../support/customer-blobs';
import { manifestFor, uniqueName } from '../support/datacenter';
import { lifecycle } from '../support/lifecycle';
import { extendedCode, startService, type TestService } from '../support/service';

/**
 * Issue 15, items 2 and 3: every wait on a storage service has a deadline. The service's own
 * storage frozen (its Azurite stopped with SIGSTOP: connections are accepted, nothing answers)
 * costs a request 503 with Retry-After within about 10 s; the customer's storage black-holed (a
 * TCP server that accepts and never answers) costs an operator action 502 within the deadline
 * CUSTOMER_STORAGE_TIMEOUT_MS sets.
 */
const elapsed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const from = Date.now();
  const result = await run();
  return [result, Date.now() - from];
};

describe("the service's own storage frozen", () => {
  let azurite: Azurite;
  let svc: TestService;
  let frozen = false;
  beforeAll(async () => {
    azurite = await startAzurite();
    svc = await startService({ AzureWebJobsStorage: azurite.connectionString, STORAGE_TIMEOUT_MS: '8000' });
  });
  afterAll(async () => {
    if (frozen) process.kill(azurite.pid, 'SIGCONT');
    await svc.stop();
    await azurite.stop();
  });

  it('answers 503 ServiceUnavailable with Retry-After within 10 s, for reads and writes alike', async () => {
    const { putImport, jobPath } = lifecycle(() => svc);
    const name = uniqueName('Frozen');
    await putImport(CUSTOMER1.name, CUSTOMER1.key, name, ['F1']);
    process.kill(azurite.pid, 'SIGSTOP');
    frozen = true;
    const calls = [
      () => svc.call('GET', `/storageaccounts/${CUSTOMER1.name}/jobs`),
      () => svc.call('GET', jobPath(CUSTOMER1.name, name)),
      () => svc.call('PATCH', jobPath(CUSTOMER1.name, name), { body: { Properties: { Description: 'x' } } }),
    ];
    const answers = await Promise.all(calls.map((c) => elapsed(c)));
    for (const [res, ms] of answers) {
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(await extendedCode(res)).toBe('ServiceUnavailable');
      expect(ms).toBeLessThan(10_500);
    }
    process.kill(azurite.pid, 'SIGCONT');
    frozen = false;
    expect((await svc.call('GET', jobPath(CUSTOMER1.name, name))).status).toBe(200);
  }, 30_000);
});

describe("the customer's storage black-holed", () => {
  let hole: Server;
  const sockets = new Set<Socket>();
  let svc: TestService;
  beforeAll(async () => {
    hole = createServer((s) => {
      sockets.add(s);
      s.on('error', () => undefined);
    });
    await new Promise<void>((ok) => hole.listen(0, '127.0.0.1', ok));
    const port = (hole.address() as { port: number }).port;
    svc = await startService({
      CUSTOMER_BLOB_ENDPOINT: `http://127.0.0.1:${port}/{account}`,
      CUSTOMER_STORAGE_TIMEOUT_MS: '2000',
    });
  });
  afterAll(async () => {
    await svc.stop();
    for (const s of sockets) s.destroy();
    await new Promise((ok) => hole.close(ok));
  });

  it('an import completion that cannot write its logs answers 502 within the deadline, the job unchanged', async () => {
    const { putImport, customerMarksShipping, operator, opPath, getJob } = lifecycle(() => svc);
    const name = uniqueName('Hole');
    await putImport(CUSTOMER1.name, CUSTOMER1.key, name, ['B1']);
    await customerMarksShipping(CUSTOMER1.name, name);
    await operator('POST', opPath(name, '/receive'), { Drives: [{ DriveId: 'B1' }] });
    await operator('POST', opPath(name, '/drives/B1/start'));
    const before = await getJob(CUSTOMER1.name, name);
    for (const action of ['/drives/B1/complete', '/advance']) {
      const [res, ms] = await elapsed(() =>
        svc.operator(
          'POST',
          opPath(name, action),
          action === '/advance' ? undefined : { CopyStatus: 'Completed', Manifest: manifestFor('B1').xml },
        ),
      );
      expect(res.status).toBe(502);
      expect(await extendedCode(res)).toBe('StorageWriteFailed');
      expect(ms).toBeLessThan(4_000);
    }
    expect(await getJob(CUSTOMER1.name, name)).toEqual(before);
  }, 30_000);

  it('an export receive that cannot list the selection answers 502 within the deadline', async () => {
    const { opPath, putExport, customerMarksShipping } = lifecycle(() => svc);
    const name = uniqueName('HoleExp');
    await putExport(CUSTOMER1.name, CUSTOMER1.key, name, ['/pics/']);
    await customerMarksShipping(CUSTOMER1.name, name);
    const [res, ms] = await elapsed(() =>
      svc.operator('POST', opPath(name, '/receive'), { Drives: [{ DriveId: 'E1', CapacityBytes: 100 }] }),
    );
    expect(res.status).toBe(502);
    expect(ms).toBeLessThan(4_000);
  }, 30_000);
});
