import { z } from 'zod';
import {
  DriveStateSchema,
  ExportPlanSchema,
  ExportSelectionSchema,
  JobStateSchema,
} from '../../../import-export/model/model';
import { lazySchema } from '../../classic-import-export/wire/common.schema';
import {
  driveWireSchema,
  jobPropertiesSchema,
  listedJobPropertiesSchema,
} from '../../classic-import-export/wire/job-wire.schema';

/** The operator API's answers (docs/contract/import-export.md#b): plain JSON, for the OpenAPI document, built on first use. */
const count = () => z.int().min(0);

const alertSchema = lazySchema(() =>
  z.strictObject({ Kind: z.string(), Time: z.iso.datetime(), Message: z.string() }).meta({
    id: 'Alert',
    description: 'An alert of the sweeper, such as a package overdue (docs/contract/import-export.md#c2).',
  }),
);

/** What the datacenter knows of a job beyond Get Job. */
const datacenterShape = () => ({
  FaultedFrom: JobStateSchema.optional().describe('Where a Faulted job was.'),
  FaultReason: z.string().optional(),
  ExtraDrives: z
    .array(z.string())
    .optional()
    .describe('Drives in the package that belong to no drive of the job.'),
  Alerts: z.array(alertSchema()).optional(),
  ExportPlanFailure: ExportPlanSchema.shape.Failure.describe('Why the export selection could not be read.'),
  ExportPlanDetail: z.string().optional(),
});

const datacenterDriveSchema = lazySchema(() =>
  z
    .strictObject({
      DriveId: z.string(),
      FaultedFrom: DriveStateSchema.optional(),
      FaultReason: z.string().optional(),
      CapacityBytes: count().optional().describe('Export: the blank drive as received.'),
      PlannedBlobs: count().optional().describe('Export: the blobs planning put on the drive.'),
      BytesTotal: count().optional(),
      BytesSucceeded: count().optional(),
    })
    .meta({ id: 'DatacenterDrive', description: 'What the datacenter knows of a drive.' }),
);

export const operatorJobSchema = lazySchema(() =>
  z
    .strictObject({
      SubscriptionId: z.string(),
      StorageAccountName: z.string(),
      Name: z.string(),
      Properties: jobPropertiesSchema(),
      DriveList: z.array(driveWireSchema()).optional(),
      Export: ExportSelectionSchema.optional(),
      Datacenter: z.strictObject({
        ...datacenterShape(),
        Drives: z.array(datacenterDriveSchema()).optional(),
      }),
    })
    .meta({
      id: 'OperatorJob',
      description:
        "A job as the datacenter sees it: Get Job's body under 2014-11-01, with its secrecy (no credential; export BitLocker keys once shipped back), plus the job's address and a Datacenter section.",
    }),
);

export const worklistSchema = lazySchema(() =>
  z
    .strictObject({
      value: z.array(
        z.strictObject({
          SubscriptionId: z.string(),
          StorageAccountName: z.string(),
          Name: z.string(),
          Properties: listedJobPropertiesSchema(),
          Datacenter: z.strictObject(datacenterShape()),
        }),
      ),
      nextLink: z.url().optional().describe('The next page, when more remain.'),
    })
    .meta({
      id: 'Worklist',
      description: 'Jobs needing the datacenter, across subscriptions (docs/contract/import-export.md#b).',
    }),
);

export const certificateSummarySchema = lazySchema(() =>
  z
    .strictObject({
      Thumbprint: z.string().regex(/^[0-9A-F]{40}$/),
      Subject: z.string(),
      NotBefore: z.iso.datetime(),
      NotAfter: z.iso.datetime(),
    })
    .meta({
      id: 'Certificate',
      description: 'A registered management certificate (its DER is not returned).',
    }),
);

export const certificateListSchema = lazySchema(() =>
  z
    .strictObject({ value: z.array(certificateSummarySchema()) })
    .meta({ id: 'CertificateList', description: "A subscription's management certificates." }),
);

export const sweepSummarySchema = lazySchema(() =>
  z
    .strictObject({
      Now: z.iso.datetime().describe('The instant the sweep ran as of.'),
      CreatingDeleted: count(),
      ShippingOverdue: count(),
      ShippingClosed: count(),
      FinishedDeleted: count(),
      StaleEntries: count(),
      Skipped: count(),
      Failed: count(),
      Scheduler: z
        .strictObject({
          JobsDeleted: count(),
          HistoryEntriesDeleted: count(),
          OperationsDeleted: count(),
        })
        .describe("The Scheduler's retention as of the same Now (docs/classic-scheduler.md#e8)."),
    })
    .meta({
      id: 'SweepSummary',
      description:
        "What a sweep did: counts per rule of docs/contract/import-export.md#c2, and of the Scheduler's retention.",
    }),
);

export const plannedBlobsSchema = lazySchema(() =>
  z
    .strictObject({
      value: z.array(
        z.strictObject({
          container: z.string(),
          name: z.string(),
          snapshot: z.string().optional(),
          length: count(),
          lastModified: z.string().optional(),
        }),
      ),
    })
    .meta({ id: 'PlannedBlobs', description: 'The blobs export planning put on a drive.' }),
);
