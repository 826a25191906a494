import type { Conditions } from '../../kernel/conditions';
import { ImportExportError, invalidState, requireConditions } from '../model/errors';
import type { Author, JobSpec, Placement } from './job-spec';
import { authorshipAfter, buildJob, classicAddressOf, same } from './job-spec';
import type { Job, Versioned } from '../model/model';
import { groupOf } from './placed-jobs';
import type { JobDeps } from '../model/ports';
import { retryOnConflict } from '../../kernel/retry';
import { writeJob } from '../model/rewrite-job';
import { isExpired } from '../model/timers';

export interface PlaceJobCommand {
  at: Placement;
  spec: JobSpec;
  author: Author;
  classicGroup: string;
  conditions: Conditions;
  clientTenantId?: string;
}

const sameText = (a: string | undefined, b: string | undefined) =>
  (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/**
 * The first member of the spec that differs from the stored job, for an idempotent re-PUT of a
 * job past Creating (docs/arm-import-export.md#c3): only members present count.
 */
function firstDifference(spec: JobSpec, fresh: Job, job: Job): string | undefined {
  const checks: [string, boolean][] = [
    ['location', fresh.Location === job.Location],
    [
      'properties.storageAccountId',
      sameText(spec.storageAccountId, job.StorageAccountId ?? spec.storageAccountId) &&
        fresh.StorageAccountName === job.StorageAccountName,
    ],
    ['properties.jobType', spec.type === job.Type],
    [
      'properties.returnAddress',
      !spec.returnAddress || same(classicAddressOf(spec.returnAddress), job.ReturnAddress),
    ],
    ['properties.returnShipping', !spec.returnShipping || same(spec.returnShipping, job.ReturnShipping)],
    ['properties.deliveryPackage', !spec.deliveryPackage || same(spec.deliveryPackage, job.DeliveryPackage)],
    [
      'properties.diagnosticsPath',
      spec.statesPath === undefined || spec.statesPath === job.ImportExportStatesPath,
    ],
    ['properties.logLevel', spec.verboseLog === undefined || spec.verboseLog === job.EnableVerboseLog],
    [
      'properties.backupDriveManifest',
      spec.backupDriveManifest === undefined || spec.backupDriveManifest === job.BackupDriveManifest,
    ],
    [
      'properties.driveList',
      spec.drives === undefined ||
        same(
          fresh.DriveList.map((d) => [d.DriveId.toUpperCase(), d.ManifestFile, d.ManifestHash]),
          job.DriveList.map((d) => [d.DriveId.toUpperCase(), d.ManifestFile, d.ManifestHash]),
        ),
    ],
    ['properties.export', spec.export === undefined || same(fresh.Export, job.Export)],
  ];
  const kek = spec.encryptionKey?.KekType;
  const stored = job.EncryptionKey?.KekType ?? 'MicrosoftManaged';
  if (kek === 'MicrosoftManaged' && stored === 'CustomerManaged')
    checks.push(['properties.encryptionKey', false]);
  return checks.find(([, ok]) => !ok)?.[0];
}

/** Replacing a Creating job keeps its name, creation, creator and classic-only fields (docs/arm-import-export.md#d2). */
function replacement(fresh: Job, current: Job, author: Author, now: Date): Job {
  return {
    ...fresh,
    Name: current.Name,
    CreatedTime: current.CreatedTime,
    ResourceGroup: current.ResourceGroup ?? fresh.ResourceGroup,
    ...(current.FriendlyName !== undefined && { FriendlyName: current.FriendlyName }),
    ...(current.Description !== undefined && { Description: current.Description }),
    ...(current.Metadata !== undefined && { Metadata: current.Metadata }),
    ...(current.Credential &&
      current.StorageAccountName === fresh.StorageAccountName && { Credential: current.Credential }),
    Origin: current.Origin ?? 'classic',
    Authorship: authorshipAfter(current, author, now),
  };
}

/** A re-PUT past Creating: tags and a stronger encryption key may change, nothing else. */
function revisit(spec: JobSpec, fresh: Job, current: Job, author: Author, now: Date): Job | undefined {
  const differing = firstDifference(spec, fresh, current);
  if (differing) {
    throw invalidState(
      `The job is ${current.State}: a PUT may change only tags and the encryption key now; '${differing}' differs. Other members change while the job is Creating.`,
      differing,
    );
  }
  const tags = spec.tags ?? current.Tags;
  const key = spec.encryptionKey ?? current.EncryptionKey;
  if (same(tags, current.Tags) && same(key, current.EncryptionKey)) return undefined;
  return {
    ...current,
    ...(tags && { Tags: tags }),
    ...(key && { EncryptionKey: key }),
    Authorship: authorshipAfter(current, author, now),
  };
}

/**
 * Create or replace (docs/arm-import-export.md#c3): a new name is created (201); a name held in
 * another group of the subscription is 409 JobAlreadyExists; a Creating job is replaced; any
 * other state takes an idempotent re-PUT only.
 */
export async function placeJob(
  deps: JobDeps,
  cmd: PlaceJobCommand,
): Promise<{ job: Versioned<Job>; created: boolean }> {
  const now = deps.now();
  const fresh = buildJob(cmd.spec, cmd.at, deps.locations, cmd.author, now, cmd.clientTenantId);
  return retryOnConflict(async () => {
    const found = await deps.store.get(cmd.at.subscriptionId, cmd.at.jobName);
    const current = found && !isExpired(found.value, now) ? found : undefined;
    if (
      current &&
      groupOf(current.value, cmd.classicGroup).toLowerCase() !== cmd.at.resourceGroup.toLowerCase()
    ) {
      throw new ImportExportError(
        'JobAlreadyExists',
        `A job named '${current.value.Name}' already exists in resource group '${groupOf(current.value, cmd.classicGroup)}' of this subscription.`,
      );
    }
    requireConditions(cmd.conditions, current);
    const limit = deps.activeJobLimit;
    if (!found)
      return {
        job: await writeJob(deps.store, { kind: 'create', job: fresh, activeJobLimit: limit }),
        created: true,
      };
    if (!current) {
      const job = await writeJob(deps.store, {
        kind: 'update',
        previous: found,
        job: fresh,
        activeJobLimit: limit,
      });
      return { job, created: true };
    }
    const next =
      current.value.State === 'Creating'
        ? replacement(fresh, current.value, cmd.author, now)
        : revisit(cmd.spec, fresh, current.value, cmd.author, now);
    if (!next) return { job: current, created: false };
    const job = await writeJob(deps.store, {
      kind: 'update',
      previous: current,
      job: next,
      activeJobLimit: limit,
    });
    return { job, created: false };
  });
}
