import type { NewJobFault } from '../../import-export/customer/new-job-rules';
import { NewJobRejected } from '../../import-export/customer/new-job-rules';
import type { ArmErrorDetail } from './arm-errors';
import { ArmError } from './arm-errors';

const DRIVES = 'properties.driveList';
const locationId = (short: string) => `/providers/Microsoft.ImportExport/locations/${short}`;

/** A shared new-job rule in Resource Manager's words, `target` the wire path (docs/arm-import-export.md#c3). */
function worded(f: NewJobFault): ArmError {
  switch (f.rule) {
    case 'unknownLocation':
      return new ArmError(
        'InvalidLocation',
        `The location '${f.location}' is not a known location.`,
        'location',
      );
    case 'closedLocation': {
      const details: ArmErrorDetail[] = f.alternates.map((a) => ({
        code: 'AlternateLocation',
        target: 'location',
        message: `Use '${locationId(a)}'.`,
      }));
      const message = `The location '${f.location}' takes no new jobs; use one of: ${f.alternates.join(', ')}.`;
      return new ArmError('LocationClosed', message, 'location', details);
    }
    case 'exportWithDrives':
      return new ArmError(
        'InvalidDriveList',
        'An export job has no driveList: its drives are registered when they arrive.',
        DRIVES,
      );
    case 'importWithoutDrives':
    case 'tooManyDrives':
      return new ArmError('InvalidDriveList', 'An import job needs a driveList of 1 to 10 drives.', DRIVES);
    case 'duplicateDrive':
      return new ArmError(
        'InvalidDriveList',
        `Drive '${f.driveId}' appears twice.`,
        `${DRIVES}[${f.index}].driveId`,
      );
    case 'missingBitLockerKey':
      return new ArmError(
        'InvalidDriveList',
        'An import drive needs its bitLockerKey.',
        `${DRIVES}[${f.index}].bitLockerKey`,
      );
    case 'importWithExport':
      return new ArmError(
        'InvalidExportBlobList',
        'An import job has no export member.',
        'properties.export',
      );
    default: {
      const unworded: never = f;
      throw new Error(`unworded fault ${String(unworded)}`);
    }
  }
}

/** The failure as Resource Manager answers it: a shared rule's fault worded, anything else as is. */
export const inArmWords = (err: unknown): unknown =>
  err instanceof NewJobRejected ? worded(err.fault) : err;
