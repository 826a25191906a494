import type { NewJobFault } from '../../import-export/customer/new-job-rules';
import { NewJobRejected } from '../../import-export/customer/new-job-rules';
import { ImportExportError } from '../../import-export/model/errors';

/** A shared new-job rule in the classic API's words (docs/contract/import-export.md#a5). */
function worded(f: NewJobFault): [message: string, detail?: string] {
  switch (f.rule) {
    case 'unknownLocation':
      return [`"${f.location}" is not a known location; List Locations names them.`, f.location];
    case 'closedLocation':
      return [`"${f.location}" takes no new jobs; use one of: ${f.alternates.join(', ')}.`, f.requested];
    case 'exportWithDrives':
      return ['An export job has no DriveList: its drives are registered when they arrive.'];
    case 'importWithoutDrives':
      return ['An import job needs a DriveList of 1 to 10 drives.'];
    case 'tooManyDrives':
      return ['A job has at most 10 drives.', `${f.count} drives`];
    case 'duplicateDrive':
      return ['A DriveId appears twice in the DriveList.', f.driveId];
    case 'missingBitLockerKey':
      return ['Every drive of an import needs its BitLockerKey.', `DriveList[${f.index}].BitLockerKey`];
    case 'importWithExport':
      return ['An import job has no Export selection.'];
    default: {
      const unworded: never = f;
      throw new Error(`unworded fault ${String(unworded)}`);
    }
  }
}

/** The failure as the classic surface answers it: a shared rule's fault worded, anything else as is. */
export function inClassicWords(err: unknown): unknown {
  if (!(err instanceof NewJobRejected)) return err;
  const [message, detail] = worded(err.fault);
  return new ImportExportError(err.code, message, detail);
}
