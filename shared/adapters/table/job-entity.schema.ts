import { z } from 'zod';
import { CredentialSchema, DriveSchema, JobSchema } from '../../import-export/model/model';

/**
 * The rows of the jobs table, per subscription partition (docs/contract/import-export.md#d3, #d4):
 *  - `job_<name>`: the job, point-read by Get Job; secrets sealed in `Secret` (docs/contract/import-export.md#d2);
 *  - `list_<account>_<created>_<name>`: its List Jobs projection, ordered by creation time;
 *  - `meta`: the subscription's active-job count, per-account job counts and the time of its
 *    marker in the global due-time index (storage/due-index.ts);
 *  - `track_<sha256 of the tracking number>`: the active job holding a DeliveryPackage tracking
 *    number (docs/contract/import-export.md#a7; storage/tracking-claims.ts);
 *  - `due_<due time>_<name>`: the job's entry in the due-time index (docs/contract/import-export.md#c2).
 * Job and list rows change in one entity-group transaction, with `meta` when the counts change or
 * a due time is set, the `due_` rows when the due time moves, and the `track_` rows when the
 * job's tracking number is taken or given back.
 * Nested objects are JSON, in `Data` (continued in `Data1`, `Data2`... past 30,000 characters).
 */
const StoredDriveSchema = DriveSchema.omit({ BitLockerKey: true });
export const StoredJobSchema = JobSchema.omit({ Credential: true, DriveList: true }).extend({
  DriveList: z.array(StoredDriveSchema),
});
export const StoredSummarySchema = JobSchema.omit({ Credential: true, DriveList: true, Export: true });

/** The sealed part of a job row: its credential and its drives' BitLocker keys by DriveId. */
export const SealedSecretsSchema = z.object({
  Credential: CredentialSchema,
  BitLockerKeys: z.record(z.string(), z.string()),
});

const RowBase = z.looseObject({
  partitionKey: z.string(),
  rowKey: z.string(),
  etag: z.string(),
});

export const JobRowSchema = RowBase.extend({
  Data: z.string().optional(),
  Secret: z.string().optional(),
  Tombstone: z.boolean().optional(),
});

export const ListRowSchema = RowBase.extend({ Data: z.string() });

export const MetaRowSchema = RowBase.extend({
  ActiveJobs: z.number().int().min(0),
  Accounts: z.string(),
  /** The time of the subscription's marker in the global due-time index; empty when it has none. */
  DueMarker: z.string().optional(),
});

export const AccountCountsSchema = z.record(z.string(), z.number().int().min(0));
