import { isAccountKey, parseContainerSas } from '../model/container-sas';
import { ImportExportError } from '../model/errors';
import { checkExportSelection } from '../model/export-paths';
import type { Locations } from '../model/locations';
import { shippingInformationOf } from '../model/locations';
import type { Credential, Drive, Job, JobType, ReturnAddress, ReturnShipping } from '../model/model';
import { isContainerName } from '../model/names';
import { DEFAULT_STATES_PATH, checkDriveList, checkNoExportOnImport, openLocation } from './new-job-rules';

/**
 * A new job as any surface asks for it: the domain's own input, free of any wire's names, versions
 * or envelopes. The classic surface builds it from a Put Job body, the ARM surface from its
 * resource body; the rules of docs/contract/import-export.md#a5 that are not about the wire are
 * enforced here, once.
 */
export interface NewJob {
  Type: JobType;
  Location: string;
  /** At most one of the two credentials; neither is MissingStorageCredential. */
  StorageAccountKey?: string;
  ContainerSas?: string;
  FriendlyName?: string;
  Description?: string;
  Metadata?: string;
  ReturnAddress?: ReturnAddress;
  ReturnShipping?: ReturnShipping;
  /** The container (key) or virtual directory (SAS) for the job's logs; default waimportexport. */
  StatesPath?: string;
  /** The caller's name for StatesPath, used in error details (default ImportExportStatesPath). */
  StatesPathField?: string;
  EnableVerboseLog?: boolean;
  BackupDriveManifest?: boolean;
  DriveList?: { DriveId: string; BitLockerKey: string; ManifestFile: string; ManifestHash: string }[];
  Export?: { BlobList?: { BlobPath?: string[]; BlobPathPrefix?: string[] }; BlobListBlobPath?: string };
}

export interface JobAddress {
  subscriptionId: string;
  storageAccountName: string;
  jobName: string;
}

function credentialOf(p: NewJob, type: JobType, now: Date): Credential {
  if (p.StorageAccountKey !== undefined && p.ContainerSas !== undefined) {
    throw new ImportExportError(
      'ConflictingStorageCredential',
      'Give either StorageAccountKey or ContainerSas, not both.',
    );
  }
  if (p.StorageAccountKey !== undefined) {
    if (!isAccountKey(p.StorageAccountKey)) {
      throw new ImportExportError(
        'InvalidRequestBody',
        'StorageAccountKey is not a storage account key (the base64 of 64 bytes).',
        'Properties.StorageAccountKey',
      );
    }
    return { Kind: 'StorageAccountKey', Key: p.StorageAccountKey };
  }
  if (p.ContainerSas !== undefined) return parseContainerSas(p.ContainerSas, type, now);
  throw new ImportExportError('MissingStorageCredential', 'A job needs StorageAccountKey or ContainerSas.');
}

/** docs/contract/import-export.md#a5: with a key the states path is a container; with a SAS, a virtual directory in it. */
function statesPathOf(p: NewJob, credential: Credential): string {
  const path = p.StatesPath ?? DEFAULT_STATES_PATH;
  const field = p.StatesPathField ?? 'ImportExportStatesPath';
  const valid =
    credential.Kind === 'StorageAccountKey'
      ? isContainerName(path) && path !== '$root'
      : /^[^\\?#/]+(\/[^\\?#/]+)*$/.test(path) && path.length <= 255;
  if (!valid) {
    const what = credential.Kind === 'StorageAccountKey' ? 'a container name' : 'a virtual directory path';
    throw new ImportExportError('InvalidRequestBody', `${field} must be ${what}.`, `Properties.${field}`);
  }
  return path;
}

function drivesOf(def: NewJob, type: JobType): Drive[] {
  return checkDriveList(type, def.DriveList).map((d) => ({
    DriveId: d.DriveId,
    BitLockerKey: d.BitLockerKey,
    ManifestFile: d.ManifestFile,
    ManifestHash: d.ManifestHash.toUpperCase(),
    State: 'Specified',
  }));
}

/**
 * Turns a new job's input into a Creating job, enforcing the cross-field rules of
 * docs/contract/import-export.md#a5 (the surface's wire schema has already checked types and
 * formats). Pure: the clock and the location set come in.
 */
export function defineJob(p: NewJob, at: JobAddress, locations: Locations, now: Date): Job {
  const location = openLocation(locations, p.Location, 'exact');
  const credential = credentialOf(p, p.Type, now);
  const statesPath = statesPathOf(p, credential);
  const drives = drivesOf(p, p.Type);
  checkNoExportOnImport(p.Type, p.Export);
  const selection = p.Type === 'Export' ? checkExportSelection(p.Export ?? {}, credential) : undefined;
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
