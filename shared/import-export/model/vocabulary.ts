import { z } from 'zod';

/** The classic API's enumerations: job and drive states (docs/contract/import-export.md#c1), copy statuses, job types. */

export const JOB_STATES = [
  'Creating',
  'Shipping',
  'Received',
  'Transferring',
  'Packaging',
  'Completed',
  'Closed',
  'Faulted',
] as const;
export const JobStateSchema = z
  .enum(JOB_STATES)
  .meta({ id: 'JobState', description: 'A job state (docs/contract/import-export.md#c1).' });
export type JobState = z.infer<typeof JobStateSchema>;

export const DRIVE_STATES = [
  'Specified',
  'Received',
  'NeverReceived',
  'Transferring',
  'Completed',
  'CompletedMoreInfo',
  'ShippedBack',
  'Faulted',
] as const;
export const DriveStateSchema = z
  .enum(DRIVE_STATES)
  .meta({ id: 'DriveState', description: 'A drive state (docs/contract/import-export.md#c1).' });
export type DriveState = z.infer<typeof DriveStateSchema>;

/** Get Job's CopyStatus list (seed 000). */
const COPY_STATUSES = [
  'None',
  'InProgress',
  'Completed',
  'CompletedWithWarnings',
  'CompletedWithErrors',
  'InternalError',
  'ManifestCorrupted',
  'ManifestNameInvalid',
  'ManifestNameTooLong',
  'ManifestNotFound',
  'ManifestAccessDenied',
  'ManifestFormatInvalid',
  'ReadManifestFailed',
  'ManifestDriveIdMismatch',
  'BlobListFormatInvalid',
  'DiskNotFound',
  'VolumeNotNtfs',
  'DiskOperationFailed',
  'BitLockerNotActivated',
  'BitLockerProtectorNotFound',
  'BitLockerKeyInvalid',
  'BitLockerUnlockVolumeFailed',
  'BitLockerFailed',
] as const;
export const CopyStatusSchema = z
  .enum(COPY_STATUSES)
  .meta({ id: 'CopyStatus', description: "A drive's copy status (seed 000)." });
export type CopyStatus = z.infer<typeof CopyStatusSchema>;

export const JobTypeSchema = z.enum(['Import', 'Export']).meta({ id: 'JobType' });
export type JobType = z.infer<typeof JobTypeSchema>;
