import { z } from 'zod';
import {
  BlobListSchema,
  ReturnAddressSchema,
  ReturnShippingSchema,
} from '../../../import-export/model/model';
import { coded, JobTypeInput } from './common.schema';

/** BitLocker recovery passwords: 8 groups of 6 digits, each a multiple of 11 below 720896. */
export const isRecoveryPassword = (key: string): boolean =>
  /^\d{6}(-\d{6}){7}$/.test(key) &&
  key.split('-').every((group) => Number(group) % 11 === 0 && Number(group) < 720896);

const DriveInputSchema = z
  .strictObject({
    DriveId: z
      .string()
      .refine(
        (s) => /^[A-Za-z0-9-]{1,64}$/.test(s),
        coded('InvalidDriveList', 'A DriveId has 1 to 64 letters, digits and hyphens, without spaces.'),
      )
      .meta({ pattern: '^[A-Za-z0-9-]{1,64}$', description: 'Unique within the job.' }),
    BitLockerKey: z
      .string()
      .refine(
        isRecoveryPassword,
        coded(
          'InvalidDriveList',
          'A BitLockerKey is a BitLocker recovery password: 8 groups of 6 digits, each a multiple of 11.',
        ),
      )
      .meta({
        pattern: '^\\d{6}(-\\d{6}){7}$',
        description: 'A BitLocker recovery password: 8 groups of 6 digits, each a multiple of 11.',
      }),
    ManifestFile: z.string().min(1).max(1024),
    ManifestHash: z
      .string()
      .refine(
        (s) => /^[0-9A-Fa-f]{32}$/.test(s),
        coded('InvalidDriveList', 'A ManifestHash is the MD5 of the manifest in 32 hexadecimal digits.'),
      )
      .meta({ pattern: '^[0-9A-Fa-f]{32}$', description: 'The MD5 of the manifest (stored upper-case).' }),
  })
  .meta({
    id: 'DriveInput',
    description: 'An import drive (docs/contract/import-export.md#a5): it starts Specified.',
  });

const ExportInputSchema = z
  .strictObject({
    BlobList: BlobListSchema.optional(),
    BlobListBlobPath: z.string().optional(),
  })
  .meta({
    id: 'ExportInput',
    description:
      'Exactly one of BlobList (at least one entry, its JSON at most 32 KB) or BlobListBlobPath (a block blob holding a <BlobList> document).',
  });

/**
 * The Put Job body of seed 003 (annotations already removed). Both spellings of the states
 * location are accepted here; which one the request's x-ms-version allows is a rule of the domain.
 */
export const PutJobBodySchema = z
  .strictObject({
    Name: z.string().optional(),
    Properties: z.strictObject({
      StorageAccountName: z.string().optional(),
      StorageAccountKey: z.string().optional(),
      ContainerSas: z.string().optional(),
      Location: z.string(),
      Type: JobTypeInput.meta({ description: 'Import or Export, in any case.', examples: ['Import'] }),
      FriendlyName: z.string().max(256).optional(),
      Description: z.string().max(1024).optional(),
      Metadata: z.string().max(1024).optional(),
      ReturnAddress: ReturnAddressSchema.optional(),
      ReturnShipping: ReturnShippingSchema.optional(),
      ImportExportStatesPath: z.string().optional(),
      ImportExportStatesContainer: z.string().optional(),
      EnableVerboseLog: z.boolean().optional(),
      BackupDriveManifest: z.boolean().optional(),
    }),
    DriveList: z.array(DriveInputSchema).optional(),
    Export: ExportInputSchema.optional(),
  })
  .meta({
    id: 'PutJobBody',
    description:
      'Put Job (docs/contract/import-export.md#a5, seed 003). OData annotations (odata.type, odata.id, odata.editLink) are accepted and ignored. Exactly one of StorageAccountKey (base64 of 64 bytes) and ContainerSas (2014-11-01). ImportExportStatesPath is 2014-11-01, ImportExportStatesContainer 2014-05-01; default waimportexport. Import jobs have 1 to 10 drives and no Export; export jobs an Export and no drives.',
  });

/** Re-exported for the OpenAPI document and the Update schema. */
