import fc from 'fast-check';
import { DRIVE_STATES, JOB_STATES } from '../../../shared/import-export/model/model';
import type { BodySpec } from './body-defects';
import { anyText, textOfLength } from './values';

/** The bodies of the operator API (docs/contract/import-export.md#b), valid and broken. */

const driveIds = (ids: readonly string[]) => fc.subarray([...ids], { minLength: 1 });
const badDriveId = fc.oneof(fc.constantFrom('', 'has space', 'dräve', 'a_b', 'a/b'), textOfLength(65, 90));

export const receiveSpec = (ids: readonly string[]): BodySpec => ({
  valid: fc.oneof(
    driveIds(ids).map((d) => ({ Drives: d.map((DriveId) => ({ DriveId })) })),
    driveIds(ids).map((d) => ({ Drives: d.map((DriveId) => ({ DriveId })), ExtraDrives: ['STRAY-1'] })),
    fc
      .integer({ min: 1, max: 2 ** 40 })
      .map((CapacityBytes) => ({ Drives: [{ DriveId: 'BLANK-9', CapacityBytes }] })),
  ),
  required: [['Drives'], ['Drives', 0, 'DriveId']],
  limits: [],
  bad: [
    [['Drives', 0, 'DriveId'], badDriveId],
    [['Drives', 0, 'CapacityBytes'], fc.constantFrom(0, -1, 1.5, 2 ** 53)],
    [['Drives'], fc.constant(Array.from({ length: 11 }, (_, i) => ({ DriveId: `D${i}` })))],
    [['ExtraDrives'], fc.constant(Array.from({ length: 101 }, (_, i) => `X${i}`))],
    [['ExtraDrives', 0], badDriveId],
  ],
});

export const progressSpec: BodySpec = {
  valid: fc.record({ PercentComplete: fc.integer({ min: 0, max: 100 }), BytesSucceeded: fc.nat() }),
  required: [['PercentComplete']],
  limits: [],
  bad: [
    [['PercentComplete'], fc.constantFrom(-1, 101, 1.5, 1e9)],
    [['BytesSucceeded'], fc.constantFrom(-1, 0.5, 2 ** 53)],
  ],
};

const blob = {
  BlobPath: 'photos/p0.jpg',
  FilePath: '\\photos\\p0.jpg',
  Length: 1024,
  Status: 'Completed',
  ImportDisposition: { Status: 'Created' },
  Blocks: [{ Offset: 0, Length: 1024, Status: 'Completed' }],
};

export const completeSpec: BodySpec = {
  valid: fc.record({
    CopyStatus: fc.constantFrom('Completed', 'CompletedWithErrors', 'DiskNotFound'),
    Manifest: fc.constant('<?xml version="1.0"?><DriveManifest/>'),
    Blobs: fc.constant([blob]),
  }),
  required: [['CopyStatus'], ['Blobs', 0, 'BlobPath'], ['Blobs', 0, 'Length'], ['Blobs', 0, 'Status']],
  limits: [
    [['Blobs', 0, 'BlobPath'], 1100],
    [['Blobs', 0, 'FilePath'], 1024],
    [['Blobs', 0, 'Snapshot'], 64],
    [['Blobs', 0, 'Blocks', 0, 'Id'], 128],
  ],
  bad: [
    [['CopyStatus'], fc.constantFrom('None', 'InProgress', 'completed', 'Done', '')],
    [['Manifest'], fc.constant('')],
    [['Blobs', 0, 'PageRanges'], fc.constant([{ Offset: 0, Length: 512, Status: 'Completed' }])],
    [['Blobs', 0, 'Blocks', 0, 'Hash'], fc.constantFrom('xyz', 'A'.repeat(31), 'G'.repeat(32))],
    [['Blobs', 0, 'Status'], fc.constantFrom('Fine', 'completed', '')],
    [['Blobs', 0, 'ImportDisposition', 'Value'], fc.constantFrom('replace', '')],
  ],
};

const returnPackage = {
  CarrierName: 'FedEx',
  TrackingNumber: '123456789012',
  DriveCount: 1,
  ShipDate: '2024-03-01',
};

export const shipSpec: BodySpec = {
  valid: fc.constant({ ReturnPackage: returnPackage }),
  required: [['ReturnPackage'], ['ReturnPackage', 'CarrierName'], ['ReturnPackage', 'TrackingNumber']],
  limits: [
    [['ReturnPackage', 'CarrierName'], 128],
    [['ReturnPackage', 'TrackingNumber'], 128],
    [['ReturnPackage', 'ShipDate'], 128],
  ],
  bad: [[['ReturnPackage', 'DriveCount'], fc.constantFrom(-1, 1001, 2.5)]],
};

export const faultSpec: BodySpec = {
  valid: fc.record(
    { Reason: anyText(20).filter((r) => r.length > 0), DriveId: fc.constant('OPS1') },
    { requiredKeys: ['Reason'] },
  ),
  required: [['Reason']],
  limits: [[['Reason'], 1024]],
  bad: [
    [['Reason'], fc.constant('')],
    [['DriveId'], badDriveId],
  ],
};

const notAState = anyText(12).filter(
  (s) => !(JOB_STATES as readonly string[]).includes(s) && !(DRIVE_STATES as readonly string[]).includes(s),
);

export const resolveSpec: BodySpec = {
  valid: fc.record(
    { State: fc.constantFrom(...JOB_STATES), DriveId: fc.constant('OPS1') },
    { requiredKeys: [] },
  ),
  required: [],
  limits: [],
  bad: [
    [['State'], notAState],
    [['DriveId'], badDriveId],
  ],
};

export const sweepSpec: BodySpec = {
  valid: fc
    .date({ min: new Date('2100-01-01'), max: new Date('2200-01-01') })
    .map((d) => ({ Now: d.toISOString() })),
  required: [],
  limits: [],
  bad: [
    [['Now'], fc.constantFrom('2100-01-01T00:00:00', '2100-01-01', 'tomorrow', '', '2100-13-01T00:00:00Z')],
    [
      ['Now'],
      fc.date({ min: new Date('1970-01-01'), max: new Date('2020-01-01') }).map((d) => d.toISOString()),
    ],
  ],
};

export const certificateSpec = (derBase64: string): BodySpec => ({
  valid: fc.constant({ Certificate: derBase64 }),
  required: [['Certificate']],
  limits: [[['Certificate'], 64 * 1024]],
  bad: [
    [
      ['Certificate'],
      fc.oneof(
        fc.constantFrom('', 'hello', '-----BEGIN CERTIFICATE-----'),
        fc.base64String({ maxLength: 80 }),
      ),
    ],
  ],
});
