import type { TableClient, TableTransactionResponse, TransactionAction } from '@azure/data-tables';
import { ConcurrencyConflict } from '../../kernel/errors';
import { ImportExportError } from '../../import-export/model/errors';
import { isActive } from '../../import-export/model/job-states';
import type { Job, JobSummary, Versioned } from '../../import-export/model/model';
import type { JobListPage, JobListQuery, JobStore, JobWrite } from '../../import-export/model/ports';
import { dueTime } from '../../import-export/model/timers';
import { trackingClaimOf } from '../../import-export/model/tracking-numbers';
import { guarded, isNotFound, statusOf } from '../store-errors';
import { LruCache } from '../../kernel/lru-cache';
import { partitionRows } from './list-filter';
import type { ActiveSlots } from './active-slots';
import type { DueItem, TableDueIndex } from './due-index';
import { jobRowKey, listRowKey, type JobRows } from './job-rows';
import { listJobs, listSummaries } from './table-job-list';
import { TrackingClaims } from './tracking-claims';

type JobRowRead = Record<string, unknown> & { etag: string; Tombstone?: boolean; ActiveSlot?: number };

/** List pages (account and position) a process remembers having read. */
const LISTED_PAGES = 10_000;

/** How often a write starts again when only a slot or a tracking claim was in the way. */
const ATTEMPTS = 8;

/** Whether the job row no longer is what the write expects: the version it read, or no job (a tombstone at most). */
const outdated = (previous: Versioned<Job> | undefined, current: JobRowRead | undefined): boolean =>
  previous ? current?.etag !== previous.etag : current !== undefined && current.Tombstone !== true;

const dueItem = (job: Job | undefined): DueItem | undefined => {
  const at = job && dueTime(job);
  return job && at && { owner: job.SubscriptionId, name: job.Name, at };
};

/**
 * The JobStore on Table Storage (see job-entity.schema.ts for the rows). Every write is one
 * entity-group transaction in the job's subscription partition, conditional on the ETag it read
 * (docs/contract/import-export.md#d3, #d4): the job and list rows, the job's active slot (the quota, active-slots.ts), its
 * due-time row (docs/contract/import-export.md#c2) and its tracking number claim (docs/contract/import-export.md#a7). No row is shared by the
 * subscription's jobs. A write setting a due time first makes sure the index covers it
 * (due-index.ts), which costs a request at most once per subscription and hour in a process.
 */
export class TableJobStore implements JobStore {
  private readonly claims: TrackingClaims;
  /**
   * Pages this process has listed, by account and position: read again, they are read by keys
   * first (table-job-list.ts). A page never read (the next one of a client paging through) is read
   * whole: none of its rows would be known.
   */
  private readonly listed = new LruCache<string, true>(LISTED_PAGES);

  constructor(
    private readonly table: () => Promise<TableClient>,
    private readonly rows: JobRows,
    private readonly slots: ActiveSlots,
    private readonly due: TableDueIndex,
  ) {
    this.claims = new TrackingClaims(table, async (sub, name, claim) => {
      const holder = await this.get(sub, name);
      return holder !== undefined && trackingClaimOf(holder.value) === claim;
    });
  }

  async get(subscriptionId: string, name: string): Promise<Versioned<Job> | undefined> {
    const raw = await this.readJobRow(subscriptionId, name);
    return raw && this.rows.fromJobRow(raw);
  }

  async write(w: JobWrite): Promise<Versioned<Job> | undefined> {
    switch (w.kind) {
      case 'create':
        return this.change(undefined, w.job, w.activeJobLimit);
      case 'update':
        return this.change(w.previous, w.job, w.activeJobLimit);
      case 'delete':
        await this.change(w.previous, undefined, Infinity);
        return undefined;
    }
  }

  async list(q: JobListQuery): Promise<JobListPage> {
    const listed = `${q.subscriptionId}/${q.storageAccountName}/${q.after ?? ''}`;
    const page = await listJobs(await this.table(), this.rows, q, this.listed.has(listed));
    this.listed.set(listed, true);
    return page;
  }

  async summaries(subscriptionId: string, now: Date): Promise<Versioned<JobSummary>[]> {
    return listSummaries(await this.table(), this.rows, subscriptionId, now);
  }

  /** The accounts of the subscription's jobs, from their list rows' keys (`list_<account>_...`). */
  async storageAccounts(subscriptionId: string): Promise<string[]> {
    const client = await this.table();
    const filter = partitionRows(subscriptionId, 'list_');
    const accounts = new Set<string>();
    await guarded(async () => {
      for await (const row of client.listEntities({ queryOptions: { filter, select: ['RowKey'] } }))
        accounts.add((row.rowKey ?? '').split('_')[1] ?? '');
    });
    return [...accounts].sort();
  }

  /**
   * One write: a create (`previous` undefined), an update, or a delete (`job` undefined), which
   * leaves a tombstone in the transaction and removes it after (see JobRows.tombstone).
   */
  private async change(previous: Versioned<Job> | undefined, job: Job | undefined, limit: number) {
    const before = previous?.value;
    const subject = (job ?? before)!;
    const sub = subject.SubscriptionId;
    const [wasActive, active] = [
      before !== undefined && isActive(before.State),
      job !== undefined && isActive(job.State),
    ];
    let heldSlot = previous && wasActive ? await this.slotOf(previous) : undefined;
    const dueAfter = dueItem(job);
    const dueActions = this.due.rowActions(dueItem(before), dueAfter);
    let tombstoneEtag: string | undefined;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      // The tracking claim first: a number in use refuses the write before it reserves a slot.
      const tracking = await this.claims.actions(before, job);
      // Only a job starting its active life takes a slot (one written before slots holds none).
      const claim = active && !wasActive ? await this.claimSlot(previous, subject, limit) : undefined;
      const release = !active && heldSlot !== undefined ? this.slots.release(sub, heldSlot) : undefined;
      const slot = active ? (claim?.slot ?? heldSlot) : undefined;
      let result: TableTransactionResponse | undefined;
      try {
        const rows = job && this.rows.toRows(job, slot);
        const actions: TransactionAction[] = [];
        if (!previous) {
          actions.push(
            tombstoneEtag === undefined
              ? ['create', rows!.job]
              : ['update', rows!.job, 'Replace', { etag: tombstoneEtag }],
          );
        } else {
          actions.push([
            'update',
            rows?.job ?? this.rows.tombstone(before!),
            'Replace',
            { etag: previous.etag },
          ]);
        }
        if (rows) actions.push(['upsert', rows.list, 'Replace']);
        if (before && (!rows || listRowKey(before) !== rows.list.rowKey))
          actions.push(['delete', { partitionKey: sub, rowKey: listRowKey(before) }]);
        actions.push(...dueActions, ...tracking);
        if (claim) actions.push(claim.action);
        if (release) actions.push(release.action);
        // Right before each commit, not once before the attempts: a marker is retired GRACE_MS
        // after its hour, which one storage call (with its deadline) fits in, not a whole write.
        if (dueAfter && dueActions.length > 0) await this.due.cover(sub, dueAfter.at);
        result = await this.commit(actions);
      } finally {
        // A claim never sent, or sent and failed, stops being reserved whatever happened in
        // between. After a failure of unknown outcome (503) the slot counts as taken until the
        // next load.
        claim?.done(result !== undefined);
        release?.done(result !== undefined);
      }
      if (result) return this.settle(subject, job, result, slot);
      // Which row was in the way: the job's (a taken name, a newer version, a tombstone), or only
      // a slot or a tracking claim, after which the write starts again.
      const current = await this.readJobRow(sub, subject.Name);
      if (outdated(previous, current)) throw new ConcurrencyConflict(`job ${subject.Name}`);
      if (!previous) tombstoneEtag = current?.etag;
      if (previous && wasActive && heldSlot === undefined) heldSlot = current?.ActiveSlot;
    }
    throw new ConcurrencyConflict(`subscription ${sub}`);
  }

  /**
   * A slot for a job starting its active life. A full quota refuses only a write that could
   * commit: one whose name was taken or whose version was replaced meanwhile is a conflict, so that
   * its caller reads the job again (a Put then replaces it, keeping its slot).
   */
  private async claimSlot(previous: Versioned<Job> | undefined, job: Job, limit: number) {
    try {
      return await this.slots.claim(job.SubscriptionId, job.Name, limit);
    } catch (err) {
      if (!(err instanceof ImportExportError && err.code === 'ActiveJobQuotaExceeded')) throw err;
      if (outdated(previous, await this.readJobRow(job.SubscriptionId, job.Name)))
        throw new ConcurrencyConflict(`job ${job.Name}`);
      throw err;
    }
  }

  private async settle(
    subject: Job,
    job: Job | undefined,
    result: TableTransactionResponse,
    slot: number | undefined,
  ): Promise<Versioned<Job> | undefined> {
    // Sub-responses come in the order of the actions: the job row is always the first.
    const etag = result.subResponses[0]?.etag;
    if (!etag) throw new Error('the transaction response has no ETag for the job row');
    if (job) return this.rows.written(job, etag, slot);
    const client = await this.table();
    await client
      .deleteEntity(subject.SubscriptionId, jobRowKey(subject.Name), { etag })
      .catch(() => undefined);
    return undefined;
  }

  /** The slot an active version holds: known from its parse, else read from its row. */
  private async slotOf(version: Versioned<Job>): Promise<number | undefined> {
    const known = this.rows.slotOf(version);
    if (known !== undefined) return known;
    const row = await this.readJobRow(version.value.SubscriptionId, version.value.Name);
    return row?.etag === version.etag ? row.ActiveSlot : undefined;
  }

  /** Submits the actions; undefined when a condition failed (409/412/404 of the transaction). */
  private async commit(actions: TransactionAction[]): Promise<TableTransactionResponse | undefined> {
    const client = await this.table();
    try {
      return await guarded(() => client.submitTransaction(actions));
    } catch (err) {
      const status = statusOf(err);
      if (status !== 409 && status !== 412 && status !== 404) throw err;
      return undefined;
    }
  }

  private async readJobRow(subscriptionId: string, name: string): Promise<JobRowRead | undefined> {
    const client = await this.table();
    return guarded(async () => {
      try {
        return await client.getEntity<{ Tombstone?: boolean; ActiveSlot?: number }>(
          subscriptionId,
          jobRowKey(name),
        );
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    });
  }
}
