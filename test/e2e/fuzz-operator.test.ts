import { operatorFixture } from '../support/fuzz/fixtures';
import { fuzz, reportCodes } from '../support/fuzz/harness';
import { operatorRequest } from '../support/fuzz/operator-requests';
import { StoreSnapshot } from '../support/fuzz/store-snapshot';
import { startService, type TestService } from '../support/service';

/**
 * docs/contract/import-export.md#d5 on the operator API: generated bad requests (test/support/fuzz/), each answered with a
 * well-formed 4xx, none changing the store or the customer's blobs. FUZZ_SEED and FUZZ_REQUESTS:
 * see harness.ts.
 */
let svc: TestService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(() => svc.stop());

it('answers 1,000 bad requests each with a well-formed 4xx, and the store stays byte for byte the same', async () => {
  const { f, watched } = await operatorFixture(svc);
  const report = await fuzz(
    { origin: svc.url, defaults: { 'x-operator-key': f.key }, snapshot: new StoreSnapshot(svc.rt, watched) },
    operatorRequest(f),
    1000,
  );
  reportCodes('operator', report);
  expect(report.sent).toBeGreaterThanOrEqual(1000);
  expect([...report.codes.keys()]).toEqual(
    expect.arrayContaining([
      'AuthenticationFailed',
      'InvalidHeaderValue',
      'InvalidHttpVerb',
      'UnsupportedMediaType',
      'MethodNotAllowed',
      'InvalidSubscriptionId',
      'InvalidJobName',
      'InvalidCertificate',
      'InvalidQueryParameterValue',
      'InvalidRequestBody',
      'ResourceNotFound',
      'InvalidJobState',
    ]),
  );
}, 300_000);
