import { z } from 'zod';
import {
  CopyStatusSchema,
  DriveStateSchema,
  ExportSelectionSchema,
  JobStateSchema,
  JobTypeSchema,
  PackageSchema,
  ReturnAddressSchema,
  ReturnShippingSchema,
} from '../../../import-export/model/model';
import { lazySchema } from './common.schema';
import { odataEntity, odataFeed, odataItem } from './odata-wire.schema';

/** Jobs as the customer API answers them (docs/contract/import-export.md#a6, #a10; seeds 000/001), for the OpenAPI document. */
const percent = () => z.int().min(0).max(100);

const shippingInformationSchema = lazySchema(() =>
  z
    .strictObject({
      Name: z.string(),
      Address: z
        .string()
        .describe(
          'StreetAddress1;StreetAddress2;City;StateOrProvince;PostalCode;CountryOrRegion of the location.',
        ),
    })
    .meta({
      id: 'ShippingInformation',
      description: "Where to send the drives: derived from the job's Location.",
    }),
);

/** Get Job's `Properties`. Optional properties appear only when set; credentials never. */
export const jobPropertiesSchema = lazySchema(() =>
  z
    .strictObject({
      Location: z.string(),
      Type: JobTypeSchema,
      FriendlyName: z.string().optional(),
      Description: z.string().optional(),
      Metadata: z.string().optional(),
      State: JobStateSchema,
      CancelRequested: z.boolean(),
      PercentComplete: percent().optional().describe('From Transferring on.'),
      ReturnAddress: ReturnAddressSchema.optional(),
      ReturnShipping: ReturnShippingSchema.optional(),
      ShippingInformation: shippingInformationSchema(),
      DeliveryPackage: PackageSchema.optional().describe('The package sent to the datacenter, once given.'),
      ReturnPackage: PackageSchema.optional().describe('Once the drives were shipped back.'),
      ImportExportStatesPath: z
        .string()
        .optional()
        .describe(
          'Where logs and manifest backups go; under x-ms-version 2014-11-01 (and in operator answers).',
        ),
      ImportExportStatesContainer: z.string().optional().describe('The same under x-ms-version 2014-05-01.'),
      EnableVerboseLog: z.boolean(),
      BackupDriveManifest: z.boolean(),
      IncompleteBlobListUri: z
        .url()
        .optional()
        .describe('Export only: the blob listing what did not fit on the drives, when some did not.'),
    })
    .meta({
      id: 'JobProperties',
      description:
        "A job's properties (docs/contract/import-export.md#a6): StorageAccountKey and ContainerSas are never returned. Exactly one of ImportExportStatesPath and ImportExportStatesContainer appears, by x-ms-version.",
    }),
);

/** List Jobs adds the creation time its `from`/`to` filter on (docs/contract/import-export.md#a10). */
export const listedJobPropertiesSchema = lazySchema(() =>
  jobPropertiesSchema()
    .extend({
      CreatedTime: z.iso.datetime().describe('When the job was created (beyond the classic service).'),
    })
    .meta({
      id: 'ListedJobProperties',
      description: "Get Job's Properties plus CreatedTime (docs/contract/import-export.md#a10).",
    }),
);

export const driveWireSchema = lazySchema(() =>
  z
    .strictObject({
      DriveId: z.string(),
      BitLockerKey: z.string().optional().describe('Import drives always; export drives once shipped back.'),
      ManifestFile: z.string().optional(),
      ManifestHash: z.string().optional().describe('Upper-case MD5 of the manifest.'),
      State: DriveStateSchema,
      CopyStatus: CopyStatusSchema.optional().describe('From Transferring on.'),
      PercentComplete: percent().optional().describe('From Transferring on.'),
      VerboseLogUri: z.url().optional().describe('Once the copy finished, when verbose logging is on.'),
      ErrorLogUri: z.url().optional().describe('Once the copy finished.'),
      ManifestUri: z.url().optional().describe('Once a manifest backup exists.'),
    })
    .meta({ id: 'Drive', description: 'A drive of a job (docs/contract/import-export.md#a6).' }),
);

/** Get Job. */
export const jobEntitySchema = lazySchema(() =>
  odataEntity('Jobs', 'Job', {
    Name: z.string(),
    Properties: jobPropertiesSchema(),
    DriveList: z.array(driveWireSchema()).optional().describe('Absent when the job has no drives.'),
    Export: ExportSelectionSchema.optional().describe('Export jobs: the selection, as given.'),
  }).meta({
    id: 'Job',
    description: 'A job, as Get Job answers it (docs/contract/import-export.md#a6, seed 000).',
  }),
);

/** List Jobs. */
export const jobFeedSchema = lazySchema(() =>
  odataFeed(
    'Jobs',
    odataItem('Job', { Name: z.string(), Properties: listedJobPropertiesSchema() }).meta({
      id: 'JobListItem',
      description: 'A job in List Jobs: no DriveList, no Export (docs/contract/import-export.md#a10).',
    }),
  ).meta({
    id: 'JobList',
    description: "A page of a storage account's jobs, oldest first (docs/contract/import-export.md#a10).",
  }),
);
