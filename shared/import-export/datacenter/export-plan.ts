import type { BlobItem, BlobListDocument, ExportPlan } from './ports';

export interface BlankDrive {
  DriveId: string;
  CapacityBytes: number;
}

/**
 * Assigns the selected blobs to the received drives by capacity (docs/contract/import-export.md#b, Receive): in path order,
 * each blob goes to the first drive (in arrival order) with room left for it, so a container's
 * blobs stay together as far as they fit. Blobs no drive has room for are the incomplete list.
 */
export function assignBlobs(items: readonly BlobItem[], drives: readonly BlankDrive[]): ExportPlan {
  const free = drives.map((d) => d.CapacityBytes);
  const plan: ExportPlan = { drives: {}, incomplete: [] };
  for (const d of drives) plan.drives[d.DriveId] = [];
  for (const item of items) {
    const i = free.findIndex((room) => room >= item.length);
    const drive = drives[i];
    if (i < 0 || !drive) {
      plan.incomplete.push(item);
      continue;
    }
    free[i] = (free[i] ?? 0) - item.length;
    plan.drives[drive.DriveId]?.push(item);
  }
  return plan;
}

export const bytesOf = (items: readonly BlobItem[]): number => items.reduce((sum, i) => sum + i.length, 0);

/**
 * The incomplete blob list (docs/contract/import-export.md#b3): a `<BlobList>` in Put Job's format that selects exactly the
 * blobs not exported, so the customer can export them with a new job (BlobListBlobPath): a base
 * blob without its snapshots, a snapshot by its time.
 */
export function incompleteList(items: readonly BlobItem[]): BlobListDocument {
  return {
    BlobPath: items.map((i) =>
      i.snapshot === undefined
        ? { Path: `${i.container}/${i.name}`, IncludeSnapshots: 'false' }
        : { Path: `${i.container}/${i.name}`, SnapshotTime: i.snapshot },
    ),
    BlobPathPrefix: [],
  };
}
