import { randomUUID } from 'node:crypto';
import { armImportBody, startArmService, type ArmService } from '../support/arm';
import { armRejectionOf } from '../support/fuzz/arm-rejection';
import { armRequest, type ArmFuzzFixture } from '../support/fuzz/arm-requests';
import { fuzz, reportCodes } from '../support/fuzz/harness';
import { StoreSnapshot } from '../support/fuzz/store-snapshot';

/**
 * The bad-input fuzzer on Resource Manager's routes: generated bad requests, each answered with a
 * well-formed ARM 4xx (docs/arm-import-export.md#b4), none changing the store.
 */
let arm: ArmService;
beforeAll(async () => {
  arm = await startArmService();
});
afterAll(() => arm.stop());

it('answers 600 bad ARM requests each with a well-formed ARM 4xx, and the store stays the same', async () => {
  const oid = await arm.grant();
  const reader = await arm.grant('Reader');
  const client = arm.client(oid);
  await client.jobs.create('fuzzCreating', 'fuzz', armImportBody(arm.svc.sub));
  await client.jobs.create('fuzzShipping', 'fuzz', armImportBody(arm.svc.sub));
  await client.jobs.update('fuzzShipping', 'fuzz', {
    state: 'Shipping',
    deliveryPackage: { carrierName: 'FedEx', trackingNumber: 'FUZZ-1', driveCount: 1, shipDate: '1/1/2026' },
  });
  const f: ArmFuzzFixture = {
    sub: arm.svc.sub,
    token: await arm.token(oid),
    stranger: await arm.token(randomUUID()),
    reader: await arm.token(reader),
    creating: 'fuzzCreating',
    shipping: 'fuzzShipping',
  };
  const report = await fuzz(
    { origin: arm.plain, defaults: {}, snapshot: new StoreSnapshot(arm.svc.rt) },
    armRequest(f),
    600,
    armRejectionOf,
  );
  reportCodes('ARM', report);
  expect([...report.codes.keys()]).toEqual(
    expect.arrayContaining([
      'MissingApiVersionParameter',
      'InvalidApiVersionParameter',
      'NoRegisteredProviderFound',
      'AuthenticationFailed',
      'InvalidAuthenticationToken',
      'AuthorizationFailed',
      'InvalidSubscriptionId',
      'InvalidResourceGroupName',
      'InvalidJobName',
      'MethodNotAllowed',
      'NotFound',
      'InvalidRequestContent',
      'InvalidLocation',
      'InvalidStorageAccountId',
      'InvalidJobType',
      'InvalidDiagnosticsPath',
      'InvalidLogLevel',
      'InvalidDriveList',
      'InvalidStateValue',
      'ShippingInformationIncomplete',
      'UnsupportedMediaType',
      'RequestBodyTooLarge',
      'JobAlreadyExists',
      'InvalidJobState',
      'ConditionNotMet',
      'ResourceNotFound',
      'InvalidQueryParameterValue',
      'InvalidFilter',
    ]),
  );
}, 300_000);
