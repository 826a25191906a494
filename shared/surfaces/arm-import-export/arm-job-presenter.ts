import { allowedActions } from '../../import-export/customer/allowed-actions';
import type { Drive, DriveState, Job, JobState, JobSummary } from '../../import-export/model/model';
import { TIMER_DAYS, addDays } from '../../import-export/model/timers';
import { classicAddressOf } from '../../import-export/customer/job-spec';
import { groupOf } from '../../import-export/customer/placed-jobs';
import type { ArmApiVersion } from './arm-request';

export interface ViewContext {
  subscriptionId: string;
  classicGroup: string;
  apiVersion: ArmApiVersion;
}

const TRANSFERRED_JOB: readonly JobState[] = ['Transferring', 'Packaging', 'Completed', 'Closed'];
const TRANSFERRED_DRIVE: readonly DriveState[] = [
  'Transferring',
  'Completed',
  'CompletedMoreInfo',
  'ShippedBack',
];
const stage = <S extends string>(s: { State: S | 'Faulted'; FaultedFrom?: S | undefined }) =>
  s.State === 'Faulted' ? (s.FaultedFrom ?? s.State) : s.State;

const opt = <K extends string, V>(name: K, value: V | undefined): Partial<Record<K, V>> =>
  (value === undefined ? {} : { [name]: value }) as Partial<Record<K, V>>;

const jobId = (sub: string, group: string, name: string): string =>
  `/subscriptions/${sub}/resourceGroups/${group}/providers/Microsoft.ImportExport/jobs/${name}`;

/** Classic → ARM (docs/arm-import-export.md#d1): the stored parts while they still make the address; else split. */
function returnAddressOf(j: JobSummary): Record<string, string> | undefined {
  const a = j.ReturnAddress;
  if (!a) return undefined;
  const parts = j.ReturnAddressParts;
  if (parts && JSON.stringify(classicAddressOf(parts)) === JSON.stringify(a)) {
    return {
      recipientName: parts.RecipientName,
      streetAddress1: parts.StreetAddress1,
      ...opt('streetAddress2', parts.StreetAddress2),
      city: parts.City,
      ...opt('stateOrProvince', parts.StateOrProvince),
      postalCode: parts.PostalCode,
      countryOrRegion: parts.CountryOrRegion,
      phone: parts.Phone,
      email: parts.Email,
    };
  }
  const split = a.Address.split(';');
  const [s1 = '', s2 = '', city = '', st = '', postal = '', country = ''] =
    split.length === 6 ? split : [a.Address];
  return {
    recipientName: a.Name,
    streetAddress1: s1,
    streetAddress2: s2,
    city,
    stateOrProvince: st,
    postalCode: postal,
    countryOrRegion: country,
    phone: a.Phone,
    email: a.Email,
  };
}

const packageOf = (p: NonNullable<JobSummary['DeliveryPackage']>) => ({
  carrierName: p.CarrierName,
  trackingNumber: p.TrackingNumber,
  ...opt('driveCount', p.DriveCount),
  ...opt('shipDate', p.ShipDate),
});

function shippingInformationOf(j: JobSummary, v: ArmApiVersion) {
  const [s1 = '', s2 = '', city = '', st = '', postal = '', country = ''] =
    j.ShippingInformation.Address.split(';');
  return {
    recipientName: j.ShippingInformation.Name,
    streetAddress1: s1,
    streetAddress2: s2,
    city,
    stateOrProvince: st,
    postalCode: postal,
    countryOrRegion: country,
    phone: j.ShippingPhone ?? '',
    ...(v !== '2016-11-01' && { additionalInformation: j.ShippingNotes ?? '' }),
  };
}

/** docs/arm-import-export.md#i: when the next timer rule ends the job. */
function expiresAt(j: JobSummary): string | undefined {
  const days =
    j.State === 'Creating'
      ? TIMER_DAYS.creatingDeleted
      : j.State === 'Shipping'
        ? TIMER_DAYS.shippingClosed
        : j.State === 'Completed' || j.State === 'Closed'
          ? TIMER_DAYS.finishedDeleted
          : undefined;
  return days === undefined ? undefined : addDays(j.ClockStart, days).toISOString();
}

function systemDataOf(j: JobSummary) {
  const a = j.Authorship;
  return {
    createdBy: a?.CreatedBy ?? 'management certificate',
    createdByType: a?.CreatedByType ?? 'Key',
    createdAt: j.CreatedTime,
    lastModifiedBy: a?.LastModifiedBy ?? 'management certificate',
    lastModifiedByType: a?.LastModifiedByType ?? 'Key',
    lastModifiedAt: a?.LastModifiedAt ?? j.CreatedTime,
  };
}

/** A drive as ARM shows it: never its BitLocker key (docs/arm-import-export.md#c8). */
function driveOf(d: Drive) {
  const transferred = TRANSFERRED_DRIVE.includes(stage(d));
  return {
    driveId: d.DriveId,
    manifestFile: d.ManifestFile ?? '',
    manifestHash: d.ManifestHash ?? '',
    driveHeaderHash: d.DriveHeaderHash ?? '',
    state: d.State,
    ...(transferred && {
      copyStatus: d.CopyStatus ?? '',
      percentComplete: d.PercentComplete ?? 0,
      bytesSucceeded: d.BytesSucceeded ?? 0,
    }),
    ...opt('verboseLogUri', d.VerboseLogUri),
    ...opt('errorLogUri', d.ErrorLogUri),
    ...opt('manifestUri', d.ManifestUri),
  };
}

function exportOf(j: Job) {
  const e = j.Export;
  if (!e) return {};
  if ('BlobListBlobPath' in e) return { blobListBlobPath: e.BlobListBlobPath };
  return {
    blobList: {
      ...opt('blobPath', e.BlobList.BlobPath),
      ...opt('blobPathPrefix', e.BlobList.BlobPathPrefix),
    },
  };
}

/** JobResponse (docs/arm-import-export.md#b5); list items have no driveList or export (#c7). */
export function jobResource(j: JobSummary | Job, ctx: ViewContext) {
  const group = groupOf(j, ctx.classicGroup);
  const full = 'DriveList' in j;
  return {
    id: jobId(ctx.subscriptionId, group, j.Name),
    name: j.Name,
    type: 'Microsoft.ImportExport/jobs',
    location: j.Location,
    ...opt('tags', j.Tags),
    ...(ctx.apiVersion !== '2016-11-01' && { systemData: systemDataOf(j) }),
    identity: { type: 'None' },
    properties: {
      storageAccountId:
        j.StorageAccountId ??
        `/subscriptions/${ctx.subscriptionId}/resourceGroups/${ctx.classicGroup}/providers/Microsoft.ClassicStorage/storageAccounts/${j.StorageAccountName}`,
      jobType: j.Type,
      ...opt('returnAddress', returnAddressOf(j)),
      ...opt(
        'returnShipping',
        j.ReturnShipping && {
          carrierName: j.ReturnShipping.CarrierName,
          carrierAccountNumber: j.ReturnShipping.CarrierAccountNumber,
        },
      ),
      shippingInformation: shippingInformationOf(j, ctx.apiVersion),
      ...opt('deliveryPackage', j.DeliveryPackage && packageOf(j.DeliveryPackage)),
      ...opt('returnPackage', j.ReturnPackage && packageOf(j.ReturnPackage)),
      diagnosticsPath: j.ImportExportStatesPath,
      logLevel: j.EnableVerboseLog ? 'Verbose' : 'Error',
      backupDriveManifest: j.BackupDriveManifest,
      state: j.State,
      cancelRequested: j.CancelRequested,
      ...opt('percentComplete', TRANSFERRED_JOB.includes(stage(j)) ? (j.PercentComplete ?? 0) : undefined),
      ...opt('incompleteBlobListUri', j.Type === 'Export' ? j.IncompleteBlobListUri : undefined),
      ...(full && { driveList: j.DriveList.map(driveOf) }),
      ...(full && j.Type === 'Export' && { export: exportOf(j) }),
      provisioningState: 'Succeeded',
      encryptionKey: {
        kekType: j.EncryptionKey?.KekType ?? 'MicrosoftManaged',
        ...opt('kekUrl', j.EncryptionKey?.KekUrl),
        ...opt('kekVaultResourceID', j.EncryptionKey?.KekVaultResourceId),
      },
      ...opt('expiresAt', expiresAt(j)),
      ...(full && { allowedActions: allowedActions(j) }),
    },
  };
}
