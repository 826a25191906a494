import { defineClassicJob } from '../support/classic-jobs';
import type { JobDefinition } from '../../shared/surfaces/classic-import-export/classic-job-input';
import { DEFAULT_LOCATIONS, Locations } from '../../shared/import-export/model/locations';
import { PutJobBodySchema } from '../../shared/surfaces/classic-import-export/wire/put-job.schema';
import { exportJob, SAMPLE_ACCOUNT_KEY, samplePutJob } from '../support/samples';

const locations = new Locations(DEFAULT_LOCATIONS);
const now = new Date('2026-01-01T00:00:00.000Z');
const at = {
  subscriptionId: 'afb1a4eb-bc88-4ce1-b1af-dfec80067464',
  storageAccountName: 'xttest',
  jobName: 'MySampleJob',
};
const SAS = 'bob?sv=2014-02-14&sr=c&sp=rwdl&sig=abc';

/** A sample body through the wire schema, then changed by `edit`. */
function def(edit: (d: any) => void = () => undefined, body: any = samplePutJob()): JobDefinition {
  const raw = structuredClone(body);
  delete raw['odata.type'];
  delete raw['odata.id'];
  delete raw['odata.editLink'];
  edit(raw);
  return PutJobBodySchema.parse(raw);
}
const define = (d: JobDefinition, version: '2014-05-01' | '2014-11-01' = '2014-11-01', a = at) =>
  defineClassicJob(d, a, version, locations, now);
const code = (c: string) => expect.objectContaining({ code: c });

describe('defineJob (docs/contract/import-export.md#a5)', () => {
  it('builds a Creating import job from the seed sample, with derived shipping information', () => {
    const job = define(def());
    expect(job).toMatchObject({
      Name: 'MySampleJob',
      StorageAccountName: 'xttest',
      Type: 'Import',
      Location: 'South Central US',
      ShippingInformation: {
        Name: 'Windows Azure Import Export Service',
        Address: '1111 First Ave;;Any City;WA;98999;USA',
      },
      State: 'Creating',
      CancelRequested: false,
      Credential: { Kind: 'StorageAccountKey', Key: SAMPLE_ACCOUNT_KEY },
      ImportExportStatesPath: 'waimportexport',
      EnableVerboseLog: true,
      BackupDriveManifest: true,
      CreatedTime: now.toISOString(),
      ClockStart: now.toISOString(),
    });
    expect(job.DriveList.map((d) => d.State)).toEqual(['Specified', 'Specified']);
  });

  it("matches names and locations case-insensitively, keeping the path spelling and the location's own", () => {
    const job = define(
      def((d) => {
        d.Name = 'mysamplejob';
        d.Properties.Location = 'south central us';
        d.Properties.Type = 'IMPORT';
      }),
    );
    expect(job.Name).toBe('MySampleJob');
    expect(job.Location).toBe('South Central US');
    expect(job.Type).toBe('Import');
  });

  it('stores ManifestHash upper-case', () => {
    const job = define(def((d) => (d.DriveList[0].ManifestHash = 'b306c4b34daa0e99957a4b9c779d2fa2')));
    expect(job.DriveList[0]!.ManifestHash).toBe('B306C4B34DAA0E99957A4B9C779D2FA2');
  });

  it.each<[string, (d: any) => void, string]>([
    ['a different Name', (d) => (d.Name = 'OtherJob'), 'JobNameMismatch'],
    [
      'a different StorageAccountName',
      (d) => (d.Properties.StorageAccountName = 'other'),
      'StorageAccountNameMismatch',
    ],
    ['an unknown location', (d) => (d.Properties.Location = 'Mars'), 'InvalidLocation'],
    ['no credential', (d) => delete d.Properties.StorageAccountKey, 'MissingStorageCredential'],
    ['both credentials', (d) => (d.Properties.ContainerSas = SAS), 'ConflictingStorageCredential'],
    [
      'a key that is not 64 bytes',
      (d) => (d.Properties.StorageAccountKey = 'c2hvcnQ='),
      'InvalidRequestBody',
    ],
    ['no drives', (d) => (d.DriveList = []), 'InvalidDriveList'],
    [
      'eleven drives',
      (d) => (d.DriveList = Array.from({ length: 11 }, (_, i) => ({ ...d.DriveList[0], DriveId: `D${i}` }))),
      'InvalidDriveList',
    ],
    [
      'a repeated DriveId',
      (d) => (d.DriveList[1].DriveId = d.DriveList[0].DriveId.toLowerCase()),
      'InvalidDriveList',
    ],
    [
      'an Export selection on an import',
      (d) => (d.Export = { BlobListBlobPath: 'a1b/list.xml' }),
      'InvalidExportBlobList',
    ],
    [
      'a states container that is not a container name',
      (d) => (d.Properties.ImportExportStatesPath = 'Bad_Name'),
      'InvalidRequestBody',
    ],
  ])('refuses %s', (_why, edit, expected) => {
    expect(() => define(def(edit))).toThrow(code(expected));
  });

  it('takes ContainerSas and ImportExportStatesPath only under 2014-11-01, ImportExportStatesContainer only under 2014-05-01', () => {
    const sasDef = def((d) => {
      delete d.Properties.StorageAccountKey;
      d.Properties.ContainerSas = SAS;
    });
    expect(define(sasDef).Credential).toEqual({
      Kind: 'ContainerSas',
      Container: 'bob',
      Token: 'sv=2014-02-14&sr=c&sp=rwdl&sig=abc',
    });
    expect(() => define(sasDef, '2014-05-01')).toThrow(code('PropertyNotSupportedInVersion'));
    expect(() =>
      define(
        def((d) => (d.Properties.ImportExportStatesPath = 'logs')),
        '2014-05-01',
      ),
    ).toThrow(code('PropertyNotSupportedInVersion'));
    expect(() => define(def((d) => (d.Properties.ImportExportStatesContainer = 'logs')))).toThrow(
      code('PropertyNotSupportedInVersion'),
    );
    expect(
      define(
        def((d) => (d.Properties.ImportExportStatesContainer = 'logs')),
        '2014-05-01',
      ).ImportExportStatesPath,
    ).toBe('logs');
  });

  it('with a SAS, takes a virtual directory as the states path', () => {
    const job = define(
      def((d) => {
        delete d.Properties.StorageAccountKey;
        d.Properties.ContainerSas = SAS;
        d.Properties.ImportExportStatesPath = 'logs/import';
      }),
    );
    expect(job.ImportExportStatesPath).toBe('logs/import');
  });

  it('builds an export job without drives, and refuses one with drives or without a selection', () => {
    const exportAt = { ...at, jobName: 'Exp1' };
    const job = define(
      def(() => undefined, exportJob('Exp1')),
      '2014-11-01',
      exportAt,
    );
    expect(job).toMatchObject({
      Type: 'Export',
      DriveList: [],
      Export: { BlobList: { BlobPathPrefix: ['/'] } },
    });
    const withDrives = def((d) => (d.DriveList = samplePutJob().DriveList), exportJob('Exp1'));
    expect(() => define(withDrives, '2014-11-01', exportAt)).toThrow(code('InvalidDriveList'));
    expect(() =>
      define(
        def((d) => delete d.Export, exportJob('Exp1')),
        '2014-11-01',
        exportAt,
      ),
    ).toThrow(code('InvalidExportBlobList'));
  });

  it('leaves optional properties out when they are not given', () => {
    const job = define(
      def((d) => {
        delete d.Properties.FriendlyName;
        delete d.Properties.Description;
        delete d.Properties.ReturnAddress;
        delete d.Properties.EnableVerboseLog;
      }),
    );
    expect(job).not.toHaveProperty('FriendlyName');
    expect(job).not.toHaveProperty('Description');
    expect(job).not.toHaveProperty('ReturnAddress');
    expect(job.EnableVerboseLog).toBe(false);
  });
});
