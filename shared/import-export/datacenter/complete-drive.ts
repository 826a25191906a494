import { driveBlobName, type DriveBlobKind } from './blob-names';
import type { CompletionReport } from './completion-check';
import { checkCompletion, exportedBlob } from './completion-check';
import type { BlobItem, DatacenterDeps, ExportPlan } from './ports';
import { withProgress } from './drive-copy';
import { errorLogOf, type DriveLog } from './drive-log';
import { invalidState } from '../model/errors';
import { moveDrive } from '../model/job-states';
import type { Drive, Job, Versioned } from '../model/model';
import type { OperatorJobAddress } from './operator-job';
import { changeJob, driveOf, jobGone, requireJobState } from './operator-job';
import { isCopied, settle } from '../model/progress';
import { StateWriter } from './state-writer';

/**
 * Complete (docs/contract/import-export.md#b): checks the report, writes the drive's error log (always), verbose log (when
 * EnableVerboseLog) and manifest backup (when BackupDriveManifest) to the states location, and
 * only then records them: drive Completed or CompletedMoreInfo, PercentComplete 100, the URIs, the
 * job's PercentComplete, and Packaging once every received drive is done. A drive already
 * completed is answered as it is (a retried call rewrites nothing). One instance per call.
 *
 * Concurrent completions of one drive (docs: issue 15): the blobs are named after the job version
 * the completion was decided on (its time is the name's stamp) and only created, never replaced
 * (StateWriter). Completions racing from one version meet at the same names: the first creates
 * them, one with the same logs uses them, one with other logs retries from a fresh read (and
 * answers the winner's drive as it is). Only the job write decides, so the log a drive points to
 * always is the log of the CopyStatus it records, and losers write no blob of their own.
 */
export class DriveCompletion {
  private readonly writer: StateWriter;
  private plan?: { ref: string; loaded: Promise<ExportPlan> };

  constructor(
    private readonly deps: DatacenterDeps,
    private readonly now: Date,
  ) {
    this.writer = new StateWriter(deps);
  }

  /** An attempt of the call decides on `job` at `version` (StateWriter.deciding). */
  deciding(job: Job, version: Date): void {
    this.writer.deciding(job, version);
  }

  /** When the call failed: removes the logs it wrote under versions it saw superseded (StateWriter.abandon). */
  abandon(err: unknown, at: OperatorJobAddress): Promise<void> {
    return this.writer.abandon(err, () => jobGone(this.deps, at));
  }

  /** Removes the logs this call wrote under a superseded version (StateWriter.tidy). */
  tidy(job: Job): Promise<void> {
    const uris = job.DriveList.flatMap((d) => [d.ErrorLogUri, d.VerboseLogUri, d.ManifestUri]);
    return this.writer.tidy(job, new Set(uris.filter((u): u is string => u !== undefined)));
  }

  /** `synthetic`: the sandbox's clean copy of what was planned (docs/contract/import-export.md#b, advance). */
  async complete(
    job: Job,
    driveId: string,
    report: CompletionReport,
    version: Date,
    synthetic = false,
  ): Promise<Job | undefined> {
    this.writer.deciding(job, version);
    const drive = driveOf(job, driveId);
    if (isCopied(drive)) return undefined;
    requireJobState(job, ['Transferring'], "complete a drive's copy");
    if (drive.State !== 'Transferring')
      throw invalidState(`Drive ${drive.DriveId} is ${drive.State}, not Transferring.`, drive.DriveId);
    const checked = checkCompletion(this.deps, job, drive, report, synthetic);
    const blobs = !checked.copied
      ? []
      : synthetic
        ? (await this.planned(job, drive)).map(exportedBlob)
        : (report.Blobs ?? []);
    const log: DriveLog = { DriveId: drive.DriveId, Blobs: blobs, Status: checked.logStatus };
    const write = (kind: DriveBlobKind, xml: () => string) =>
      this.writer.write(job, version, driveBlobName(job.Name, drive.DriveId, kind, version), xml);
    const { formats } = this.deps;
    const errorUri = await write('error', () => formats.driveLog(errorLogOf(log)));
    const verboseUri = job.EnableVerboseLog ? await write('verbose', () => formats.driveLog(log)) : undefined;
    const manifest = job.BackupDriveManifest
      ? await this.manifestOf(job, drive, report, synthetic)
      : undefined;
    const manifestUri = manifest !== undefined ? await write('manifest', () => manifest) : undefined;
    const bytes =
      job.Type === 'Import' && !synthetic && report.Blobs
        ? report.Blobs.reduce((sum, b) => sum + b.Length, 0)
        : drive.BytesTotal;
    const done: Drive = {
      ...moveDrive(drive, checked.copyStatus === 'Completed' ? 'Completed' : 'CompletedMoreInfo'),
      CopyStatus: checked.copyStatus,
      PercentComplete: 100,
      ...(bytes !== undefined && { BytesTotal: bytes, BytesSucceeded: bytes }),
      ErrorLogUri: errorUri,
      ...(verboseUri !== undefined && { VerboseLogUri: verboseUri }),
      ...(manifestUri !== undefined && { ManifestUri: manifestUri }),
    };
    return settle(withProgress(job, done), this.now);
  }

  /**
   * The manifest to back up: the one reported; for an export drive without one, the manifest of
   * what was planned onto it; for the sandbox's import drive, one that lists no blobs.
   */
  private async manifestOf(
    job: Job,
    drive: Drive,
    report: CompletionReport,
    synthetic: boolean,
  ): Promise<string | undefined> {
    if (!synthetic && report.Manifest !== undefined) return report.Manifest;
    if (job.Type === 'Import' && !synthetic) return undefined;
    return this.deps.formats.driveManifest(drive.DriveId, await this.planned(job, drive));
  }

  private async planned(job: Job, drive: Drive): Promise<BlobItem[]> {
    const ref = job.ExportPlan?.Blob;
    if (job.Type !== 'Export' || ref === undefined) return [];
    if (this.plan?.ref !== ref) this.plan = { ref, loaded: this.deps.plans.load(ref) };
    return (await this.plan.loaded).drives[drive.DriveId] ?? [];
  }
}

export async function completeCopy(
  deps: DatacenterDeps,
  at: OperatorJobAddress,
  driveId: string,
  report: CompletionReport,
): Promise<Versioned<Job>> {
  const completion = new DriveCompletion(deps, deps.now());
  const done = await changeJob(deps, at, ({ value, lastModified }) =>
    completion.complete(value, driveId, report, lastModified),
  ).catch(async (err: unknown) => {
    await completion.abandon(err, at);
    throw err;
  });
  await completion.tidy(done.value);
  return done;
}
