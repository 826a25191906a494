import type { DatacenterDeps } from './ports';
import { ConcurrencyConflict } from '../../kernel/errors';
import { CustomerStorageFailure, ImportExportError, invalidState } from '../model/errors';
import type { Job } from '../model/model';

/** How often a call meets another's logs under its names before it stops waiting for them. */
const DIFFERENT_LIMIT = 20;

/**
 * Writes the blobs of one operator action to the job's states location (docs/contract/import-export.md#b3), each at most
 * once however often the action's read-modify-write is retried. A failed write is 502
 * StorageWriteFailed with the storage's reason; the job is written only after its blobs, so it
 * then stays unchanged and never points at a blob that does not exist.
 *
 * A blob is only ever created, never replaced: when one with other content is already at the
 * name (a concurrent action decided on the same job version), this attempt is a conflict and
 * starts again from a fresh read, where the winner's change is seen. One left by an attempt that
 * was never recorded keeps a different report out at that job version (409 after a while).
 */
export class StateWriter {
  private readonly written = new Map<string, string>();
  /** The blobs this call created (not found there already), by name. */
  private readonly created = new Map<string, string>();
  private different = 0;

  constructor(private readonly deps: Pick<DatacenterDeps, 'customer'>) {}

  async write(job: Job, name: string, xml: () => string): Promise<string> {
    const known = this.written.get(name);
    if (known !== undefined) return known;
    let result: Awaited<ReturnType<DatacenterDeps['customer']['writeState']>>;
    try {
      result = await this.deps.customer.writeState(job, name, xml());
    } catch (err) {
      if (!(err instanceof CustomerStorageFailure)) throw err;
      throw new ImportExportError(
        'StorageWriteFailed',
        `The service could not write ${name} to the customer's storage account ${job.StorageAccountName}.`,
        err.reason,
      );
    }
    if (result.outcome === 'different') {
      if (++this.different >= DIFFERENT_LIMIT)
        throw invalidState(
          `${name} already holds what another call wrote for this version of the job; repeat that call's report, or report progress first.`,
          name,
        );
      throw new ConcurrencyConflict(`blob ${name}`);
    }
    this.written.set(name, result.url);
    if (result.outcome === 'written') this.created.set(name, result.url);
    return result.url;
  }

  /**
   * Once the action is settled: removes what this call created that `job` (the version it ended
   * on) does not point to, i.e. blobs named after a version another write superseded, so every
   * log blob the service leaves is one a job points to. A blob another call found the same and
   * recorded is pointed to by that version, and stays.
   */
  async tidy(job: Job, referenced: ReadonlySet<string>): Promise<void> {
    for (const [name, url] of this.created) {
      if (referenced.has(url)) continue;
      await this.deps.customer.deleteState(job, name).catch(() => undefined);
    }
    this.created.clear();
  }
}
