import type { ApiVersion } from './versions';
import type { Drive, DriveState, Job, JobState, JobSummary } from '../../import-export/model/model';
import type { EntityRef } from './odata';

const TRANSFERRED_JOB: readonly JobState[] = ['Transferring', 'Packaging', 'Completed', 'Closed'];
const TRANSFERRED_DRIVE: readonly DriveState[] = [
  'Transferring',
  'Completed',
  'CompletedMoreInfo',
  'ShippedBack',
];

/** A Faulted job or drive shows what belongs to the state it was in. */
const jobStage = (j: JobSummary): JobState => (j.State === 'Faulted' ? (j.FaultedFrom ?? j.State) : j.State);
const driveStage = (d: Drive): DriveState => (d.State === 'Faulted' ? (d.FaultedFrom ?? d.State) : d.State);

/** Spreads a property only when it is set (docs/contract/import-export.md#a6: optional properties appear only when set). */
const opt = <K extends string, V>(name: K, value: V | undefined): Partial<Record<K, V>> =>
  (value === undefined ? {} : { [name]: value }) as Partial<Record<K, V>>;

export const jobRef = (name: string): EntityRef => ({ type: 'Job', id: name, editPath: `jobs/${name}` });

/** Get Job's `Properties`, in the order of seed 000; `StorageAccountKey`/`ContainerSas` never appear. */
export function jobProperties(
  j: JobSummary,
  version: ApiVersion,
  withCreatedTime = false,
): Record<string, unknown> {
  return {
    Location: j.Location,
    Type: j.Type,
    ...opt('FriendlyName', j.FriendlyName),
    ...opt('Description', j.Description),
    ...opt('Metadata', j.Metadata),
    State: j.State,
    CancelRequested: j.CancelRequested,
    ...opt('PercentComplete', TRANSFERRED_JOB.includes(jobStage(j)) ? (j.PercentComplete ?? 0) : undefined),
    ...opt('ReturnAddress', j.ReturnAddress),
    ...opt('ReturnShipping', j.ReturnShipping),
    ShippingInformation: j.ShippingInformation,
    ...opt('DeliveryPackage', j.DeliveryPackage),
    ...opt('ReturnPackage', j.ReturnPackage),
    [version === '2014-05-01' ? 'ImportExportStatesContainer' : 'ImportExportStatesPath']:
      j.ImportExportStatesPath,
    EnableVerboseLog: j.EnableVerboseLog,
    BackupDriveManifest: j.BackupDriveManifest,
    ...opt('IncompleteBlobListUri', j.Type === 'Export' ? j.IncompleteBlobListUri : undefined),
    ...opt('CreatedTime', withCreatedTime ? j.CreatedTime : undefined),
  };
}

/** A drive as Get Job shows it (docs/contract/import-export.md#a6). */
export function driveProperties(d: Drive, type: Job['Type']): Record<string, unknown> {
  const transferred = TRANSFERRED_DRIVE.includes(driveStage(d));
  const keyVisible = type === 'Import' || d.State === 'ShippedBack';
  return {
    DriveId: d.DriveId,
    ...opt('BitLockerKey', keyVisible ? d.BitLockerKey : undefined),
    ...opt('ManifestFile', d.ManifestFile),
    ...opt('ManifestHash', d.ManifestHash),
    State: d.State,
    ...opt('CopyStatus', transferred ? d.CopyStatus : undefined),
    ...opt('PercentComplete', transferred ? (d.PercentComplete ?? 0) : undefined),
    ...opt('VerboseLogUri', d.VerboseLogUri),
    ...opt('ErrorLogUri', d.ErrorLogUri),
    ...opt('ManifestUri', d.ManifestUri),
  };
}

/** The body of Get Job without OData framing: Name, Properties, DriveList (when any), Export. */
export function jobBody(j: Job, version: ApiVersion): Record<string, unknown> {
  return {
    Name: j.Name,
    Properties: jobProperties(j, version),
    ...opt(
      'DriveList',
      j.DriveList.length > 0 ? j.DriveList.map((d) => driveProperties(d, j.Type)) : undefined,
    ),
    ...opt('Export', j.Type === 'Export' ? j.Export : undefined),
  };
}
