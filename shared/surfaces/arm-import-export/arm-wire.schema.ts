import { z } from 'zod';

/**
 * Resource Manager's request bodies (docs/arm-import-export.md#b5), read leniently: unknown
 * members are dropped (unchanged clients cannot send them) and `null` means absent. Rules with a
 * code of their own (location, storageAccountId, drives...) are checked in arm-job-input.ts.
 */
const text = (max: number) => z.string().min(1).max(max);
const opt = <T extends z.ZodType>(s: T) => s.nullish().transform((v) => v ?? undefined);

const AddressWire = z.object({
  recipientName: text(256),
  streetAddress1: text(256),
  streetAddress2: opt(z.string().max(256)),
  city: text(128),
  stateOrProvince: opt(z.string().max(128)),
  postalCode: text(64),
  countryOrRegion: text(128),
  phone: text(64),
  email: text(256),
});

const ReturnShippingWire = z.object({ carrierName: text(128), carrierAccountNumber: text(128) });

const DeliveryPackageWire = z.object({
  carrierName: text(128),
  trackingNumber: text(128),
  driveCount: opt(z.number().int().min(0).max(1000)),
  shipDate: opt(z.string().max(128)),
});

const DriveWire = z.object({
  driveId: opt(z.string()),
  bitLockerKey: opt(z.string().max(256)),
  manifestFile: opt(z.string().max(1024)),
  manifestHash: opt(z.string()),
  driveHeaderHash: opt(z.string()),
});
export type DriveWireBody = z.infer<typeof DriveWire>;

const ExportWire = z.object({
  blobList: opt(z.object({ blobPath: opt(z.array(z.string())), blobPathPrefix: opt(z.array(z.string())) })),
  blobListBlobPath: opt(z.string()),
});

const EncryptionKeyWire = z.object({
  kekType: opt(z.string()),
  kekUrl: opt(z.string()),
  kekVaultResourceID: opt(z.string()),
});

/** ARM's general limits on tags (docs/arm-import-export.md#c3). */
const TagsWire = z
  .record(z.string().min(1).max(512), z.string().max(256))
  .refine((t) => Object.keys(t).length <= 50, 'a resource has at most 50 tags');

export const PutJobWire = z
  .object({
    location: opt(z.string()),
    tags: opt(TagsWire),
    properties: opt(
      z.object({
        storageAccountId: opt(z.string()),
        jobType: opt(z.string()),
        returnAddress: opt(AddressWire),
        returnShipping: opt(ReturnShippingWire),
        deliveryPackage: opt(DeliveryPackageWire),
        diagnosticsPath: opt(z.string()),
        logLevel: opt(z.string()),
        backupDriveManifest: opt(z.boolean()),
        driveList: opt(z.array(DriveWire)),
        export: opt(ExportWire),
        encryptionKey: opt(EncryptionKeyWire),
      }),
    ),
  })
  .meta({
    id: 'ArmPutJob',
    description: 'PutJobParameters: location, tags and the job properties; server-owned fields are ignored.',
  });
export type PutJobBody = z.infer<typeof PutJobWire>;

export const PatchJobWire = z
  .object({
    tags: opt(TagsWire),
    properties: opt(
      z.object({
        cancelRequested: opt(z.boolean()),
        state: opt(z.string()),
        returnAddress: opt(AddressWire),
        returnShipping: opt(ReturnShippingWire),
        deliveryPackage: opt(DeliveryPackageWire),
        logLevel: opt(z.string()),
        backupDriveManifest: opt(z.boolean()),
        driveList: opt(z.array(DriveWire)),
      }),
    ),
  })
  .meta({
    id: 'ArmUpdateJob',
    description: 'UpdateJobParameters: all-or-nothing; `state: ""` changes nothing.',
  });
export type PatchJobBody = z.infer<typeof PatchJobWire>;
