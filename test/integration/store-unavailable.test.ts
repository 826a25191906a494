import { samplePutJob } from '../support/samples';
import { extendedCode, startService, type TestService } from '../support/service';

/** docs/contract/import-export.md#d6: a store that cannot be reached is 503 with Retry-After, never a 500. */
let svc: TestService;
beforeAll(async () => {
  const dead =
    'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1';
  // The certificate is registered by startService through the store, so the dead store is swapped in after.
  svc = await startService();
  const { createRuntime, setRuntime } = await import('../../shared/app/runtime');
  const rt = createRuntime({
    ...svc.rt.config,
    storage: { kind: 'connectionString', connectionString: dead },
  });
  // Keep authentication working (cached for this certificate), so the request reaches the store.
  await svc.call('GET', '/storageaccounts/xttest/jobs/Warm');
  Object.assign(rt, { authenticator: svc.rt.authenticator });
  setRuntime(rt);
});
afterAll(() => svc.stop());

it('answers 503 ServiceUnavailable with Retry-After when the store is down', async () => {
  for (const res of [
    await svc.call('GET', '/storageaccounts/xttest/jobs/Any'),
    await svc.call('PUT', '/storageaccounts/xttest/jobs/Any', { body: samplePutJob('Any') }),
  ]) {
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await extendedCode(res)).toBe('ServiceUnavailable');
  }
});
