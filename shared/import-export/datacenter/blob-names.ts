/**
 * Names of the blobs the service writes under the job's states location (docs/contract/import-export.md#b3), relative to
 * it: the storage adapter puts them in the states container (key) or beneath the SAS container's
 * states directory (SAS).
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `yyyyMMdd-HHmmss-fff`, in UTC, as in the reference's `myjob_9WM35C2V_20130921-034307-902_error.xml`. */
export function stamp(at: Date): string {
  return (
    `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}-` +
    `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}-` +
    pad(at.getUTCMilliseconds(), 3)
  );
}

export type DriveBlobKind = 'error' | 'verbose' | 'manifest';

export const driveBlobName = (job: string, driveId: string, kind: DriveBlobKind, at: Date): string =>
  `waies/${job}_${driveId}_${stamp(at)}_${kind}.xml`;

export const incompleteListName = (job: string, at: Date): string =>
  `waies/${job}_${stamp(at)}_incomplete-blobs.xml`;
