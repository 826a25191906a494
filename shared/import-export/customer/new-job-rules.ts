import { ImportExportError } from '../model/errors';
import type { Location, Locations } from '../model/locations';
import { isClosed } from '../model/locations';
import type { JobType } from '../model/model';

/** docs/contract/import-export.md#a5: the states path when a new job names none. */
export const DEFAULT_STATES_PATH = 'waimportexport';
const MAX_DRIVES = 10;

/**
 * Why a new job's input breaks a rule every surface shares, in neutral terms: fields by the
 * domain's names (`location`, `driveList[i].driveId`), never a wire's. Each surface words it
 * (classic `DriveList`, ARM `properties.driveList`); the message here is a fallback.
 */
export type NewJobFault =
  | { rule: 'unknownLocation'; location: string }
  | { rule: 'closedLocation'; location: string; requested: string; alternates: readonly string[] }
  | { rule: 'exportWithDrives' }
  | { rule: 'importWithoutDrives' }
  | { rule: 'tooManyDrives'; count: number }
  | { rule: 'duplicateDrive'; driveId: string; index: number }
  | { rule: 'missingBitLockerKey'; index: number }
  | { rule: 'importWithExport' };

const codeOf = (f: NewJobFault) => {
  switch (f.rule) {
    case 'unknownLocation':
      return 'InvalidLocation';
    case 'closedLocation':
      return 'LocationClosed';
    case 'importWithExport':
      return 'InvalidExportBlobList';
    default:
      return 'InvalidDriveList';
  }
};

/** A new job's input broke a shared rule; `fault` says which, for the surface to word. */
export class NewJobRejected extends ImportExportError {
  constructor(readonly fault: NewJobFault) {
    super(codeOf(fault), `The new job breaks the rule '${fault.rule}'.`);
  }
}

/** An open location by its name; `any` also takes short names (ARM's lookup). */
export function openLocation(locations: Locations, name: string, lookup: 'exact' | 'any'): Location {
  const location = lookup === 'any' ? locations.findAny(name) : locations.find(name);
  if (!location) throw new NewJobRejected({ rule: 'unknownLocation', location: name });
  if (isClosed(location))
    throw new NewJobRejected({
      rule: 'closedLocation',
      location: location.Name,
      requested: name,
      alternates: location.AlternateLocations ?? [],
    });
  return location;
}

interface DriveInput {
  DriveId: string;
  BitLockerKey?: string;
}

/**
 * The drive list rules of docs/contract/import-export.md#a5: an export names no drives, an import
 * 1 to 10 with distinct ids (case-insensitively) and their BitLocker keys.
 */
export function checkDriveList<D extends DriveInput>(
  type: JobType,
  drives: readonly D[] | undefined,
): (D & { BitLockerKey: string })[] {
  const list = drives ?? [];
  if (type === 'Export') {
    if (list.length > 0) throw new NewJobRejected({ rule: 'exportWithDrives' });
    return [];
  }
  if (list.length === 0) throw new NewJobRejected({ rule: 'importWithoutDrives' });
  if (list.length > MAX_DRIVES) throw new NewJobRejected({ rule: 'tooManyDrives', count: list.length });
  const seen = new Set<string>();
  return list.map((d, index) => {
    const id = d.DriveId.toUpperCase();
    if (seen.has(id)) throw new NewJobRejected({ rule: 'duplicateDrive', driveId: d.DriveId, index });
    seen.add(id);
    if (d.BitLockerKey === undefined) throw new NewJobRejected({ rule: 'missingBitLockerKey', index });
    return d as D & { BitLockerKey: string };
  });
}

/** An import selects no blobs to export. */
export function checkNoExportOnImport(type: JobType, selection: unknown): void {
  if (type === 'Import' && selection !== undefined) throw new NewJobRejected({ rule: 'importWithExport' });
}
