import fc from 'fast-check';
import { DEFAULT_LOCATIONS } from '../../../shared/import-export/model/locations';
import { exportJob, samplePutJob } from '../samples';
import type { BodySpec } from './body-defects';
import { anyText, textOfLength } from './values';

/** The bodies of Put Job and Update Job Properties (docs/contract/import-export.md#a5, #a7), valid and broken. */

const RETURN_ADDRESS = { Name: 'N', Address: 'A', Phone: '1', Email: 'e@x' };
const KNOWN_LOCATIONS = DEFAULT_LOCATIONS.map((l) => l.Name.toLowerCase());

/** A valid Put Job body for `name` on `account`: the seed's import, or an export. */
export const validPut = (name: string, account: string) =>
  fc.oneof(fc.constant(samplePutJob(name, account)), fc.constant(exportJob(name) as Record<string, unknown>));

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
/** Eight groups of six digits, one of them not a multiple of 11 (or too large): never a recovery password. */
const badRecoveryPassword = fc
  .tuple(fc.array(digits(6), { minLength: 8, maxLength: 8 }), fc.nat(7))
  .map(([groups, i]) => {
    const g = Number(groups[i]);
    groups[i] = String(g % 11 === 0 ? (g + 1) % 1_000_000 : g).padStart(6, '0');
    if (Number(groups[i]) % 11 === 0) groups[i] = '000001';
    return groups.join('-');
  });

const drive = (DriveId: string) => ({ ...(samplePutJob().DriveList as object[])[0], DriveId });

export const PUT_SPEC = (name: string, account: string): BodySpec => ({
  valid: validPut(name, account),
  required: [['Properties'], ['Properties', 'Location'], ['Properties', 'Type']],
  limits: [
    [['Properties', 'FriendlyName'], 256],
    [['Properties', 'Description'], 1024],
    [['Properties', 'Metadata'], 1024],
    [['Properties', 'ReturnAddress', 'Phone'], 64],
    [['Properties', 'ReturnAddress', 'Address'], 1024],
  ],
  bad: [
    [['Name'], fc.stringMatching(/^Other[A-Za-z0-9]{1,10}$/)],
    [['Properties', 'StorageAccountName'], fc.constantFrom('otheraccount', 'XTTEST', 'x')],
    [['Properties', 'Type'], anyText(10).filter((t) => !/^(import|export)$/i.test(t))],
    [['Properties', 'Location'], anyText(20).filter((l) => !KNOWN_LOCATIONS.includes(l.toLowerCase()))],
    [
      ['Properties', 'StorageAccountKey'],
      fc
        .oneof(
          fc.uint8Array({ minLength: 1, maxLength: 100 }).filter((b) => b.length !== 64),
          fc.constant(new Uint8Array(0)),
        )
        .map((b) => Buffer.from(b).toString('base64')),
    ],
    [
      ['Properties', 'ContainerSas'],
      fc.constantFrom('c?sv=2014-02-14&sp=rwdl&sig=x', 'no-question-mark', '?sig=x'),
    ],
    [
      ['Properties', 'ImportExportStatesPath'],
      fc.constantFrom('UPPER', 'a', 'two--hyphens', '$root', 'x'.repeat(64)),
    ],
    [['Properties', 'ImportExportStatesContainer'], fc.constant('waimportexport')],
    [['Properties', 'ReturnAddress'], fc.constantFrom({}, { ...RETURN_ADDRESS, Name: '' }, { Name: 'N' })],
    [
      ['DriveList'],
      fc.constantFrom(
        Array.from({ length: 11 }, (_, i) => drive(`D${i}`)),
        [drive('A'), drive('a')],
      ),
    ],
    [
      ['DriveList', 0, 'DriveId'],
      fc.oneof(fc.constantFrom('', 'has space', 'dräve', 'a_b'), textOfLength(65, 100)),
    ],
    [['DriveList', 0, 'BitLockerKey'], fc.oneof(badRecoveryPassword, fc.constantFrom('', '123456'))],
    [['DriveList', 0, 'ManifestHash'], fc.oneof(digits(31), digits(33), fc.constant('G'.repeat(32)))],
    [['Export'], fc.constantFrom({}, { BlobList: {} }, { BlobList: { BlobPath: ['nocontainer'] } })],
  ],
});

/** A valid Update Job Properties body: some of the properties of docs/contract/import-export.md#a7. */
export const validPatch = fc
  .record(
    {
      FriendlyName: anyText(20),
      Description: anyText(20),
      Metadata: anyText(20),
      ReturnAddress: fc.constant(RETURN_ADDRESS),
      ReturnShipping: fc.constant({ CarrierName: 'DHL', CarrierAccountNumber: '42' }),
      EnableVerboseLog: fc.boolean(),
      BackupDriveManifest: fc.boolean(),
      CancelRequested: fc.constant(true),
    },
    { requiredKeys: [] },
  )
  .map((Properties) => ({ Properties }));

export const PATCH_SPEC: BodySpec = {
  valid: validPatch.map((b) => ({
    ...b,
    Properties: {
      ...b.Properties,
      DeliveryPackage: { CarrierName: 'FedEx', TrackingNumber: 'TN-NEW-1', DriveCount: 1 },
    },
  })),
  required: [['Properties'], ['Properties', 'DeliveryPackage', 'CarrierName']],
  limits: [
    [['Properties', 'DeliveryPackage', 'TrackingNumber'], 128],
    [['Properties', 'DeliveryPackage', 'ShipDate'], 128],
  ],
  bad: [
    [['Name'], fc.stringMatching(/^Other[A-Za-z0-9]{1,10}$/)],
    [['Properties', 'State'], fc.jsonValue().filter((v) => v !== 'Shipping')],
    [['Properties', 'CancelRequested'], fc.jsonValue().filter((v) => v !== true)],
    [['Properties', 'DeliveryPackage', 'DriveCount'], fc.constantFrom(-1, 1.5, 1001, 1e21)],
    [['Properties', 'Location'], fc.constant('West US')],
    [['Properties', 'DriveList'], fc.constant([])],
  ],
};
