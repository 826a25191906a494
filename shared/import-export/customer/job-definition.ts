import { isAccountKey, parseContainerSas } from '../model/container-sas';
import { ServiceError } from '../../kernel/errors';
import { checkExportSelection } from '../model/export-paths';
import type { Locations } from '../model/locations';
import { shippingInformationOf } from '../model/locations';
import type { Credential, Drive, Job, JobType, ReturnAddress, ReturnShipping } from '../model/model';
import { isContainerName } from '../model/names';

export type ApiVersion = '2014-05-01' | '2014-11-01';

/** A Put Job body as the wire schema delivers it (shared/schemas/put-job.schema.ts). */
export interface JobDefinition {
  Name?: string;
  Properties: {
    StorageAccountName?: string;
    StorageAccountKey?: string;
    ContainerSas?: string;
    Location: string;
    Type: JobType;
    FriendlyName?: string;
    Description?: string;
    Metadata?: string;
    ReturnAddress?: ReturnAddress;
    ReturnShipping?: ReturnShipping;
    ImportExportStatesPath?: string;
    ImportExportStatesContainer?: string;
    EnableVerboseLog?: boolean;
    BackupDriveManifest?: boolean;
  };
  DriveList?: { DriveId: string; BitLockerKey: string; ManifestFile: string; ManifestHash: string }[];
  Export?: { BlobList?: { BlobPath?: string[]; BlobPathPrefix?: string[] }; BlobListBlobPath?: string };
}

export interface JobAddress {
  subscriptionId: string;
  storageAccountName: string;
  jobName: string;
}

export const DEFAULT_STATES_PATH = 'waimportexport';
const MAX_DRIVES = 10;

const unsupported = (property: string, version: ApiVersion) =>
  new ServiceError(
    'PropertyNotSupportedInVersion',
    `${property} is not supported in version ${version}.`,
    `Properties.${property}`,
  );

function credentialOf(p: JobDefinition['Properties'], type: JobType, now: Date): Credential {
  if (p.StorageAccountKey !== undefined && p.ContainerSas !== undefined) {
    throw new ServiceError(
      'ConflictingStorageCredential',
      'Give either StorageAccountKey or ContainerSas, not both.',
    );
  }
  if (p.StorageAccountKey !== undefined) {
    if (!isAccountKey(p.StorageAccountKey)) {
      throw new ServiceError(
        'InvalidRequestBody',
        'StorageAccountKey is not a storage account key (the base64 of 64 bytes).',
        'Properties.StorageAccountKey',
      );
    }
    return { Kind: 'StorageAccountKey', Key: p.StorageAccountKey };
  }
  if (p.ContainerSas !== undefined) return parseContainerSas(p.ContainerSas, type, now);
  throw new ServiceError('MissingStorageCredential', 'A job needs StorageAccountKey or ContainerSas.');
}

/** SPEC A.5: with a key the states path is a container; with a SAS, a virtual directory in it. */
function statesPathOf(p: JobDefinition['Properties'], credential: Credential): string {
  const path = p.ImportExportStatesPath ?? p.ImportExportStatesContainer ?? DEFAULT_STATES_PATH;
  const field =
    p.ImportExportStatesPath !== undefined ? 'ImportExportStatesPath' : 'ImportExportStatesContainer';
  const valid =
    credential.Kind === 'StorageAccountKey'
      ? isContainerName(path) && path !== '$root'
      : /^[^\\?#/]+(\/[^\\?#/]+)*$/.test(path) && path.length <= 255;
  if (!valid) {
    const what = credential.Kind === 'StorageAccountKey' ? 'a container name' : 'a virtual directory path';
    throw new ServiceError('InvalidRequestBody', `${field} must be ${what}.`, `Properties.${field}`);
  }
  return path;
}

function drivesOf(def: JobDefinition, type: JobType): Drive[] {
  const drives = def.DriveList ?? [];
  if (type === 'Export') {
    if (drives.length > 0)
      throw new ServiceError(
        'InvalidDriveList',
        'An export job has no DriveList: its drives are registered when they arrive.',
      );
    return [];
  }
  if (drives.length === 0)
    throw new ServiceError('InvalidDriveList', 'An import job needs a DriveList of 1 to 10 drives.');
  if (drives.length > MAX_DRIVES)
    throw new ServiceError('InvalidDriveList', 'A job has at most 10 drives.', `${drives.length} drives`);
  const seen = new Set<string>();
  return drives.map((d) => {
    const id = d.DriveId.toUpperCase();
    if (seen.has(id))
      throw new ServiceError('InvalidDriveList', 'A DriveId appears twice in the DriveList.', d.DriveId);
    seen.add(id);
    return {
      DriveId: d.DriveId,
      BitLockerKey: d.BitLockerKey,
      ManifestFile: d.ManifestFile,
      ManifestHash: d.ManifestHash.toUpperCase(),
      State: 'Specified',
    };
  });
}

/**
 * Turns a Put Job body into a new job, enforcing the cross-field rules of SPEC A.5 (the wire
 * schema has already checked types and formats). Pure: the clock and the location set come in.
 */
export function defineJob(
  def: JobDefinition,
  at: JobAddress,
  version: ApiVersion,
  locations: Locations,
  now: Date,
): Job {
  const p = def.Properties;
  if (def.Name !== undefined && def.Name.toLowerCase() !== at.jobName.toLowerCase()) {
    throw new ServiceError(
      'JobNameMismatch',
      'The Name in the body differs from the job name in the URI.',
      def.Name,
    );
  }
  if (p.StorageAccountName !== undefined && p.StorageAccountName !== at.storageAccountName) {
    throw new ServiceError(
      'StorageAccountNameMismatch',
      'Properties.StorageAccountName differs from the storage account in the URI.',
      p.StorageAccountName,
    );
  }
  if (version === '2014-05-01') {
    if (p.ContainerSas !== undefined) throw unsupported('ContainerSas', version);
    if (p.ImportExportStatesPath !== undefined) throw unsupported('ImportExportStatesPath', version);
  } else if (p.ImportExportStatesContainer !== undefined) {
    throw unsupported('ImportExportStatesContainer', version);
  }
  const location = locations.find(p.Location);
  if (!location)
    throw new ServiceError(
      'InvalidLocation',
      `"${p.Location}" is not a known location; List Locations names them.`,
      p.Location,
    );
  const credential = credentialOf(p, p.Type, now);
  const statesPath = statesPathOf(p, credential);
  const drives = drivesOf(def, p.Type);
  if (p.Type === 'Import' && def.Export !== undefined) {
    throw new ServiceError('InvalidExportBlobList', 'An import job has no Export selection.');
  }
  const selection = p.Type === 'Export' ? checkExportSelection(def.Export ?? {}, credential) : undefined;
  const iso = now.toISOString();
  return {
    SubscriptionId: at.subscriptionId,
    Name: at.jobName,
    StorageAccountName: at.storageAccountName,
    Type: p.Type,
    Location: location.Name,
    ShippingInformation: shippingInformationOf(location),
    State: 'Creating',
    CancelRequested: false,
    ...(p.FriendlyName !== undefined && { FriendlyName: p.FriendlyName }),
    ...(p.Description !== undefined && { Description: p.Description }),
    ...(p.Metadata !== undefined && { Metadata: p.Metadata }),
    ...(p.ReturnAddress && { ReturnAddress: p.ReturnAddress }),
    ...(p.ReturnShipping && { ReturnShipping: p.ReturnShipping }),
    Credential: credential,
    ImportExportStatesPath: statesPath,
    EnableVerboseLog: p.EnableVerboseLog ?? false,
    BackupDriveManifest: p.BackupDriveManifest ?? false,
    DriveList: drives,
    ...(selection && { Export: selection }),
    CreatedTime: iso,
    ClockStart: iso,
  };
}
