import type { BlobItem, DatacenterDeps } from './ports';
import type { BlobResult } from './drive-log';
import { ImportExportError } from '../model/errors';
import type { CopyStatus, Drive, Job } from '../model/model';

/** What the datacenter reports when a drive's copy ends (docs/contract/import-export.md#b1-complete). */
export interface CompletionReport {
  CopyStatus: CopyStatus;
  /** The drive's manifest, as text. */
  Manifest?: string;
  Blobs?: BlobResult[];
}

export interface CheckedCompletion {
  /** The drive's CopyStatus from now on. */
  copyStatus: CopyStatus;
  /** The log's `<Status>`: the CopyStatus, or BlobRequestForbidden (reference §7). */
  logStatus: string;
  /** Whether the copy ran: a drive whose manifest or selection failed the service's checks copied nothing. */
  copied: boolean;
}

const RAN: readonly CopyStatus[] = ['Completed', 'CompletedWithWarnings', 'CompletedWithErrors'];

const failed = (copyStatus: CopyStatus, logStatus: string = copyStatus): CheckedCompletion => ({
  copyStatus,
  logStatus,
  copied: false,
});

/** docs/arm-import-export.md#d1: the hash's length names its algorithm, 64 digits SHA-256, else MD5. */
function manifestMatches(deps: Pick<DatacenterDeps, 'digestHex'>, manifest: string, hash?: string): boolean {
  const expected = hash?.toUpperCase();
  const algorithm = expected?.length === 64 ? 'sha256' : 'md5';
  return deps.digestHex(algorithm, manifest) === expected;
}

/**
 * The service's own checks of a completion (docs/contract/import-export.md#b): an import drive's manifest must have the digest
 * of its ManifestHash (MD5, or SHA-256 for 64 digits) (else ManifestCorrupted), be a drive manifest (else ManifestFormatInvalid)
 * and name the drive (else ManifestDriveIdMismatch); an export whose selection could not be read
 * ends BlobListFormatInvalid, or with errors when storage denied access (the log says
 * BlobRequestForbidden, which Get Job's CopyStatus list does not have). `synthetic` (the sandbox's
 * advance) skips the manifest checks: no real manifest exists to match the customer's hash.
 */
export function checkCompletion(
  deps: Pick<DatacenterDeps, 'digestHex' | 'formats'>,
  job: Job,
  drive: Drive,
  report: CompletionReport,
  synthetic = false,
): CheckedCompletion {
  const manifest = report.Manifest;
  if (job.Type === 'Export' && job.ExportPlan?.Failure === 'BlobListFormatInvalid')
    return failed('BlobListFormatInvalid');
  if (job.Type === 'Export' && job.ExportPlan?.Failure === 'BlobRequestForbidden')
    return failed('CompletedWithErrors', 'BlobRequestForbidden');
  if (!synthetic && job.Type === 'Import' && manifest === undefined && RAN.includes(report.CopyStatus)) {
    throw new ImportExportError(
      'InvalidRequestBody',
      "An import drive's completion carries its Manifest, which the service verifies.",
      'Manifest',
    );
  }
  if (!synthetic && manifest !== undefined) {
    if (job.Type === 'Import' && !manifestMatches(deps, manifest, drive.ManifestHash))
      return failed('ManifestCorrupted');
    const id = deps.formats.manifestDriveId(manifest);
    if (id === undefined) return failed('ManifestFormatInvalid');
    if (id.toUpperCase() !== drive.DriveId.toUpperCase()) return failed('ManifestDriveIdMismatch');
  }
  return { copyStatus: report.CopyStatus, logStatus: report.CopyStatus, copied: true };
}

/** An exported blob's clean log entry (the sandbox's synthetic copy). */
export function exportedBlob(item: BlobItem): BlobResult {
  const path = `${item.container}/${item.name}`;
  return {
    BlobPath: path,
    FilePath: `\\${path.replace(/\//g, '\\')}`,
    ...(item.snapshot !== undefined && { Snapshot: item.snapshot }),
    Length: item.length,
    ...(item.lastModified !== undefined && { LastModified: item.lastModified }),
    Status: 'Completed',
  };
}
