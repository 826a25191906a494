import type { DriveLog } from '../../shared/import-export/datacenter/drive-log';
import { blobFormats } from '../../shared/adapters/xml/blob-formats';
import { parseWritten } from '../support/xml';

const log: DriveLog = {
  DriveId: 'WD-WMATV6965824',
  Blobs: [
    {
      BlobPath: 'pictures/bob/animals/koala.jpg',
      FilePath: '\\Users\\bob\\Pictures\\animals\\koala.jpg',
      Length: 163840,
      Status: 'CompletedWithErrors',
      ImportDisposition: { Status: 'Overwritten', Value: 'overwrite' },
      PageRanges: [
        { Offset: 65536, Length: 65536, Hash: 'AA2585F6F6FD01C4AD4256E018240CD4', Status: 'Corrupted' },
      ],
      Metadata: {
        Status: 'Completed',
        GlobalPath: { Path: '\\meta.xml', Hash: 'E72A22EA959566066AD89E3B49020C0A' },
      },
    },
    {
      BlobPath: 'pictures/a & b <1>.jpg',
      FilePath: '\\a.jpg',
      Snapshot: '2012-09-18T23:47:08.0000000Z',
      Length: 0,
      LastModified: '2012-09-18T23:47:08Z',
      Status: 'Completed',
      Blocks: [],
      Properties: { Status: 'Failed' },
    },
  ],
  Status: 'CompletedWithErrors',
};

describe('the DriveLog format (reference §7)', () => {
  const xml = blobFormats.driveLog(log);
  const doc = parseWritten(xml).DriveLog;

  it('is a DriveLog of Version 2014-11-01 with DriveId first and Status last', () => {
    expect(doc['@_Version']).toBe('2014-11-01');
    expect(doc.DriveId).toBe('WD-WMATV6965824');
    expect(doc.Status).toBe('CompletedWithErrors');
    expect(xml.indexOf('<DriveId>')).toBeLessThan(xml.indexOf('<Blob '));
    expect(xml.lastIndexOf('<Status>')).toBeGreaterThan(xml.lastIndexOf('</Blob>'));
  });

  it('writes the blob of the reference example element for element', () => {
    const [b] = doc.Blob;
    expect(b).toEqual({
      '@_Status': 'CompletedWithErrors',
      BlobPath: 'pictures/bob/animals/koala.jpg',
      FilePath: '\\Users\\bob\\Pictures\\animals\\koala.jpg',
      Length: '163840',
      ImportDisposition: { '@_Status': 'Overwritten', '#text': 'overwrite' },
      PageRangeList: {
        PageRange: [
          {
            '@_Offset': '65536',
            '@_Length': '65536',
            '@_Hash': 'AA2585F6F6FD01C4AD4256E018240CD4',
            '@_Status': 'Corrupted',
          },
        ],
      },
      Metadata: {
        '@_Status': 'Completed',
        GlobalPath: { '@_Hash': 'E72A22EA959566066AD89E3B49020C0A', '#text': '\\meta.xml' },
      },
    });
  });

  it('writes export entries (Snapshot, LastModified, an empty BlockList) and escapes text', () => {
    const b = doc.Blob[1];
    expect(b.BlobPath).toBe('pictures/a & b <1>.jpg');
    expect(b.Snapshot).toBe('2012-09-18T23:47:08.0000000Z');
    expect(b.LastModified).toBe('2012-09-18T23:47:08Z');
    expect(b.Length).toBe('0');
    expect(b.BlockList).toBe('');
    expect(b.Properties).toEqual({ '@_Status': 'Failed' });
    expect(xml).toContain('<BlockList/>');
  });

  it('an empty log has its DriveId and Status only', () => {
    const empty = parseWritten(blobFormats.driveLog({ DriveId: '0012', Blobs: [], Status: 'Completed' }));
    expect(empty).toEqual({ DriveLog: { '@_Version': '2014-11-01', DriveId: '0012', Status: 'Completed' } });
  });
});

describe('the BlobList format (Put Job blob-list blob)', () => {
  it('round-trips paths with their attributes and prefixes', () => {
    const doc = {
      BlobPath: [
        { Path: 'c1c/a', IncludeSnapshots: 'false' },
        { Path: 'c1c/a', SnapshotTime: '2014-01-01T00:00:00.0000000Z' },
        { Path: '$root/b' },
      ],
      BlobPathPrefix: ['/bob/'],
    };
    const xml = blobFormats.blobList(doc);
    expect(parseWritten(xml).BlobList.BlobPath).toHaveLength(3);
    expect(blobFormats.parseBlobList(xml)).toEqual(doc);
  });

  it('reads the reference form with surrounding whitespace', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
      <BlobList>
        <BlobPathPrefix>/pictures/</BlobPathPrefix>
        <BlobPath IncludeSnapshots="true">movies/a.mp4</BlobPath>
      </BlobList>`;
    expect(blobFormats.parseBlobList(xml)).toEqual({
      BlobPath: [{ Path: 'movies/a.mp4', IncludeSnapshots: 'true' }],
      BlobPathPrefix: ['/pictures/'],
    });
  });

  it.each([
    ['text that is not XML', 'just text'],
    ['unclosed elements', '<BlobList><BlobPath>a/b</BlobList>'],
    ['another root', '<Blobs><BlobPath>a/b</BlobPath></Blobs>'],
    ['two roots', '<BlobList/><BlobList/>'],
    ['an unknown element', '<BlobList><Blob>a/b</Blob></BlobList>'],
    ['an unknown attribute', '<BlobList><BlobPath Snapshot="x">a/b</BlobPath></BlobList>'],
    ['nested elements in a path', '<BlobList><BlobPath><X/></BlobPath></BlobList>'],
  ])('finds %s malformed', (_what, xml) => {
    expect(blobFormats.parseBlobList(xml)).toHaveProperty('invalid');
  });
});

describe('drive manifests (reference §8)', () => {
  it('reads the DriveId of a manifest', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><DriveManifest Version="2014-11-01"><Drive>
      <DriveId>9WM35C3U</DriveId><StorageAccountKey>k</StorageAccountKey><BlobList/></Drive></DriveManifest>`;
    expect(blobFormats.manifestDriveId(xml)).toBe('9WM35C3U');
  });

  it.each([
    '<DriveManifest/>',
    '<Manifest><Drive><DriveId>X</DriveId></Drive></Manifest>',
    'not xml',
    '<DriveManifest><Drive><DriveId></DriveId></Drive></DriveManifest>',
  ])('finds no DriveId in %s', (xml) => expect(blobFormats.manifestDriveId(xml)).toBeUndefined());

  it('writes an export manifest the service can read back', () => {
    const xml = blobFormats.driveManifest('SANDBOX01', [
      { container: 'pictures', name: 'city/redmond.jpg', length: 15360, snapshot: '2014-01-01T00:00:00Z' },
    ]);
    const doc = parseWritten(xml).DriveManifest;
    expect(doc['@_Version']).toBe('2014-11-01');
    expect(doc.Drive.DriveId).toBe('SANDBOX01');
    expect(doc.Drive.BlobList.Blob).toEqual([
      {
        BlobPath: 'pictures/city/redmond.jpg',
        FilePath: '\\pictures\\city\\redmond.jpg',
        Snapshot: '2014-01-01T00:00:00Z',
        Length: '15360',
        BlockList: '',
      },
    ]);
    expect(blobFormats.manifestDriveId(xml)).toBe('SANDBOX01');
  });
});
