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
  /** The blobs this call created (not found there already), by name, with the version named. */
  private readonly created = new Map<string, { url: string; version: number }>();
  private different = 0;
  /** The newest job version an attempt of this call decided on, and that job. */
  private newest?: { version: number; job: Job };

  constructor(private readonly deps: Pick<DatacenterDeps, 'customer'>) {}

  /** An attempt decides on `job` at `version` (blobs named after older versions can no longer be recorded). */
  deciding(job: Job, version: Date): void {
    if (this.newest === undefined || version.getTime() >= this.newest.version)
      this.newest = { version: version.getTime(), job };
  }

  /** `version`: the job version the blob is named after. */
  async write(job: Job, version: Date, name: string, xml: () => string): Promise<string> {
    this.deciding(job, version);
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
    if (result.outcome === 'written') this.created.set(name, { url: result.url, version: version.getTime() });
    return result.url;
  }

  /**
   * Once the action is settled: removes what this call created that `job` (the version it ended
   * on) does not point to, i.e. blobs named after a version another write superseded, so every
   * log blob the service leaves is one a job points to. A blob another call found the same and
   * recorded is pointed to by that version, and stays.
   */
  async tidy(job: Job, referenced: ReadonlySet<string>): Promise<void> {
    for (const [name, { url }] of this.created) {
      if (referenced.has(url)) continue;
      await this.deps.customer.deleteState(job, name).catch(() => undefined);
    }
    this.created.clear();
  }

  /**
   * When the action failed with a refusal (an ImportExportError: its last attempt read a newer
   * version and refused it, found no job, or was refused the write, so that attempt recorded
   * nothing): removes what it created under older versions, which no write can record any more
   * (each attempt before the last lost its write). What it created under the newest version stays:
   * a concurrent call that decided on that version may have found it the same and recorded it,
   * and a retry of this call uses it. When the job is gone (`gone` confirms a 404), no write can
   * record anything: all of it is removed. After any other error (a 503 of unknown outcome, whose
   * write may have been recorded) nothing is removed.
   */
  async abandon(err: unknown, gone: () => Promise<boolean>): Promise<void> {
    const newest = this.newest;
    if (!(err instanceof ImportExportError) || newest === undefined) return;
    const all = err.code === 'ResourceNotFound' && (await gone().catch(() => false));
    for (const [name, { version }] of this.created) {
      if (!all && version >= newest.version) continue;
      await this.deps.customer.deleteState(newest.job, name).catch(() => undefined);
      this.created.delete(name);
    }
  }
}
