import { checkExportSelection } from '../model/export-paths';
import type { Locations } from '../model/locations';
import { shippingInformationOf } from '../model/locations';
import type {
  ActorType,
  AddressParts,
  EncryptionKey,
  Job,
  JobType,
  Package,
  ReturnAddress,
  ReturnShipping,
} from '../model/model';
import { DEFAULT_STATES_PATH, checkDriveList, checkNoExportOnImport, openLocation } from './new-job-rules';

/**
 * A new job as any surface describes it, in the domain's own terms: what a Resource Manager PUT
 * carries once its wire body is read (docs/arm-import-export.md#c3). Optional members are the ones
 * a body may leave out; `buildJob` fills their defaults.
 */
export interface JobSpec {
  location: string;
  storageAccountId: string;
  storageAccountName: string;
  type: JobType;
  returnAddress?: AddressParts;
  returnShipping?: ReturnShipping;
  deliveryPackage?: Package;
  statesPath?: string;
  verboseLog?: boolean;
  backupDriveManifest?: boolean;
  drives?: DriveSpec[];
  export?: { BlobList?: { BlobPath?: string[]; BlobPathPrefix?: string[] }; BlobListBlobPath?: string };
  encryptionKey?: EncryptionKey;
  tags?: Record<string, string>;
}

export interface DriveSpec {
  DriveId: string;
  BitLockerKey?: string;
  ManifestFile: string;
  ManifestHash: string;
  DriveHeaderHash?: string;
}

/** Where a job sits in Resource Manager's hierarchy. */
export interface Placement {
  subscriptionId: string;
  resourceGroup: string;
  jobName: string;
}

/** Who writes, for systemData (docs/arm-import-export.md#e5). */
export interface Author {
  name: string;
  type: ActorType;
}

/** Deep equality of stored values (JSON-shaped: key order as the code builds them). */
export const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** systemData after a customer write by `author` (docs/arm-import-export.md#e5): the creator stays. */
export const authorshipAfter = (
  job: Job | undefined,
  author: Author,
  now: Date,
): NonNullable<Job['Authorship']> => ({
  CreatedBy: job?.Authorship?.CreatedBy ?? author.name,
  CreatedByType: job?.Authorship?.CreatedByType ?? author.type,
  LastModifiedBy: author.name,
  LastModifiedByType: author.type,
  LastModifiedAt: now.toISOString(),
});

/** Classic's one-line address: the six parts `;`-joined (docs/arm-import-export.md#d1). */
export const classicAddressOf = (a: AddressParts): ReturnAddress => ({
  Name: a.RecipientName,
  Address: [a.StreetAddress1, a.StreetAddress2, a.City, a.StateOrProvince, a.PostalCode, a.CountryOrRegion]
    .map((p) => p ?? '')
    .join(';'),
  Phone: a.Phone,
  Email: a.Email,
});

/** The drive list of an import, checked (docs/arm-import-export.md#c3). */
export const checkDrives = (type: JobType, drives: readonly DriveSpec[] | undefined): Job['DriveList'] =>
  checkDriveList(type, drives).map((d) => ({
    DriveId: d.DriveId,
    BitLockerKey: d.BitLockerKey,
    ManifestFile: d.ManifestFile,
    ManifestHash: d.ManifestHash.toUpperCase(),
    DriveHeaderHash: d.DriveHeaderHash ?? '',
    State: 'Specified' as const,
  }));

/** A new job from its spec; pure, the clock and the location set come in. */
export function buildJob(
  spec: JobSpec,
  at: Placement,
  locations: Locations,
  author: Author,
  now: Date,
  clientTenantId?: string,
): Job {
  const location = openLocation(locations, spec.location, 'any');
  const DriveList = checkDrives(spec.type, spec.drives);
  checkNoExportOnImport(spec.type, spec.export);
  const Export = spec.type === 'Export' ? checkExportSelection(spec.export ?? {}, undefined) : undefined;
  const iso = now.toISOString();
  return {
    SubscriptionId: at.subscriptionId,
    Name: at.jobName,
    StorageAccountName: spec.storageAccountName,
    Type: spec.type,
    Location: location.Name,
    ShippingInformation: shippingInformationOf(location),
    ShippingPhone: location.Phone ?? '',
    ShippingNotes: location.AdditionalShippingInformation ?? '',
    State: 'Creating',
    CancelRequested: false,
    ...(spec.returnAddress && {
      ReturnAddress: classicAddressOf(spec.returnAddress),
      ReturnAddressParts: spec.returnAddress,
    }),
    ...(spec.returnShipping && { ReturnShipping: spec.returnShipping }),
    ...(spec.deliveryPackage && { DeliveryPackage: spec.deliveryPackage }),
    ImportExportStatesPath: spec.statesPath ?? DEFAULT_STATES_PATH,
    EnableVerboseLog: spec.verboseLog ?? false,
    BackupDriveManifest: spec.backupDriveManifest ?? false,
    DriveList,
    ...(Export && { Export }),
    CreatedTime: iso,
    ClockStart: iso,
    ResourceGroup: at.resourceGroup,
    ...(spec.tags && { Tags: spec.tags }),
    StorageAccountId: spec.storageAccountId,
    EncryptionKey: spec.encryptionKey ?? { KekType: 'MicrosoftManaged' },
    Authorship: authorshipAfter(undefined, author, now),
    ...(clientTenantId && { ClientTenantId: clientTenantId }),
    Origin: 'arm',
  };
}
