import type { BlobItem } from '../../shared/import-export/datacenter/ports';
import {
  compareItems,
  matchesPath,
  matchesPrefix,
  scopeOfPrefix,
  selectionOfBlobList,
  selectionOfDocument,
} from '../../shared/import-export/datacenter/export-selection';
import type { Credential } from '../../shared/import-export/model/model';

const KEY: Credential = { Kind: 'StorageAccountKey', Key: 'k' };
const SAS: Credential = { Kind: 'ContainerSas', Container: 'pictures', Token: 'sv=2014-02-14&sig=x&sp=rwl' };
const at = (path: string): Pick<BlobItem, 'container' | 'name'> => {
  const slash = path.indexOf('/');
  return { container: path.slice(0, slash), name: path.slice(slash + 1) };
};

/** The example rows of Put Job's remarks (reference §4.1): a plain string prefix on /container/blob. */
describe('BlobPathPrefix is a plain string prefix on /<container>/<blob> (docs/contract/import-export.md#b2)', () => {
  it('/picturecontainer selects all blobs in picturecontainer', () => {
    expect(matchesPrefix('/picturecontainer', at('picturecontainer/a.jpg'))).toBe(true);
    expect(matchesPrefix('/picturecontainer', at('picturecontainer/dir/b.jpg'))).toBe(true);
    expect(matchesPrefix('/picturecontainer', at('pictures/a.jpg'))).toBe(false);
  });

  it('/bob selects the blobs of containers bob and bobkids', () => {
    expect(matchesPrefix('/bob', at('bob/a'))).toBe(true);
    expect(matchesPrefix('/bob', at('bobkids/a'))).toBe(true);
    expect(matchesPrefix('/bob', at('alice/bob'))).toBe(false);
  });

  it('/bob/ selects container bob only', () => {
    expect(matchesPrefix('/bob/', at('bob/a'))).toBe(true);
    expect(matchesPrefix('/bob/', at('bobkids/a'))).toBe(false);
  });

  it.each(['image', 'image.png', 'image2.png', 'image/photo.png', 'imagefiles/photo.png'])(
    '/picturecontainer/image selects picturecontainer/%s',
    (blob) => expect(matchesPrefix('/picturecontainer/image', at(`picturecontainer/${blob}`))).toBe(true),
  );

  it('/picturecontainer/image does not select other names', () => {
    expect(matchesPrefix('/picturecontainer/image', at('picturecontainer/photo/image.png'))).toBe(false);
    expect(matchesPrefix('/picturecontainer/image', at('picturecontainer/Image.png'))).toBe(false);
  });

  it('/$root/ selects the root container only', () => {
    expect(matchesPrefix('/$root/', at('$root/a.txt'))).toBe(true);
    expect(matchesPrefix('/$root/', at('rootless/a.txt'))).toBe(false);
  });

  it('/ selects every blob of every container, the root container included', () => {
    for (const p of ['$root/a', 'bob/a', 'bobkids/x/y']) expect(matchesPrefix('/', at(p))).toBe(true);
  });

  it.each([
    ['/', { container: { prefix: '' }, blobPrefix: '' }],
    ['/bob', { container: { prefix: 'bob' }, blobPrefix: '' }],
    ['/bob/', { container: { exact: 'bob' }, blobPrefix: '' }],
    ['/picturecontainer/image', { container: { exact: 'picturecontainer' }, blobPrefix: 'image' }],
    ['/$root/', { container: { exact: '$root' }, blobPrefix: '' }],
  ])('lists %s as %j', (prefix, scope) => expect(scopeOfPrefix(prefix)).toEqual(scope));
});

describe('BlobPath selects a blob and its snapshots', () => {
  const base: BlobItem = { container: 'pictures', name: 'city/redmond.jpg', length: 1 };
  const snap: BlobItem = { ...base, snapshot: '2014-04-30T00:25:42.3131245Z' };

  it('a Put Job BlobPath takes the blob and every snapshot of it, and nothing else', () => {
    const [entry] = selectionOfBlobList({ BlobPath: ['pictures/city/redmond.jpg'] }).paths;
    expect(matchesPath(entry!, base)).toBe(true);
    expect(matchesPath(entry!, snap)).toBe(true);
    expect(matchesPath(entry!, { ...base, name: 'city/redmond.jpg2' })).toBe(false);
  });

  it('IncludeSnapshots="false" takes the blob alone; SnapshotTime that snapshot alone', () => {
    const sel = selectionOfDocument(
      {
        BlobPath: [
          { Path: 'pictures/city/redmond.jpg', IncludeSnapshots: 'False' },
          { Path: 'pictures/city/redmond.jpg', SnapshotTime: '2014-04-30T00:25:42.3131245Z' },
        ],
        BlobPathPrefix: [],
      },
      KEY,
    );
    if (typeof sel === 'string') throw new Error(sel);
    const [alone, one] = sel.paths;
    expect([matchesPath(alone!, base), matchesPath(alone!, snap)]).toEqual([true, false]);
    expect([matchesPath(one!, base), matchesPath(one!, snap)]).toEqual([false, true]);
    expect(matchesPath(one!, { ...base, snapshot: '2015-01-01T00:00:00Z' })).toBe(false);
  });

  it('orders by path, the base blob before its snapshots in time order', () => {
    const items = [snap, { ...base, name: 'a' }, { ...snap, snapshot: '2013-01-01T00:00:00Z' }, base];
    expect([...items].sort(compareItems).map((i) => `${i.name}@${i.snapshot ?? ''}`)).toEqual([
      'a@',
      'city/redmond.jpg@',
      'city/redmond.jpg@2013-01-01T00:00:00Z',
      'city/redmond.jpg@2014-04-30T00:25:42.3131245Z',
    ]);
  });
});

describe('a <BlobList> from BlobListBlobPath is checked like Put Job BlobList', () => {
  const doc = (
    paths: { Path: string; IncludeSnapshots?: string; SnapshotTime?: string }[],
    prefixes: string[] = [],
  ) => ({
    BlobPath: paths,
    BlobPathPrefix: prefixes,
  });

  it.each([
    ['an empty list', doc([]), KEY, /selects no blob/],
    ['a path without a blob name', doc([{ Path: 'pictures' }]), KEY, /not a blob path/],
    ['a bad container name', doc([{ Path: 'Pictures/a' }]), KEY, /not a blob path/],
    [
      'IncludeSnapshots other than true/false',
      doc([{ Path: 'p1c/a', IncludeSnapshots: 'yes' }]),
      KEY,
      /neither true nor false/,
    ],
    ['a SnapshotTime that is no time', doc([{ Path: 'p1c/a', SnapshotTime: 'noon' }]), KEY, /not a date/],
    [
      'both IncludeSnapshots and SnapshotTime',
      doc([{ Path: 'p1c/a', IncludeSnapshots: 'true', SnapshotTime: '2014-01-01T00:00:00Z' }]),
      KEY,
      /both/,
    ],
    ['a prefix without its slash', doc([], ['pictures/']), KEY, /slash/],
    ['a path outside the SAS container', doc([{ Path: 'other/a' }]), SAS, /outside the SAS container/],
    ['a prefix outside the SAS container', doc([], ['/pic']), SAS, /outside the SAS container/],
  ])('refuses %s', (_what, d, credential, reason) => {
    expect(selectionOfDocument(d, credential)).toMatch(reason);
  });

  it('accepts paths and prefixes in the SAS container', () => {
    const sel = selectionOfDocument(doc([{ Path: 'pictures/a' }], ['/pictures/b']), SAS);
    expect(sel).toEqual({
      paths: [{ container: 'pictures', blob: 'a', snapshots: 'all' }],
      prefixes: ['/pictures/b'],
    });
  });
});
