import { z } from 'zod';
import {
  BLOB_STATUSES,
  EXTRA_STATUSES,
  IMPORT_DISPOSITIONS,
  PART_STATUSES,
} from '../../../import-export/datacenter/drive-log';
import { CopyStatusSchema, PackageSchema } from '../../../import-export/model/model';

/** The bodies of the operator API (docs/contract/import-export.md#b). */
const DriveId = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,64}$/, 'A DriveId has 1 to 64 letters, digits and hyphens, without spaces.');
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const md5 = z.string().regex(/^[0-9A-Fa-f]{32}$/, 'A hash is an MD5 in 32 hexadecimal digits.');

export const ReceiveBodySchema = z
  .strictObject({
    Drives: z.array(z.strictObject({ DriveId, CapacityBytes: count.min(1).optional() })).max(10),
    ExtraDrives: z.array(DriveId).max(100).optional(),
  })
  .meta({
    id: 'ReceiveBody',
    description:
      "Import: the job's drives in the package (others become NeverReceived) and extra drives; export: the blank drives with CapacityBytes.",
  });

export const ProgressBodySchema = z
  .strictObject({
    PercentComplete: z.number().int().min(0).max(100),
    BytesSucceeded: count.optional(),
  })
  .meta({ id: 'ProgressBody', description: "A drive's copy progress; it never goes back." });

const Part = z.strictObject({
  Offset: count,
  Length: count,
  Id: z.string().max(128).optional(),
  Hash: md5.optional(),
  Status: z.enum(PART_STATUSES),
});
const FileRef = z.strictObject({ Path: z.string().min(1).max(1024), Hash: md5.optional() });
const Extra = z.strictObject({
  Status: z.enum(EXTRA_STATUSES),
  GlobalPath: FileRef.optional(),
  Path: FileRef.optional(),
});

/** A blob's result in the log file's terms (reference §7). */
const BlobResultSchema = z
  .strictObject({
    BlobPath: z.string().min(1).max(1100),
    FilePath: z.string().min(1).max(1024),
    Snapshot: z.string().max(64).optional(),
    Length: count,
    LastModified: z.string().max(64).optional(),
    Status: z.enum(BLOB_STATUSES),
    ImportDisposition: z
      .strictObject({
        Status: z.enum(IMPORT_DISPOSITIONS),
        Value: z.enum(['rename', 'no-overwrite', 'overwrite']).optional(),
      })
      .optional(),
    PageRanges: z.array(Part).optional(),
    Blocks: z.array(Part).max(50_000).optional(),
    Metadata: Extra.optional(),
    Properties: Extra.optional(),
  })
  .refine((b) => !(b.PageRanges && b.Blocks), 'A blob has PageRanges or Blocks, not both.')
  .meta({ id: 'BlobResult', description: "A blob's result in the log file's terms (reference §7)." });

export const CompleteBodySchema = z
  .strictObject({
    CopyStatus: CopyStatusSchema.exclude(['None', 'InProgress']),
    Manifest: z.string().min(1).optional(),
    Blobs: z.array(BlobResultSchema).optional(),
  })
  .meta({
    id: 'CompleteBody',
    description:
      "A drive's copy finished: its CopyStatus, the drive's manifest XML (checked against ManifestHash and DriveId), and per-blob results for the logs.",
  });

export const ShipBodySchema = z
  .strictObject({ ReturnPackage: PackageSchema })
  .meta({ id: 'ShipBody', description: 'The package the drives go back in.' });

export const FaultBodySchema = z
  .strictObject({
    Reason: z.string().min(1).max(1024),
    DriveId: DriveId.optional(),
  })
  .meta({ id: 'FaultBody', description: 'Fault the job, or one drive of it.' });

export const ResolveBodySchema = z
  .strictObject({
    State: z.string().optional(),
    DriveId: DriveId.optional(),
  })
  .meta({
    id: 'ResolveBody',
    description: 'Resolve a fault of the job or of one drive: back where it was, or to the State named.',
  });
