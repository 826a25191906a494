import type { Drive, Job } from '../../shared/import-export/model/model';
import {
  driveProperties,
  jobBody,
  jobProperties,
  jobRef,
} from '../../shared/surfaces/classic-import-export/job-presenter';
import { entity, feed, serialize } from '../../shared/surfaces/classic-import-export/odata';

const job: Job = {
  SubscriptionId: 's',
  Name: 'MyJob',
  StorageAccountName: 'acct',
  Type: 'Import',
  Location: 'West US',
  ShippingInformation: { Name: 'R', Address: 'A' },
  State: 'Creating',
  CancelRequested: false,
  Credential: { Kind: 'StorageAccountKey', Key: 'secret-key' },
  ImportExportStatesPath: 'waimportexport',
  EnableVerboseLog: false,
  BackupDriveManifest: false,
  DriveList: [
    {
      DriveId: 'D1',
      BitLockerKey: 'key',
      ManifestFile: '\\m.xml',
      ManifestHash: 'AB',
      State: 'Specified',
      CopyStatus: 'InProgress',
      PercentComplete: 5,
    },
  ],
  CreatedTime: '2026-01-01T00:00:00.000Z',
  ClockStart: '2026-01-01T00:00:00.000Z',
};
const BASE = 'https://host/sub/services/importexport';

describe('the job presenter (docs/contract/import-export.md#a6)', () => {
  it('shows the always-present properties and no optional one that is not set', () => {
    expect(jobProperties(job, '2014-11-01')).toEqual({
      Location: 'West US',
      Type: 'Import',
      State: 'Creating',
      CancelRequested: false,
      ShippingInformation: { Name: 'R', Address: 'A' },
      ImportExportStatesPath: 'waimportexport',
      EnableVerboseLog: false,
      BackupDriveManifest: false,
    });
  });

  it('never shows the credential', () => {
    expect(JSON.stringify(jobBody(job, '2014-11-01'))).not.toContain('secret-key');
  });

  it('names the states location after the version', () => {
    expect(jobProperties(job, '2014-05-01')).toHaveProperty('ImportExportStatesContainer', 'waimportexport');
    expect(jobProperties(job, '2014-05-01')).not.toHaveProperty('ImportExportStatesPath');
  });

  it('shows PercentComplete from Transferring on, also while Faulted from there', () => {
    expect(jobProperties(job, '2014-11-01')).not.toHaveProperty('PercentComplete');
    expect(
      jobProperties({ ...job, State: 'Transferring', PercentComplete: 40 }, '2014-11-01'),
    ).toHaveProperty('PercentComplete', 40);
    expect(
      jobProperties({ ...job, State: 'Faulted', FaultedFrom: 'Packaging' }, '2014-11-01'),
    ).toHaveProperty('PercentComplete', 0);
    expect(
      jobProperties({ ...job, State: 'Faulted', FaultedFrom: 'Shipping' }, '2014-11-01'),
    ).not.toHaveProperty('PercentComplete');
  });

  it('shows IncompleteBlobListUri for exports only, and CreatedTime only in lists', () => {
    expect(jobProperties({ ...job, IncompleteBlobListUri: 'u' }, '2014-11-01')).not.toHaveProperty(
      'IncompleteBlobListUri',
    );
    expect(
      jobProperties({ ...job, Type: 'Export', IncompleteBlobListUri: 'u' }, '2014-11-01'),
    ).toHaveProperty('IncompleteBlobListUri', 'u');
    expect(jobProperties(job, '2014-11-01', true)).toHaveProperty('CreatedTime', job.CreatedTime);
  });

  it("shows a drive's copy details from Transferring on, and an export drive's key only once shipped back", () => {
    const d: Drive = job.DriveList[0]!;
    expect(driveProperties(d, 'Import')).toEqual({
      DriveId: 'D1',
      BitLockerKey: 'key',
      ManifestFile: '\\m.xml',
      ManifestHash: 'AB',
      State: 'Specified',
    });
    expect(driveProperties({ ...d, State: 'Transferring' }, 'Import')).toMatchObject({
      CopyStatus: 'InProgress',
      PercentComplete: 5,
    });
    expect(driveProperties({ ...d, State: 'Received' }, 'Export')).not.toHaveProperty('BitLockerKey');
    expect(driveProperties({ ...d, State: 'ShippedBack' }, 'Export')).toHaveProperty('BitLockerKey', 'key');
  });

  it('leaves DriveList out when there are no drives and echoes Export for exports', () => {
    const exp: Job = { ...job, Type: 'Export', DriveList: [], Export: { BlobListBlobPath: 'c1c/list.xml' } };
    expect(jobBody(exp, '2014-11-01')).not.toHaveProperty('DriveList');
    expect(jobBody(exp, '2014-11-01')).toHaveProperty('Export', { BlobListBlobPath: 'c1c/list.xml' });
  });
});

describe('OData JSON Light framing (docs/contract/import-export.md#a3)', () => {
  const props = { Name: 'MyJob' };
  it('frames an entity per metadata level', () => {
    expect(
      Object.keys(entity({ level: 'minimalmetadata', base: BASE }, 'Jobs', jobRef('MyJob'), props)),
    ).toEqual(['odata.metadata', 'odata.id', 'odata.editLink', 'Name']);
    const full = entity({ level: 'fullmetadata', base: BASE }, 'Jobs', jobRef('MyJob'), props);
    expect(full).toMatchObject({
      'odata.type': 'Microsoft.Cis.Services.ImportExport.Public.Job',
      'odata.editLink': `${BASE}/jobs/MyJob`,
    });
    expect(entity({ level: 'nometadata', base: BASE }, 'Jobs', jobRef('MyJob'), props)).toEqual(props);
  });

  it('frames a feed with a string count and a next link', () => {
    const f = feed(
      { level: 'minimalmetadata', base: BASE },
      'Jobs',
      [{ ref: jobRef('A'), props }],
      `${BASE}/next`,
    );
    expect(f).toMatchObject({
      'odata.metadata': `${BASE}/$metadata#Microsoft.Cis.Services.ImportExport.Public.ImportExportData.Jobs`,
      'odata.count': '1',
      'odata.nextLink': `${BASE}/next`,
    });
    const bare = feed(
      { level: 'nometadata', base: BASE },
      'Jobs',
      [{ ref: jobRef('A'), props }],
      `${BASE}/next`,
    );
    expect(Object.keys(bare)).toEqual(['value', 'odata.nextLink']);
  });

  it('escapes slashes as the classic service did', () => {
    expect(serialize({ a: 'x/y' })).toBe('{"a":"x\\/y"}');
    expect(JSON.parse(serialize({ a: 'x/y' }))).toEqual({ a: 'x/y' });
  });
});
