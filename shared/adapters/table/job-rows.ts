import type { TableEntity } from '@azure/data-tables';
import type { Job, JobSummary, Versioned } from '../../import-export/model/model';
import { deletionTime } from '../../import-export/model/timers';
import {
  JobRowSchema,
  ListRowSchema,
  SealedSecretsSchema,
  StoredJobSchema,
  StoredSummarySchema,
} from './job-entity.schema';
import { fromChunks, storedJson, toChunks } from './chunks';
import { lastModifiedOf } from './etag';
import type { SecretBox } from '../../kernel/secret-box';
import { VersionCache } from './version-cache';

/** Rows without a deletion time sort after every real one in `ExpireAt gt <now>` filters. */
const NEVER = new Date('9999-12-31T00:00:00.000Z');

export const jobRowKey = (name: string): string => `job_${name.toLowerCase()}`;
export const listRowPrefix = (account: string): string => `list_${account}_`;
export const listRowKey = (job: Pick<Job, 'StorageAccountName' | 'CreatedTime' | 'Name'>): string =>
  `${listRowPrefix(job.StorageAccountName)}${job.CreatedTime}_${job.Name.toLowerCase()}`;

const summaryOf = ({ DriveList: _d, Export: _e, Credential: _c, ...summary }: Job): JobSummary => summary;

/** Parsed rows kept per process: enough for every job a busy instance serves in a while. */
const CACHED_ROWS = 5_000;

const identity = (raw: unknown): string => {
  const r = raw as { partitionKey?: unknown; rowKey?: unknown };
  return `${String(r.partitionKey)}/${String(r.rowKey)}`;
};

/** Maps jobs to the rows of the jobs table and back, sealing and opening the secrets (docs/contract/import-export.md#d2). */
export class JobRows {
  private readonly jobs = new VersionCache<Versioned<Job>>(CACHED_ROWS);
  private readonly summaries = new VersionCache<Versioned<JobSummary>>(CACHED_ROWS);
  /** The active-job slot (active-slots.ts) each parsed or written version holds. */
  private readonly slots = new WeakMap<Versioned<Job>, number>();

  constructor(private readonly box: SecretBox) {}

  private aad = (job: Pick<Job, 'SubscriptionId' | 'Name'>) =>
    `${job.SubscriptionId}/${job.Name.toLowerCase()}`;

  /** The slot a version of a job holds; undefined for an inactive job or an unknown version. */
  slotOf(version: Versioned<Job>): number | undefined {
    return this.slots.get(version);
  }

  /**
   * Seeds the parsed-row cache with a version just written (the next read of it costs no parse)
   * and remembers its slot.
   */
  written(job: Job, etag: string, slot: number | undefined): Versioned<Job> {
    const version = this.jobs.set(`${job.SubscriptionId}/${jobRowKey(job.Name)}`, etag, {
      value: job,
      etag,
      lastModified: lastModifiedOf(etag),
    });
    if (slot !== undefined) this.slots.set(version, slot);
    return version;
  }

  toRows(job: Job, slot?: number): { job: TableEntity; list: TableEntity } {
    const bitLockerKeys: Record<string, string> = {};
    const drives = job.DriveList.map(({ BitLockerKey, ...drive }) => {
      if (BitLockerKey !== undefined) bitLockerKeys[drive.DriveId] = BitLockerKey;
      return drive;
    });
    const { Credential, ...rest } = job;
    const common = { State: job.State, Type: job.Type, ExpireAt: deletionTime(job) ?? NEVER };
    return {
      job: {
        partitionKey: job.SubscriptionId,
        rowKey: jobRowKey(job.Name),
        ...common,
        StorageAccountName: job.StorageAccountName,
        ...(slot !== undefined && { ActiveSlot: slot }),
        Secret: this.box.seal(JSON.stringify({ Credential, BitLockerKeys: bitLockerKeys }), this.aad(job)),
        ...toChunks('Data', storedJson({ ...rest, DriveList: drives })),
      },
      list: {
        partitionKey: job.SubscriptionId,
        rowKey: listRowKey(job),
        ...common,
        // The operators' worklist finds jobs with alerts by it (table-job-finder.ts).
        AlertCount: job.Alerts?.length ?? 0,
        ...toChunks('Data', storedJson(summaryOf(job))),
      },
    };
  }

  /** A deleted job whose row could not be removed yet: it holds nothing and reads as absent. */
  tombstone(job: Job): TableEntity {
    return { partitionKey: job.SubscriptionId, rowKey: jobRowKey(job.Name), Tombstone: true };
  }

  /** The job of a job row, or `undefined` for a tombstone. */
  fromJobRow(raw: unknown): Versioned<Job> | undefined {
    const cached = this.jobs.get(identity(raw), (raw as { etag?: unknown }).etag);
    if (cached) return cached;
    const row = JobRowSchema.parse(raw);
    const data = fromChunks('Data', row);
    if (row.Tombstone || data === undefined || row.Secret === undefined) return undefined;
    const stored = StoredJobSchema.parse(JSON.parse(data));
    const secrets = SealedSecretsSchema.parse(JSON.parse(this.box.open(row.Secret, this.aad(stored))));
    const value: Job = {
      ...stored,
      ...(secrets.Credential && { Credential: secrets.Credential }),
      DriveList: stored.DriveList.map((d) => {
        const key = secrets.BitLockerKeys[d.DriveId];
        return key === undefined ? d : { ...d, BitLockerKey: key };
      }),
    };
    const version = this.jobs.set(identity(row), row.etag, {
      value,
      etag: row.etag,
      lastModified: lastModifiedOf(row.etag),
    });
    if (row.ActiveSlot !== undefined) this.slots.set(version, row.ActiveSlot);
    return version;
  }

  /** The parsed version of a list row already seen, by its keys and ETag (a keys-only read). */
  cachedSummary(keys: {
    partitionKey?: string;
    rowKey?: string;
    etag?: string;
  }): Versioned<JobSummary> | undefined {
    return this.summaries.get(identity(keys), keys.etag);
  }

  fromListRow(raw: unknown): Versioned<JobSummary> {
    const cached = this.summaries.get(identity(raw), (raw as { etag?: unknown }).etag);
    if (cached) return cached;
    const row = ListRowSchema.parse(raw);
    const value = StoredSummarySchema.parse(JSON.parse(fromChunks('Data', row) ?? ''));
    return this.summaries.set(identity(row), row.etag, {
      value,
      etag: row.etag,
      lastModified: lastModifiedOf(row.etag),
    });
  }
}
