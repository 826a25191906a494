import type { DatacenterDeps } from './ports';
import { CustomerStorageFailure, ImportExportError } from '../model/errors';
import type { Job } from '../model/model';

/**
 * Writes the blobs of one operator action to the job's states location (docs/contract/import-export.md#b3), each at most
 * once however often the action's read-modify-write is retried. A failed write is 502
 * StorageWriteFailed with the storage's reason; the job is written only after its blobs, so it
 * then stays unchanged and never points at a blob that does not exist.
 */
export class StateWriter {
  private readonly written = new Map<string, string>();

  constructor(private readonly deps: Pick<DatacenterDeps, 'customer'>) {}

  async write(job: Job, name: string, xml: () => string): Promise<string> {
    const known = this.written.get(name);
    if (known !== undefined) return known;
    let url: string;
    try {
      url = await this.deps.customer.writeState(job, name, xml());
    } catch (err) {
      if (!(err instanceof CustomerStorageFailure)) throw err;
      throw new ImportExportError(
        'StorageWriteFailed',
        `The service could not write ${name} to the customer's storage account ${job.StorageAccountName}.`,
        err.reason,
      );
    }
    this.written.set(name, url);
    return url;
  }
}
