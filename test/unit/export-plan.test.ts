import { assignBlobs, bytesOf, incompleteList } from '../../shared/import-export/datacenter/export-plan';
import type { BlobItem } from '../../shared/import-export/datacenter/ports';

const blob = (name: string, length: number, snapshot?: string): BlobItem => ({
  container: 'c1c',
  name,
  length,
  ...(snapshot && { snapshot }),
});

describe('export planning assigns blobs to drives by capacity', () => {
  it('fills drives first-fit in path order and keeps what fits nowhere for the incomplete list', () => {
    const items = [blob('a', 60), blob('b', 50), blob('c', 30), blob('d', 200), blob('e', 10)];
    const plan = assignBlobs(items, [
      { DriveId: 'D1', CapacityBytes: 100 },
      { DriveId: 'D2', CapacityBytes: 60 },
    ]);
    expect(
      Object.fromEntries(Object.entries(plan.drives).map(([d, b]) => [d, b.map((i) => i.name)])),
    ).toEqual({
      D1: ['a', 'c', 'e'],
      D2: ['b'],
    });
    expect(plan.incomplete.map((i) => i.name)).toEqual(['d']);
    expect(bytesOf(plan.drives.D1!)).toBe(100);
  });

  it('gives every drive an entry, even when nothing is selected', () => {
    expect(assignBlobs([], [{ DriveId: 'D1', CapacityBytes: 1 }])).toEqual({
      drives: { D1: [] },
      incomplete: [],
    });
  });

  it('a zero-length blob fits on a full drive', () => {
    const plan = assignBlobs([blob('a', 10), blob('empty', 0)], [{ DriveId: 'D1', CapacityBytes: 10 }]);
    expect(plan.drives.D1!.map((i) => i.name)).toEqual(['a', 'empty']);
  });

  it('lists the blobs not exported so that a new job selects exactly them', () => {
    expect(incompleteList([blob('a', 1), blob('a', 1, '2014-01-01T00:00:00.0000000Z')])).toEqual({
      BlobPath: [
        { Path: 'c1c/a', IncludeSnapshots: 'false' },
        { Path: 'c1c/a', SnapshotTime: '2014-01-01T00:00:00.0000000Z' },
      ],
      BlobPathPrefix: [],
    });
  });
});
