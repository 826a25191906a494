import { z } from 'zod';
import { CopyStatusSchema, DriveStateSchema, JobStateSchema, JobTypeSchema } from './vocabulary';

/**
 * The job model. Property names are the classic API's own (docs/contract/import-export.md#a5/#a6, the EDMX of the
 * reference), so the model, the wire and the stored shape speak one vocabulary.
 * Secrets (Credential, BitLockerKey) are plain text here; storage encrypts them (docs/contract/import-export.md#d2).
 */

export * from './vocabulary';

const text = (max: number) => z.string().min(1).max(max);

export const ReturnAddressSchema = z
  .strictObject({
    Name: text(256),
    Address: text(1024),
    Phone: text(64),
    Email: text(256),
  })
  .meta({ id: 'ReturnAddress', description: 'Where the drives go back to.' });
export type ReturnAddress = z.infer<typeof ReturnAddressSchema>;

export const ReturnShippingSchema = z
  .strictObject({
    CarrierName: text(128),
    CarrierAccountNumber: text(128),
  })
  .meta({ id: 'ReturnShipping', description: "The customer's carrier account for the return." });
export type ReturnShipping = z.infer<typeof ReturnShippingSchema>;

export const PackageSchema = z
  .strictObject({
    CarrierName: text(128),
    TrackingNumber: text(128),
    DriveCount: z.number().int().min(0).max(1000).optional(),
    ShipDate: z.string().max(128).optional(),
  })
  .meta({ id: 'Package', description: 'A package of drives: sent to the datacenter, or shipped back.' });
export type Package = z.infer<typeof PackageSchema>;

const ShippingInformationSchema = z.object({ Name: z.string(), Address: z.string() });

export const BlobListSchema = z
  .strictObject({
    BlobPath: z.array(z.string()).optional(),
    BlobPathPrefix: z.array(z.string()).optional(),
  })
  .meta({
    id: 'BlobList',
    description:
      'Blobs to export: a BlobPath starts with the container name ($root for the root container), a BlobPathPrefix with /.',
  });
export const ExportSelectionSchema = z
  .union([z.strictObject({ BlobList: BlobListSchema }), z.strictObject({ BlobListBlobPath: z.string() })])
  .meta({
    id: 'ExportSelection',
    description:
      'What an export job exports: a BlobList, or the path of a blob holding a <BlobList> XML document.',
  });
export type ExportSelection = z.infer<typeof ExportSelectionSchema>;

export const CredentialSchema = z.discriminatedUnion('Kind', [
  z.object({ Kind: z.literal('StorageAccountKey'), Key: z.string() }),
  /** `Container` is the SAS's container, `Token` the query string after the `?`. */
  z.object({ Kind: z.literal('ContainerSas'), Container: z.string(), Token: z.string() }),
]);
export type Credential = z.infer<typeof CredentialSchema>;

export const DriveSchema = z.object({
  DriveId: z.string(),
  BitLockerKey: z.string().optional(),
  ManifestFile: z.string().optional(),
  ManifestHash: z.string().optional(),
  State: DriveStateSchema,
  /** Where a Faulted drive was, so resolve can return it there (docs/contract/import-export.md#c1). */
  FaultedFrom: DriveStateSchema.optional(),
  FaultReason: z.string().optional(),
  CopyStatus: CopyStatusSchema.optional(),
  PercentComplete: z.number().int().min(0).max(100).optional(),
  /** Bytes the copy has to move and has moved: the weights of the job's PercentComplete. */
  BytesTotal: z.number().int().min(0).optional(),
  BytesSucceeded: z.number().int().min(0).optional(),
  /** Export only: the blank drive's size, as received. */
  CapacityBytes: z.number().int().min(0).optional(),
  /** Export only: how many blobs the export plan put on this drive. */
  PlannedBlobs: z.number().int().min(0).optional(),
  ErrorLogUri: z.string().optional(),
  VerboseLogUri: z.string().optional(),
  ManifestUri: z.string().optional(),
});
export type Drive = z.infer<typeof DriveSchema>;

/**
 * Export planning's outcome (docs/contract/import-export.md#b, Receive): the plan itself is a blob of the service's own
 * storage (`Blob`), since it can outgrow a Table entity; `Failure` when the selection could not be
 * read, which the drives' logs report when they complete.
 */
export const ExportPlanSchema = z.object({
  Blob: z.string().optional(),
  Failure: z.enum(['BlobRequestForbidden', 'BlobListFormatInvalid']).optional(),
  Detail: z.string().optional(),
});
export type ExportPlanRecord = z.infer<typeof ExportPlanSchema>;

const AlertSchema = z.object({ Kind: z.string(), Time: z.string(), Message: z.string() });
export type Alert = z.infer<typeof AlertSchema>;

export const JobSchema = z.object({
  /** Lower-case GUID: the job's partition. */
  SubscriptionId: z.string(),
  Name: z.string(),
  StorageAccountName: z.string(),
  Type: JobTypeSchema,
  Location: z.string(),
  ShippingInformation: ShippingInformationSchema,
  State: JobStateSchema,
  FaultedFrom: JobStateSchema.optional(),
  FaultReason: z.string().optional(),
  CancelRequested: z.boolean(),
  FriendlyName: z.string().optional(),
  Description: z.string().optional(),
  Metadata: z.string().optional(),
  ReturnAddress: ReturnAddressSchema.optional(),
  ReturnShipping: ReturnShippingSchema.optional(),
  DeliveryPackage: PackageSchema.optional(),
  ReturnPackage: PackageSchema.optional(),
  Credential: CredentialSchema,
  ImportExportStatesPath: z.string(),
  EnableVerboseLog: z.boolean(),
  BackupDriveManifest: z.boolean(),
  PercentComplete: z.number().int().min(0).max(100).optional(),
  IncompleteBlobListUri: z.string().optional(),
  DriveList: z.array(DriveSchema),
  Export: ExportSelectionSchema.optional(),
  /** Drives that arrived in the package but belong to no drive of the job (docs/contract/import-export.md#b, Receive). */
  ExtraDrives: z.array(z.string()).optional(),
  Alerts: z.array(AlertSchema).optional(),
  ExportPlan: ExportPlanSchema.optional(),
  /** ISO 8601. CreatedTime orders List Jobs; ClockStart starts the timers of docs/contract/import-export.md#c2. */
  CreatedTime: z.string(),
  ClockStart: z.string(),
});
export type Job = z.infer<typeof JobSchema>;

/** What List Jobs returns per job: no drives, no export selection, no credential (docs/contract/import-export.md#a10). */
export type JobSummary = Omit<Job, 'DriveList' | 'Export' | 'Credential'>;

/** A job as read from or written to the store, with its version. */
export interface Versioned<T> {
  value: T;
  /** The classic `W/"datetime'...'"` ETag. */
  etag: string;
  lastModified: Date;
}
