/**
 * The copy log of a drive (reference §7, docs/contract/import-export.md#b3): the verbose log holds every entry, the error
 * log only warnings and errors. The XML form is written by adapters/xml/drive-log-xml.ts.
 */

/** Blob statuses of the log format. */
export const BLOB_STATUSES = [
  'Completed',
  'CompletedWithErrors',
  'FileNameInvalid',
  'FileNameTooLong',
  'FileNotFound',
  'FileAccessDenied',
  'BlobRequestFailed',
  'BlobRequestForbidden',
  'RenameFailed',
  'BlobUnexpectedChange',
  'LeasePresent',
  'IOFailed',
  'Failed',
] as const;

export const IMPORT_DISPOSITIONS = ['Created', 'Renamed', 'Skipped', 'Overwritten', 'Cancelled'] as const;

/** Statuses of a page range or block. */
export const PART_STATUSES = [
  'Completed',
  'Committed',
  'Uncommitted',
  'Corrupted',
  'FileUnexpectedEnd',
  'BlobUnexpectedEnd',
  'BlobRequestFailed',
  'IOFailed',
  'Failed',
  'Cancelled',
] as const;

/** Statuses of a blob's metadata or properties. */
export const EXTRA_STATUSES = [
  'Completed',
  'FileNameInvalid',
  'FileNameTooLong',
  'FileNotFound',
  'FileAccessDenied',
  'Corrupted',
  'XmlReadFailed',
  'XmlWriteFailed',
  'BlobRequestFailed',
  'IOFailed',
  'Failed',
  'Cancelled',
] as const;

export interface PartResult {
  Offset: number;
  Length: number;
  Id?: string;
  Hash?: string;
  Status: (typeof PART_STATUSES)[number];
}

export interface FileRef {
  Path: string;
  Hash?: string;
}

export interface ExtraResult {
  Status: (typeof EXTRA_STATUSES)[number];
  GlobalPath?: FileRef;
  Path?: FileRef;
}

/** One `<Blob>` of a log. `Snapshot`/`LastModified` are export-only, `ImportDisposition` import-only. */
export interface BlobResult {
  BlobPath: string;
  FilePath: string;
  Snapshot?: string;
  Length: number;
  LastModified?: string;
  Status: (typeof BLOB_STATUSES)[number];
  ImportDisposition?: { Status: (typeof IMPORT_DISPOSITIONS)[number]; Value?: string };
  PageRanges?: PartResult[];
  Blocks?: PartResult[];
  Metadata?: ExtraResult;
  Properties?: ExtraResult;
}

export interface DriveLog {
  DriveId: string;
  Blobs: BlobResult[];
  /** The drive status: a CopyStatus, or BlobRequestForbidden (reference §7). */
  Status: string;
}

const ok = (status: string | undefined): boolean => status === undefined || status === 'Completed';

/**
 * Renamed and Skipped blobs are warnings: the blob the customer asked for was not written as
 * such. Overwritten is what `overwrite` asked for, an informational entry kept in the verbose log.
 */
const WARNING_DISPOSITIONS: readonly string[] = ['Renamed', 'Skipped', 'Cancelled'];

/** A blob entry reduced to its warnings and errors, or undefined when it has none. */
function problemsOf(b: BlobResult): BlobResult | undefined {
  const pageRanges = b.PageRanges?.filter((p) => !ok(p.Status));
  const blocks = b.Blocks?.filter((p) => !ok(p.Status));
  const metadata = ok(b.Metadata?.Status) ? undefined : b.Metadata;
  const properties = ok(b.Properties?.Status) ? undefined : b.Properties;
  const disposition = b.ImportDisposition;
  const warned = disposition !== undefined && WARNING_DISPOSITIONS.includes(disposition.Status);
  const failed =
    !ok(b.Status) || (pageRanges?.length ?? 0) > 0 || (blocks?.length ?? 0) > 0 || metadata || properties;
  if (!failed && !warned) return undefined;
  const { PageRanges: _p, Blocks: _b, Metadata: _m, Properties: _q, ...rest } = b;
  return {
    ...rest,
    ...(pageRanges && pageRanges.length > 0 && { PageRanges: pageRanges }),
    ...(blocks && blocks.length > 0 && { Blocks: blocks }),
    ...(metadata && { Metadata: metadata }),
    ...(properties && { Properties: properties }),
  };
}

/** The error log: "the same structure, but filters out successful operations" (reference §7). */
export function errorLogOf(log: DriveLog): DriveLog {
  return { ...log, Blobs: log.Blobs.flatMap((b) => problemsOf(b) ?? []) };
}
