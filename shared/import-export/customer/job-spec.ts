import { ImportExportError } from '../model/errors';
import { checkExportSelection } from '../model/export-paths';
import type { Location, Locations } from '../model/locations';
import { isClosed, shippingInformationOf } from '../model/locations';
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

const DEFAULT_DIAGNOSTICS_PATH = 'waimportexport';
const MAX_DRIVES = 10;

/** Classic's one-line address: the six parts `;`-joined (docs/arm-import-export.md#d1). */
export const classicAddressOf = (a: AddressParts): ReturnAddress => ({
  Name: a.RecipientName,
  Address: [a.StreetAddress1, a.StreetAddress2, a.City, a.StateOrProvince, a.PostalCode, a.CountryOrRegion]
    .map((p) => p ?? '')
    .join(';'),
  Phone: a.Phone,
  Email: a.Email,
});

/** A location that is closed lists alternates without itself (docs/arm-import-export.md#c1). */
function openLocation(locations: Locations, name: string): Location {
  const location = locations.findAny(name);
  if (!location) {
    throw new ImportExportError(
      'InvalidLocation',
      `The location '${name}' is not a known location.`,
      'location',
    );
  }
  const alternates = location.AlternateLocations ?? [];
  if (isClosed(location)) {
    throw new ImportExportError(
      'LocationClosed',
      `The location '${location.Name}' takes no new jobs; use one of: ${alternates.join(', ')}.`,
      alternates.join(','),
    );
  }
  return location;
}

/** The drive list of an import, checked (docs/arm-import-export.md#c3). */
export function checkDrives(type: JobType, drives: readonly DriveSpec[] | undefined): Job['DriveList'] {
  const list = drives ?? [];
  if (type === 'Export') {
    if (list.length > 0) {
      throw new ImportExportError(
        'InvalidDriveList',
        'An export job has no driveList: its drives are registered when they arrive.',
        'properties.driveList',
      );
    }
    return [];
  }
  if (list.length === 0 || list.length > MAX_DRIVES) {
    throw new ImportExportError(
      'InvalidDriveList',
      'An import job needs a driveList of 1 to 10 drives.',
      'properties.driveList',
    );
  }
  const seen = new Set<string>();
  return list.map((d, i) => {
    const id = d.DriveId.toUpperCase();
    if (seen.has(id)) {
      throw new ImportExportError(
        'InvalidDriveList',
        `Drive '${d.DriveId}' appears twice.`,
        `properties.driveList[${i}].driveId`,
      );
    }
    seen.add(id);
    if (d.BitLockerKey === undefined) {
      throw new ImportExportError(
        'InvalidDriveList',
        'An import drive needs its bitLockerKey.',
        `properties.driveList[${i}].bitLockerKey`,
      );
    }
    return {
      DriveId: d.DriveId,
      BitLockerKey: d.BitLockerKey,
      ManifestFile: d.ManifestFile,
      ManifestHash: d.ManifestHash.toUpperCase(),
      DriveHeaderHash: d.DriveHeaderHash ?? '',
      State: 'Specified' as const,
    };
  });
}

/** A new job from its spec; pure, the clock and the location set come in. */
export function buildJob(
  spec: JobSpec,
  at: Placement,
  locations: Locations,
  author: Author,
  now: Date,
  clientTenantId?: string,
): Job {
  const location = openLocation(locations, spec.location);
  const DriveList = checkDrives(spec.type, spec.drives);
  if (spec.type === 'Import' && spec.export !== undefined) {
    throw new ImportExportError(
      'InvalidExportBlobList',
      'An import job has no export member.',
      'properties.export',
    );
  }
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
    ImportExportStatesPath: spec.statesPath ?? DEFAULT_DIAGNOSTICS_PATH,
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
    Authorship: {
      CreatedBy: author.name,
      CreatedByType: author.type,
      LastModifiedBy: author.name,
      LastModifiedByType: author.type,
      LastModifiedAt: iso,
    },
    ...(clientTenantId && { ClientTenantId: clientTenantId }),
    Origin: 'arm',
  };
}
