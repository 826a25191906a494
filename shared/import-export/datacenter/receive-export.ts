import { incompleteListName } from './blob-names';
import type { DatacenterDeps } from './ports';
import { invalidState, ImportExportError } from '../model/errors';
import type { Resolution } from './export-resolution';
import { resolveSelection } from './export-resolution';
import { assignBlobs, bytesOf, incompleteList } from './export-plan';
import type { Drive, Job } from '../model/model';
import { jobGone, requireJobState, type OperatorJobAddress } from './operator-job';
import { arrived, type ReceiveCommand } from './receive-import';
import { recoveryPassword } from './recovery-key';
import { StateWriter } from './state-writer';

const MAX_DRIVES = 10;
const upper = (s: string) => s.toUpperCase();

/**
 * Receive for an export (docs/contract/import-export.md#b): the blank drives arrive, each Received with a generated BitLocker
 * recovery password; the selection is resolved against the customer's storage and assigned to the
 * drives by capacity, and what does not fit goes to the incomplete blob list (docs/contract/import-export.md#b3). Blank
 * drives that arrive later (the job still Received) join, and the export is planned again.
 * One instance serves one operator call: its retries reuse the resolution, keys and plans.
 *
 * Each attempt names its incomplete list after a time of its own, later than the attempt before:
 * a retry from a fresh read, whose drives may differ (a concurrent receive won), writes the list
 * of its own plan rather than reusing the blob of a plan that was never recorded, and a receive
 * repeated after a 503 never meets the list of the call that failed (the customer's storage, so
 * the list, may have changed since). Once settled, `tidy` removes the lists this call wrote or
 * replaced that the job no longer points to.
 */
export class ExportReceiving {
  private resolution?: Promise<Resolution>;
  private readonly keys = new Map<string, string>();
  /** Plans saved by this call, by the drives they were made for: a retry saves no second copy. */
  private readonly saved = new Map<string, Promise<string>>();
  private readonly writer: StateWriter;
  /** The time the last attempt's incomplete list was named after. */
  private listedAt = -Infinity;
  /** The incomplete lists the jobs this call planned over pointed to, by URL. */
  private readonly replaced = new Set<string>();

  constructor(
    private readonly deps: DatacenterDeps,
    private readonly now: Date,
  ) {
    this.writer = new StateWriter(deps);
  }

  /** `version`: the version of `job` this attempt decides on. */
  async receive(job: Job, cmd: ReceiveCommand, version: Date): Promise<Job | undefined> {
    this.writer.deciding(job, version);
    requireJobState(job, ['Shipping', 'Received'], 'receive a package');
    if (cmd.ExtraDrives !== undefined)
      throw new ImportExportError(
        'InvalidRequestBody',
        'An export receives blank drives only.',
        'ExtraDrives',
      );
    const known = new Map(job.DriveList.map((d) => [upper(d.DriveId), d]));
    const fresh = new Map<string, Drive>();
    for (const { DriveId, CapacityBytes } of cmd.Drives) {
      if (CapacityBytes === undefined)
        throw new ImportExportError(
          'InvalidRequestBody',
          'A blank export drive needs CapacityBytes.',
          DriveId,
        );
      const existing = known.get(upper(DriveId)) ?? fresh.get(upper(DriveId));
      if (existing && existing.CapacityBytes !== CapacityBytes)
        throw invalidState(
          `Drive ${DriveId} was received with ${existing.CapacityBytes} bytes, not ${CapacityBytes}.`,
          DriveId,
        );
      if (!existing) fresh.set(upper(DriveId), this.blank(DriveId, CapacityBytes));
    }
    if (fresh.size === 0 && job.State === 'Received') return undefined;
    const drives = [...job.DriveList, ...fresh.values()];
    if (drives.length === 0)
      throw new ImportExportError(
        'InvalidRequestBody',
        'An export needs at least one blank drive.',
        'Drives',
      );
    if (drives.length > MAX_DRIVES)
      throw new ImportExportError(
        'InvalidDriveList',
        'A job has at most 10 drives.',
        `${drives.length} drives`,
      );
    return this.plan({ ...arrived(job, this.now), DriveList: drives }, version);
  }

  /** An attempt of the call decides on `job` at `version` (StateWriter.deciding). */
  deciding(job: Job, version: Date): void {
    this.writer.deciding(job, version);
  }

  /** When the call failed: removes the lists it wrote under versions it saw superseded (StateWriter.abandon). */
  abandon(err: unknown, at: OperatorJobAddress): Promise<void> {
    return this.writer.abandon(err, () => jobGone(this.deps, at));
  }

  /**
   * Once the call is settled on `job`: removes the incomplete lists this call wrote, or found
   * recorded and planned over, that `job` does not point to. No write can record them any more:
   * each was the list of an attempt whose job version is gone.
   */
  async tidy(job: Job): Promise<void> {
    const kept = job.IncompleteBlobListUri;
    await this.writer.tidy(job, new Set(kept === undefined ? [] : [kept]));
    for (const url of this.replaced) {
      const at = url.lastIndexOf('/waies/');
      if (url === kept || at < 0) continue;
      const name = decodeURIComponent(url.slice(at + 1));
      await this.deps.customer.deleteState(job, name).catch(() => undefined);
    }
    this.replaced.clear();
  }

  private blank(DriveId: string, CapacityBytes: number): Drive {
    let key = this.keys.get(upper(DriveId));
    if (key === undefined) {
      key = recoveryPassword(this.deps.randomInt);
      this.keys.set(upper(DriveId), key);
    }
    return { DriveId, BitLockerKey: key, State: 'Received', CapacityBytes };
  }

  /** Now, or just after the time the previous attempt's list was named after. */
  private listTime(): Date {
    this.listedAt = Math.max(this.deps.now().getTime(), this.listedAt + 1);
    return new Date(this.listedAt);
  }

  /** Plans the export onto the job's received drives; the plan blob is written before the job. */
  private async plan(job: Job, version: Date): Promise<Job> {
    this.resolution ??= resolveSelection(this.deps, job);
    const resolution = await this.resolution;
    const { IncompleteBlobListUri: old, ...rest } = job;
    if (old !== undefined) this.replaced.add(old);
    if ('failure' in resolution) {
      return {
        ...rest,
        ExportPlan: { Failure: resolution.failure, Detail: resolution.detail },
        DriveList: job.DriveList.map(({ BytesTotal: _b, ...d }) => ({ ...d, PlannedBlobs: 0 })),
      };
    }
    const blanks = job.DriveList.filter((d) => d.State === 'Received').map((d) => ({
      DriveId: d.DriveId,
      CapacityBytes: d.CapacityBytes ?? 0,
    }));
    const plan = assignBlobs(resolution.items, blanks);
    const uri =
      plan.incomplete.length > 0
        ? await this.writer.write(job, version, incompleteListName(job.Name, this.listTime()), () =>
            this.deps.formats.blobList(incompleteList(plan.incomplete)),
          )
        : undefined;
    const key = JSON.stringify(blanks);
    let saving = this.saved.get(key);
    if (!saving) {
      saving = this.deps.plans.save(job, plan, this.now);
      this.saved.set(key, saving);
    }
    const ref = await saving;
    return {
      ...rest,
      ...(uri !== undefined && { IncompleteBlobListUri: uri }),
      ExportPlan: { Blob: ref },
      DriveList: job.DriveList.map((d) => {
        const items = plan.drives[d.DriveId];
        return items ? { ...d, PlannedBlobs: items.length, BytesTotal: bytesOf(items) } : d;
      }),
    };
  }
}
