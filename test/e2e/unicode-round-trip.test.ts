import fc from 'fast-check';
import { FUZZ_SEED } from '../support/fuzz/harness';
import { jobPath, putJob } from '../support/http-jobs';
import { startService, type TestService } from '../support/service';

/**
 * The other side of the bad-input fuzzer: any text within the limits, astral characters, control
 * characters and lone surrogates included, is accepted and read back exactly as it was written
 * (docs/contract/import-export.md#a5, #a7), in Get Job and in List Jobs, with the same seed as the fuzzer.
 */
let svc: TestService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(() => svc.stop());

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const text = (maxLength: number, minLength = 0) =>
  fc.string({
    unit: fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .constantFrom('grapheme', 'binary')
          .chain((u) => fc.string({ unit: u, minLength: 1, maxLength: 1 })),
      },
      { weight: 1, arbitrary: loneSurrogate },
      { weight: 1, arbitrary: control },
    ),
    minLength,
    maxLength,
  });
/** At most `max` characters, as the limits count them (code points). */
const within = (max: number, min = 0) =>
  text(max, min)
    .map((s) => [...s].slice(0, max).join(''))
    .filter((s) => [...s].length >= min);

it('any text within the limits is stored and read back exactly', async () => {
  const name = 'UnicodeJob';
  await putJob(svc, name);
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        FriendlyName: within(256),
        Description: within(1024),
        Metadata: within(1024),
        ReturnAddress: fc.record({
          Name: within(256, 1),
          Address: within(1024, 1),
          Phone: within(64, 1),
          Email: within(256, 1),
        }),
        ReturnShipping: fc.record({ CarrierName: within(128, 1), CarrierAccountNumber: within(128, 1) }),
        DeliveryPackage: fc.record({
          CarrierName: within(128, 1),
          TrackingNumber: within(128, 1),
          ShipDate: within(128),
        }),
      }),
      async (properties) => {
        const res = await svc.call('PATCH', jobPath(name), { body: { Properties: properties } });
        expect([res.status, await res.text()]).toEqual([200, '']);
        const got = (await (await svc.call('GET', jobPath(name))).json()) as any;
        expect(got.Properties).toMatchObject(properties);
        const listed = (await (await svc.call('GET', '/storageaccounts/xttest/jobs')).json()) as any;
        expect(listed.value[0].Properties).toMatchObject(properties);
      },
    ),
    { seed: FUZZ_SEED, numRuns: 60 },
  );
}, 120_000);

/**
 * Azurite fails every entity-group transaction of two or more operations in which a string
 * property holds U+2028 (LINE SEPARATOR) or U+2029 (PARAGRAPH SEPARATOR) raw: 500 "Transaction
 * Failed". The store writes them escaped (storage/chunks.ts), so such text round-trips too.
 */
it('text holding U+2028 or U+2029 is stored and read back exactly', async () => {
  const name = 'SeparatorJob';
  await putJob(svc, name);
  const Description = 'one\u2028two\u2029three';
  const DeliveryPackage = { CarrierName: 'Fed\u2028Ex', TrackingNumber: '12\u20293' };
  const res = await svc.call('PATCH', jobPath(name), {
    body: { Properties: { Description, DeliveryPackage } },
  });
  expect(res.status).toBe(200);
  const got = (await (await svc.call('GET', jobPath(name))).json()) as any;
  expect(got.Properties.Description).toBe(Description);
  expect(got.Properties.DeliveryPackage).toEqual(DeliveryPackage);
});
