import { receivePackage } from '../../shared/import-export/datacenter/receive';
import type { BlobResult } from '../../shared/import-export/datacenter/drive-log';
import type { Runtime } from '../../shared/app/runtime';
import { CUSTOMER1 } from './customer-blobs';
import { importDefinition, shippedJob, uniqueName } from './datacenter';
import { newSubscription } from './runtime';

/** An import job on customer1, received with every drive, its logs in a states container of its own. */
export async function receivedImport(
  rt: Runtime,
  driveIds: string[],
  props = {},
  hashes: Record<string, string> = {},
) {
  const sub = newSubscription();
  const name = uniqueName('Imp');
  const states = uniqueName('states');
  const definition = importDefinition(driveIds, { ImportExportStatesPath: states, ...props }, hashes);
  await shippedJob(rt, sub, name, CUSTOMER1.name, definition);
  const at = { subscriptionId: sub, jobName: name };
  await receivePackage(rt.datacenter, at, { Drives: driveIds.map((DriveId) => ({ DriveId })) });
  return { at, sub, name, states };
}

/** Per-blob results of an import drive: one clean blob, one with a corrupted block. */
export const BLOBS: BlobResult[] = [
  {
    BlobPath: 'photos/p0.jpg',
    FilePath: '\\photos\\p0.jpg',
    Length: 1024,
    Status: 'Completed',
    ImportDisposition: { Status: 'Created' },
    Blocks: [{ Offset: 0, Length: 1024, Status: 'Completed' }],
  },
  {
    BlobPath: 'photos/p1.jpg',
    FilePath: '\\photos\\p1.jpg',
    Length: 2048,
    Status: 'CompletedWithErrors',
    ImportDisposition: { Status: 'Overwritten', Value: 'overwrite' },
    Blocks: [
      { Offset: 0, Length: 1024, Status: 'Completed' },
      { Offset: 1024, Length: 1024, Hash: 'AA2585F6F6FD01C4AD4256E018240CD4', Status: 'Corrupted' },
    ],
  },
];
