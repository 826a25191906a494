import type { DatacenterDeps } from './ports';
import type { Job, Versioned } from '../model/model';
import { changeJob, type OperatorJobAddress } from './operator-job';
import { receiveImport, type ReceiveCommand } from './receive-import';
import { ExportReceiving } from './receive-export';

/**
 * POST .../jobs/{job}/receive (docs/contract/import-export.md#b): the package arrived. Import and export forms differ; both
 * move the job from Shipping to Received, and receiving what was already received changes nothing.
 */
export function receivePackage(
  deps: DatacenterDeps,
  at: OperatorJobAddress,
  cmd: ReceiveCommand,
): Promise<Versioned<Job>> {
  const now = deps.now();
  const exporting = new ExportReceiving(deps, now);
  return changeJob(deps, at, ({ value: job }) =>
    job.Type === 'Import' ? receiveImport(job, cmd, now) : exporting.receive(job, cmd),
  );
}
