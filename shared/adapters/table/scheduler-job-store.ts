import type { TableClient, TableTransactionResponse, TransactionAction } from '@azure/data-tables';
import type { SecretBox } from '../../kernel/secret-box';
import { literal } from './list-filter';
import { guarded, isNotFound, statusOf } from '../store-errors';
import type { SchedulerJobStore } from '../../scheduler/job-store';
import type { HistoryAppend, Stored } from '../../scheduler/execution/executor-ports';
import type { CollectionRef, Job, JobState } from '../../scheduler/model';
import { nameKey } from '../../scheduler/names';
import type { JobCollection } from '../../scheduler/model-collections';
import type { TableSchedulerHistory } from './scheduler-history-store';
import { historyRow } from './scheduler-history-store';
import { KnownJobs } from './scheduler-known-jobs';
import { META_ROW, collectionPartition, jobFromRow, jobRow, jobToRow, readRow } from './scheduler-rows';

/**
 * The new ETag of a transaction's first action. Answers come in the order of the actions; only
 * inserts name their row, and the SDK may keep a trailing CR of the header line.
 */
const firstEtag = (response: TableTransactionResponse): string | undefined =>
  response.subResponses[0]?.etag?.trim();

/** Rounds of re-reading the collection's counter before a create gives up (50 writers in a race). */
const ATTEMPTS = 200;

const conflictOrPrecondition = (err: unknown) => {
  const s = statusOf(err);
  return s === 409 || s === 412 || s === 404;
};

const pause = (attempt: number) =>
  new Promise((ok) => setTimeout(ok, Math.random() * Math.min(50, 2 + attempt * 2)));

/** The collection row with its job count moved by `delta`, conditional on the row read. */
const recount = (pk: string, c: JobCollection, delta: number, etag: string): TransactionAction => [
  'update',
  {
    partitionKey: pk,
    rowKey: META_ROW,
    Data: JSON.stringify({ ...c, jobCount: Math.max(0, c.jobCount + delta) }),
  },
  'Merge',
  { etag },
];

/**
 * Jobs on Table Storage, in their collection's partition. A create or delete changes the
 * collection row's JobCount in the same entity-group transaction, conditional on its ETag: that is
 * what makes MaxJobCount exact under concurrency (docs/classic-scheduler.md#c8).
 */
export class TableSchedulerJobStore implements SchedulerJobStore {
  /** The last version of a job this process wrote or read: the executor's claim starts from it. */
  private readonly known: KnownJobs;

  constructor(
    private readonly table: () => Promise<TableClient>,
    private readonly box: SecretBox,
    private readonly history: TableSchedulerHistory,
  ) {
    this.known = new KnownJobs(table, box);
  }

  async read(ref: CollectionRef, jobId: string): Promise<Stored | undefined> {
    const row = await readRow<{ Data: string; Secrets?: string }>(
      await this.table(),
      collectionPartition(ref),
      jobRow(jobId),
    );
    if (!row) {
      this.known.forget(ref, jobId);
      return undefined;
    }
    return { job: jobFromRow(this.box, row), etag: row.etag };
  }

  /**
   * The last version this process knows, else a read. It may be stale (another process wrote
   * since): it is only a start for a conditional write, which then fails and is re-read.
   */
  async latest(ref: CollectionRef, jobId: string): Promise<Stored | undefined> {
    const known = this.known.get(ref, jobId);
    if (known) return known;
    const read = await this.read(ref, jobId);
    return read && this.known.remember(ref, read);
  }

  /** Makes a read-ahead window's jobs known (scheduler-known-jobs.ts). */
  prefetch(jobs: readonly { ref: CollectionRef; jobId: string }[]): Promise<void> {
    return this.known.prefetch(jobs);
  }

  async get(ref: CollectionRef, jobId: string): Promise<Job | undefined> {
    return (await this.read(ref, jobId))?.job;
  }

  async list(ref: CollectionRef, filter: { state?: JobState } = {}): Promise<Job[]> {
    const client = await this.table();
    const pk = collectionPartition(ref);
    const parts = [`PartitionKey eq ${literal(pk)}`, `RowKey ge 'job|'`, `RowKey lt 'job}'`];
    if (filter.state) parts.push(`State eq ${literal(filter.state)}`);
    return guarded(async () => {
      const out: Job[] = [];
      for await (const row of client.listEntities({ queryOptions: { filter: parts.join(' and ') } }))
        out.push(jobFromRow(this.box, row));
      // RowKeys hold the upper-cased ids, so this is their ordinal order already; sort to be sure.
      return out.sort((a, b) => (nameKey(a.id) < nameKey(b.id) ? -1 : nameKey(a.id) > nameKey(b.id) ? 1 : 0));
    });
  }

  async create(
    ref: CollectionRef,
    job: Job,
    checkedAgainst?: string,
  ): Promise<'created' | 'exists' | 'full' | 'no-collection' | 'changed'> {
    const client = await this.table();
    const pk = collectionPartition(ref);
    const row = jobToRow(this.box, pk, job);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const meta = await this.meta(client, pk);
      if (!meta) return 'no-collection';
      const collection = JSON.parse(meta.Data) as JobCollection;
      // Its quotas changed since the job was checked against them: the transaction below is
      // conditional on this version, so checking it here makes the check and the create one step.
      if (checkedAgainst !== undefined && collection.etag !== checkedAgainst) return 'changed';
      if (collection.jobCount >= collection.quota.maxJobCount) {
        if (await this.exists(client, pk, job.id)) return 'exists';
        return 'full';
      }
      const actions: TransactionAction[] = [['create', row], recount(pk, collection, +1, meta.etag)];
      try {
        const response = await guarded(() => client.submitTransaction(actions));
        const etag = firstEtag(response);
        if (etag) this.known.remember(ref, { job, etag });
        return 'created';
      } catch (err) {
        if (!conflictOrPrecondition(err)) throw err;
        if (await this.exists(client, pk, job.id)) return 'exists';
        await pause(attempt);
      }
    }
    throw new Error('the collection changed too often to count a new job');
  }

  async replace(ref: CollectionRef, job: Job, etag: string): Promise<boolean> {
    return (await this.write(ref, job, etag)) !== undefined;
  }

  /**
   * `replace` that hands back the new ETag, so the executor's next write needs no read, with
   * history entries written in the same entity-group transaction (docs/scheduler-execution.md#storage-cost).
   */
  async write(
    ref: CollectionRef,
    job: Job,
    etag: string,
    history: readonly HistoryAppend[] = [],
  ): Promise<string | undefined> {
    const client = await this.table();
    const pk = collectionPartition(ref);
    const row = jobToRow(this.box, pk, job);
    try {
      const written = history.length
        ? firstEtag(
            await guarded(() =>
              client.submitTransaction([
                ['update', row, 'Replace', { etag }],
                ...history.map((h): TransactionAction => [
                  'upsert',
                  historyRow(ref, job.id, h.key, h.entry),
                  'Replace',
                ]),
              ]),
            ),
          )
        : (await guarded(() => client.updateEntity(row, 'Replace', { etag }))).etag;
      // Table Storage answers every write with its ETag; without one no later write could be conditional.
      if (!written) throw new Error('the job store answered a write without an ETag');
      this.known.remember(ref, { job, etag: written });
      return written;
    } catch (err) {
      this.known.forget(ref, job.id);
      if (statusOf(err) === 412 || isNotFound(err)) return undefined;
      throw err;
    }
  }

  async remove(ref: CollectionRef, jobId: string, etag?: string): Promise<boolean> {
    const client = await this.table();
    const pk = collectionPartition(ref);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const meta = await this.meta(client, pk);
      const job = meta && (await readRow(client, pk, jobRow(jobId), ['RowKey']));
      if (!job || (etag !== undefined && job.etag !== etag)) return false;
      // History first, while the job still stands: a removal that fails here can be retried, where
      // one that failed after the job went left its history to a job created again under the id.
      // Entries written meanwhile go with the sweep after the job.
      if (attempt === 0) await this.history.removeJob(ref, jobId);
      const collection = JSON.parse(meta.Data) as JobCollection;
      const actions: TransactionAction[] = [
        // A transaction's delete takes no ETag; the counter's does: a job deleted and created
        // again since the counter was read moved it twice, and the next round reads the new job.
        ['delete', { partitionKey: pk, rowKey: jobRow(jobId) }],
        recount(pk, collection, -1, meta.etag),
      ];
      try {
        await guarded(() => client.submitTransaction(actions));
        this.known.forget(ref, jobId);
        await this.history.removeJob(ref, jobId);
        return true;
      } catch (err) {
        if (!conflictOrPrecondition(err)) throw err;
        await pause(attempt);
      }
    }
    throw new Error('the collection changed too often to remove a job');
  }

  private meta(client: TableClient, pk: string): Promise<{ Data: string; etag: string } | undefined> {
    return readRow<{ Data: string }>(client, pk, META_ROW);
  }

  private async exists(client: TableClient, pk: string, jobId: string): Promise<boolean> {
    return (await readRow(client, pk, jobRow(jobId), ['RowKey'])) !== undefined;
  }
}
