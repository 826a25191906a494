import type { DriveLog } from './drive-log';
import type { Job, JobState, JobSummary } from '../model/model';
import type { JobDeps } from '../model/ports';

/** A blob or snapshot of the customer's account, as export planning sees it (docs/contract/import-export.md#b2). */
export interface BlobItem {
  container: string;
  name: string;
  /** The snapshot's time, for a snapshot; absent for the base blob. */
  snapshot?: string;
  length: number;
  lastModified?: string;
}

/** One container, or every container whose name starts with a prefix; blobs by name prefix. */
export interface ListScope {
  container: { exact: string } | { prefix: string };
  blobPrefix: string;
}

export type StateWrite = 'written' | 'same' | 'different';

/**
 * The customer's blob storage, reached with the job's own credential (docs/contract/import-export.md#b2). Failures are
 * CustomerStorageFailure: Forbidden (403), NotFound (404), TooLarge (a blob over the bound the
 * service reads), Failed (anything else, and no answer within the deadline).
 */
export interface CustomerStorage {
  /** Blobs and their snapshots in scope. A prefix scope is for account keys only. */
  list(job: Job, scope: ListScope): Promise<BlobItem[]>;
  /** A block blob's text (the `<BlobList>` of BlobListBlobPath); TooLarge past `maxBytes`, unread. */
  read(job: Job, container: string, blob: string, maxBytes: number): Promise<string>;
  /**
   * Creates an `application/xml` block blob at `name` under the job's states location (docs/contract/import-export.md#b3)
   * only if none is there yet (If-None-Match: *), and answers its URL, without key or SAS, and
   * whether it wrote it or found one there already with the same text or another.
   */
  writeState(job: Job, name: string, xml: string): Promise<{ url: string; outcome: StateWrite }>;
  /** Removes a state blob this service created and no job points to (best effort). */
  deleteState(job: Job, name: string): Promise<void>;
}

/** What export planning decided: the blobs of each drive, and those that did not fit. */
export interface ExportPlan {
  drives: Record<string, BlobItem[]>;
  incomplete: BlobItem[];
}

/** Export plans, kept in the service's own blob storage (they outgrow a Table entity). */
export interface ExportPlanStore {
  /** Saves a plan and answers its reference (stored in the job's ExportPlan.Blob). */
  save(job: Job, plan: ExportPlan, at: Date): Promise<string>;
  load(ref: string): Promise<ExportPlan>;
}

/** A `<BlobList>` document as read, its values still unchecked (Put Job's blob-list format). */
export interface BlobListDocument {
  BlobPath: { Path: string; IncludeSnapshots?: string; SnapshotTime?: string }[];
  BlobPathPrefix: string[];
}

/** The XML formats of the blobs the service reads and writes (adapters/xml). */
export interface BlobFormats {
  driveLog(log: DriveLog): string;
  blobList(doc: BlobListDocument): string;
  /** An export drive's manifest (reference §8), listing the blobs written to it. */
  driveManifest(driveId: string, blobs: readonly BlobItem[]): string;
  /** The document, or the reason it is not a well-formed `<BlobList>`. */
  parseBlobList(xml: string): BlobListDocument | { invalid: string };
  /** The `Drive/DriveId` of a `<DriveManifest>`, or undefined when it is not one. */
  manifestDriveId(xml: string): string | undefined;
}

export interface AttentionQuery {
  /** Jobs in these states... */
  states: readonly JobState[];
  /** ...or, when set, jobs that carry alerts (docs/contract/import-export.md#c2), whatever their state. */
  withAlerts: boolean;
  now: Date;
  /** Resume after this position (a previous page's cursor). */
  after?: { partition: string; row: string };
  limit: number;
}

/** Jobs across subscriptions, for the operators' worklist (docs/contract/import-export.md#b, GET /operator/jobs). */
export interface JobFinder {
  needingAttention(
    q: AttentionQuery,
  ): Promise<{ jobs: JobSummary[]; cursor?: { partition: string; row: string } }>;
}

/** What the datacenter use cases need besides the job store. */
export interface DatacenterDeps extends JobDeps {
  customer: CustomerStorage;
  plans: ExportPlanStore;
  formats: BlobFormats;
  finder: JobFinder;
  /** Base16 (upper-case) digest of a text's UTF-8 bytes. */
  digestHex: (algorithm: ManifestDigest, text: string) => string;
  /** A cryptographic random integer in [0, max). */
  randomInt: (max: number) => number;
}

/** docs/arm-import-export.md#d1: a manifestHash of 32 hex digits is an MD5, of 64 a SHA-256. */
type ManifestDigest = 'md5' | 'sha256';
