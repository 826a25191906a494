/** The classic documents' own samples (seed 003 Put Job, seed 000 Get Job), with helpers to vary them. */
export const SAMPLE_ACCOUNT_KEY =
  'SaXzhgVbqJ32nhPSibJAO5pe8z6G2rPhrsFGZW52kAnJxegjw9U9Lucw9AljfFRlWCpIo4gsB6Ecl+eRoGvd/A==';

export const sampleDrives = () => [
  {
    DriveId: '1W0F9LV1',
    BitLockerKey: '259358-100188-581471-154165-090552-296406-410091-426844',
    ManifestFile: '\\DriveManifest.xml',
    ManifestHash: 'B306C4B34DAA0E99957A4B9C779D2FA2',
  },
  {
    DriveId: '9WM3NZFS',
    BitLockerKey: '360294-634645-210485-401192-415272-513568-389334-516043',
    ManifestFile: '\\DriveManifest.xml',
    ManifestHash: 'DDBEDA902DABD438D2C40B2744C64B1D',
  },
];

/** Seed 003's Put Job sample body, for `account` (the sample's is xttest). */
export function samplePutJob(name = 'MySampleJob', account = 'xttest'): Record<string, unknown> {
  return {
    'odata.type': 'Microsoft.Cis.Services.ImportExport.Public.Job',
    'odata.id': name,
    'odata.editLink': `https://management.core.windows.net/afb1a4eb-bc88-4ce1-b1af-dfec80067464/services/importexport/jobs/${name}`,
    Name: name,
    Properties: {
      StorageAccountName: account,
      StorageAccountKey: SAMPLE_ACCOUNT_KEY,
      Location: 'South Central US',
      Type: 'Import',
      FriendlyName: 'A sample job using Windows Azure Import/Export service.',
      Description: 'Optional more detailed description about this job.',
      ReturnAddress: {
        Name: 'John Doe',
        Address: 'One Microsoft Way, Redmond, WA 98052',
        Phone: '1-800-000-0000',
        Email: 'johndoe@outlook.com',
      },
      EnableVerboseLog: true,
      BackupDriveManifest: true,
    },
    DriveList: sampleDrives(),
  };
}

/** A minimal export job body. */
export function exportJob(name: string, selection: unknown = { BlobList: { BlobPathPrefix: ['/'] } }) {
  return {
    Name: name,
    Properties: { StorageAccountKey: SAMPLE_ACCOUNT_KEY, Location: 'West US', Type: 'Export' },
    Export: selection,
  };
}
