import { errorLogOf, type BlobResult } from '../../shared/import-export/datacenter/drive-log';
import { driveBlobName, incompleteListName, stamp } from '../../shared/import-export/datacenter/blob-names';
import { recoveryPassword } from '../../shared/import-export/datacenter/recovery-key';
import { isRecoveryPassword } from '../../shared/surfaces/classic-import-export/wire/put-job.schema';

const clean: BlobResult = {
  BlobPath: 'pictures/a.jpg',
  FilePath: '\\a.jpg',
  Length: 10,
  Status: 'Completed',
  ImportDisposition: { Status: 'Created' },
  Blocks: [{ Offset: 0, Length: 10, Status: 'Completed' }],
};

describe('the error log keeps only warnings and errors (reference §7)', () => {
  it('drops successful blobs', () => {
    expect(errorLogOf({ DriveId: 'D', Blobs: [clean], Status: 'Completed' }).Blobs).toEqual([]);
  });

  it('keeps a failed blob with only its failed blocks and page ranges', () => {
    const failed: BlobResult = {
      ...clean,
      Status: 'CompletedWithErrors',
      Blocks: [
        { Offset: 0, Length: 5, Status: 'Completed' },
        { Offset: 5, Length: 5, Status: 'Corrupted' },
      ],
      Metadata: { Status: 'Completed' },
      Properties: { Status: 'XmlReadFailed', Path: { Path: '\\a.props' } },
    };
    const { Metadata: _ok, ...rest } = failed;
    const kept = errorLogOf({ DriveId: 'D', Blobs: [clean, failed], Status: 'CompletedWithErrors' }).Blobs;
    expect(kept).toEqual([{ ...rest, Blocks: [{ Offset: 5, Length: 5, Status: 'Corrupted' }] }]);
  });

  it('keeps a blob whose only fault is a failed block', () => {
    const b = { ...clean, Blocks: [{ Offset: 0, Length: 10, Status: 'IOFailed' as const }] };
    expect(errorLogOf({ DriveId: 'D', Blobs: [b], Status: 'CompletedWithErrors' }).Blobs).toHaveLength(1);
  });

  it.each(['Renamed', 'Skipped', 'Cancelled'] as const)('keeps a %s blob as a warning', (Status) => {
    const b = { ...clean, ImportDisposition: { Status } };
    const [kept] = errorLogOf({ DriveId: 'D', Blobs: [b], Status: 'CompletedWithWarnings' }).Blobs;
    expect(kept?.ImportDisposition?.Status).toBe(Status);
    expect(kept).not.toHaveProperty('Blocks');
  });

  it('drops an overwritten blob: overwriting is what the customer asked for', () => {
    const b = { ...clean, ImportDisposition: { Status: 'Overwritten' as const } };
    expect(errorLogOf({ DriveId: 'D', Blobs: [b], Status: 'Completed' }).Blobs).toEqual([]);
  });
});

describe('names of the blobs under waies/ (docs/contract/import-export.md#b3)', () => {
  const at = new Date('2013-09-21T03:43:07.902Z');
  it('stamps yyyyMMdd-HHmmss-fff in UTC', () => expect(stamp(at)).toBe('20130921-034307-902'));
  it.each([
    ['error', 'waies/myjob_9WM35C2V_20130921-034307-902_error.xml'],
    ['verbose', 'waies/myjob_9WM35C2V_20130921-034307-902_verbose.xml'],
    ['manifest', 'waies/myjob_9WM35C2V_20130921-034307-902_manifest.xml'],
  ] as const)('names the %s blob like the reference', (kind, name) =>
    expect(driveBlobName('myjob', '9WM35C2V', kind, at)).toBe(name),
  );
  it('names the incomplete blob list', () =>
    expect(incompleteListName('myjob', at)).toBe('waies/myjob_20130921-034307-902_incomplete-blobs.xml'));
});

describe('export BitLocker keys are recovery passwords', () => {
  it('has 8 groups of 6 digits, each 11 times a 16-bit value', () => {
    const values = [0, 1, 65535, 42, 7, 8, 9, 10];
    let i = 0;
    const key = recoveryPassword(() => values[i++]!);
    expect(key).toBe('000000-000011-720885-000462-000077-000088-000099-000110');
    expect(isRecoveryPassword(key)).toBe(true);
  });

  it('asks the random source for values below 65536', () => {
    const asked: number[] = [];
    recoveryPassword((max) => (asked.push(max), 0));
    expect(asked).toEqual(Array(8).fill(65536));
  });
});
