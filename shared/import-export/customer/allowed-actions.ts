import { isFinished } from '../model/job-states';
import type { Job, JobState } from '../model/model';
import { mayChange } from './job-patch';

/**
 * What a customer may do to a job now (docs/arm-import-export.md#i, `allowedActions`): the members
 * of an update allowed in the job's state, and delete. Neutral names, read-only.
 */
export type JobAction =
  | 'updateTags'
  | 'ship'
  | 'cancel'
  | 'updateReturnAddress'
  | 'updateReturnShipping'
  | 'updateLogLevel'
  | 'updateBackupDriveManifest'
  | 'updateDeliveryPackage'
  | 'updateDriveList'
  | 'delete';

/** docs/contract/import-export.md#a9: Creating and the finished states. */
export const mayDelete = (state: JobState): boolean => state === 'Creating' || isFinished(state);

/** In the order of the update's members (docs/arm-import-export.md#c5), delete last. */
export function allowedActions(
  job: Pick<Job, 'State' | 'DriveList' | 'Type' | 'CancelRequested'>,
): JobAction[] {
  const checks: [JobAction, boolean][] = [
    ['updateTags', true],
    ['ship', mayChange(job, 'State')],
    ['cancel', mayChange(job, 'CancelRequested') && !job.CancelRequested],
    ['updateReturnAddress', mayChange(job, 'ReturnAddress')],
    ['updateReturnShipping', mayChange(job, 'ReturnShipping')],
    ['updateLogLevel', mayChange(job, 'EnableVerboseLog')],
    ['updateBackupDriveManifest', mayChange(job, 'BackupDriveManifest')],
    ['updateDeliveryPackage', mayChange(job, 'DeliveryPackage')],
    ['updateDriveList', job.State === 'Creating' && job.Type === 'Import'],
    ['delete', mayDelete(job.State)],
  ];
  return checks.filter(([, ok]) => ok).map(([action]) => action);
}
