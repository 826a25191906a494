import type { DatacenterDeps } from './ports';
import type { Job, Versioned } from '../model/model';
import { changeJob, type OperatorJobAddress } from './operator-job';
import { receiveImport, type ReceiveCommand } from './receive-import';
import { ExportReceiving } from './receive-export';

/**
 * POST .../jobs/{job}/receive (docs/contract/import-export.md#b): the package arrived. Import and export forms differ; both
 * move the job from Shipping to Received, and receiving what was already received changes nothing.
 */
export async function receivePackage(
  deps: DatacenterDeps,
  at: OperatorJobAddress,
  cmd: ReceiveCommand,
): Promise<Versioned<Job>> {
  const now = deps.now();
  const exporting = new ExportReceiving(deps, now);
  const done = await changeJob(deps, at, ({ value: job, lastModified }) =>
    job.Type === 'Import' ? receiveImport(job, cmd, now) : exporting.receive(job, cmd, lastModified),
  ).catch(async (err: unknown) => {
    await exporting.abandon(err, at);
    throw err;
  });
  await exporting.tidy(done.value);
  return done;
}
