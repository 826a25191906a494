import { z } from 'zod';
import { lazySchema } from '../classic-import-export/wire/common.schema';

/**
 * Resource Manager's answers as the OpenAPI document describes them (docs/arm-import-export.md#b5),
 * by the fields the generated clients read; the requests are the schemas the pipeline parses with.
 * Answers are open objects: fields of later api-versions may appear.
 */
const text = z.string();
const optText = text.optional();
const instant = z.string().describe('ISO 8601, UTC.');

const address = z.looseObject({
  recipientName: text,
  streetAddress1: text,
  streetAddress2: optText,
  city: text,
  stateOrProvince: optText,
  postalCode: text,
  countryOrRegion: text,
  phone: text,
  email: optText,
});

const pkg = z.looseObject({
  carrierName: text,
  trackingNumber: text,
  driveCount: z.number().int().optional(),
  shipDate: optText,
});

const drive = z.looseObject({
  driveId: text,
  manifestFile: text,
  manifestHash: text,
  driveHeaderHash: text,
  state: text,
  copyStatus: optText,
  percentComplete: z.number().int().optional(),
  bytesSucceeded: z.number().int().optional(),
  verboseLogUri: optText,
  errorLogUri: optText,
  manifestUri: optText,
});

const jobSchema = lazySchema(() =>
  z
    .looseObject({
      id: text,
      name: text,
      type: z.literal('Microsoft.ImportExport/jobs'),
      location: text,
      tags: z.record(z.string(), z.string()).optional(),
      systemData: z
        .looseObject({ createdBy: text, createdByType: text, createdAt: instant })
        .optional()
        .describe('From api-version 2020-08-01.'),
      identity: z.looseObject({ type: text }),
      properties: z.looseObject({
        storageAccountId: text,
        jobType: z.enum(['Import', 'Export']),
        returnAddress: address.optional(),
        returnShipping: z.looseObject({ carrierName: text, carrierAccountNumber: text }).optional(),
        shippingInformation: address.partial(),
        deliveryPackage: pkg.optional(),
        returnPackage: pkg.optional(),
        diagnosticsPath: text,
        logLevel: z.enum(['Error', 'Verbose']),
        backupDriveManifest: z.boolean(),
        state: text,
        cancelRequested: z.boolean(),
        percentComplete: z.number().int().optional(),
        incompleteBlobListUri: optText,
        driveList: z.array(drive).optional().describe('Left out of list items.'),
        export: z.looseObject({}).optional(),
        provisioningState: text,
        encryptionKey: z.looseObject({ kekType: text }),
        expiresAt: instant.optional(),
      }),
    })
    .meta({ id: 'ArmJob', description: 'JobResponse; never a BitLocker key.' }),
);

export const jobResponseSchema = jobSchema;

export const jobListSchema = lazySchema(() =>
  z
    .strictObject({
      value: z.array(jobSchema()),
      nextLink: z.string().optional().describe('The next page, carrying the query; absent on the last.'),
    })
    .meta({ id: 'ArmJobList' }),
);

const locationSchema = lazySchema(() =>
  z
    .looseObject({
      id: text,
      name: text,
      type: z.literal('Microsoft.ImportExport/locations'),
      properties: z.looseObject({
        recipientName: text,
        streetAddress1: text,
        city: text,
        postalCode: text,
        countryOrRegion: text,
        phone: text,
        supportedCarriers: z.array(text),
        alternateLocations: z.array(text),
      }),
    })
    .meta({ id: 'ArmLocation' }),
);

export const locationResponseSchema = locationSchema;

export const locationListSchema = lazySchema(() =>
  z.strictObject({ value: z.array(locationSchema()) }).meta({ id: 'ArmLocationList' }),
);

export const operationListSchema = lazySchema(() =>
  z
    .strictObject({
      value: z.array(
        z.strictObject({
          name: text,
          display: z.strictObject({ provider: text, resource: text, operation: text, description: text }),
        }),
      ),
    })
    .meta({ id: 'ArmOperationList' }),
);

export const bitLockerKeysSchema = lazySchema(() =>
  z.strictObject({ value: z.array(z.strictObject({ driveId: text, bitLockerKey: text })) }).meta({
    id: 'ArmBitLockerKeys',
    description: 'Audit-logged; the caller needs the listBitLockerKeys action.',
  }),
);

export const armErrorSchema = lazySchema(() =>
  z
    .strictObject({
      error: z.strictObject({
        code: text,
        message: text,
        target: optText,
        details: z.array(z.strictObject({ code: text, target: optText, message: text })).optional(),
      }),
    })
    .meta({ id: 'ArmError', description: 'The ARM error body (docs/arm-import-export.md#b4).' }),
);

/** The list operations' own query (docs/arm-import-export.md#c7); `api-version` is every operation's. */
export const listQuery = lazySchema(() =>
  z.object({
    $top: z.string().regex(/^\d+$/).optional().describe('Caps the whole result, across pages.'),
    $filter: z.string().optional().describe('The documented subset (docs/arm-import-export.md#c7).'),
    $skiptoken: z.string().optional().describe('From nextLink; bound to the query it was made for.'),
  }),
);
