import { customerHeaders } from '../support/fuzz/customer-calls';
import { customerRequest } from '../support/fuzz/customer-requests';
import { customerFixture } from '../support/fuzz/fixtures';
import { fuzz, reportCodes } from '../support/fuzz/harness';
import { StoreSnapshot } from '../support/fuzz/store-snapshot';
import { startService, type TestService } from '../support/service';

/**
 * docs/contract/import-export.md#d5 on the customer API: generated bad requests (test/support/fuzz/), each answered with a
 * well-formed 4xx, none changing the store. FUZZ_SEED and FUZZ_REQUESTS: see harness.ts.
 */
let svc: TestService;
beforeAll(async () => {
  svc = await startService({ ACTIVE_JOB_LIMIT: '4' });
});
afterAll(() => svc.stop());

it('answers 1,500 bad requests each with a well-formed 4xx, and the store stays byte for byte the same', async () => {
  const { f, watched } = await customerFixture(svc);
  const report = await fuzz(
    { origin: svc.url, defaults: customerHeaders(f), snapshot: new StoreSnapshot(svc.rt, watched) },
    customerRequest(f),
    1500,
  );
  reportCodes('customer', report);
  expect(report.sent).toBeGreaterThanOrEqual(1500);
  // The requests reach every layer: headers, authentication, paths, bodies, rules, conditions.
  expect([...report.codes.keys()]).toEqual(
    expect.arrayContaining([
      'MissingOrIncorrectVersionHeader',
      'NotAcceptable',
      'UnsupportedMediaType',
      'InvalidHeaderValue',
      'InvalidHttpVerb',
      'InvalidQueryParameterValue',
      'AuthenticationFailed',
      'InvalidSubscriptionId',
      'InvalidStorageAccountName',
      'InvalidJobName',
      'ResourceNotFound',
      'MethodNotAllowed',
      'InvalidRequestBody',
      'MultipleConditionHeadersNotSupported',
      'ConditionNotMet',
      'ActiveJobQuotaExceeded',
      'JobAlreadyExists',
      'InvalidJobState',
      'ShippingInformationIncomplete',
      'InvalidCancelRequestedValue',
      'JobNameMismatch',
    ]),
  );
}, 300_000);
