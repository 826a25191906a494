import type { BlobListDocument } from '../../import-export/datacenter/ports';
import { attr, attributesOf, buildXml, childNames, parseXml, textOf } from './xml-codec';

/** Put Job's blob-list format (reference §4.1): `<BlobList>` of BlobPath and BlobPathPrefix. */
export function blobListXml(doc: BlobListDocument): string {
  return buildXml({
    BlobList: {
      ...(doc.BlobPathPrefix.length > 0 && { BlobPathPrefix: doc.BlobPathPrefix }),
      ...(doc.BlobPath.length > 0 && {
        BlobPath: doc.BlobPath.map((p) => ({
          ...(p.IncludeSnapshots !== undefined && { [attr('IncludeSnapshots')]: p.IncludeSnapshots }),
          ...(p.SnapshotTime !== undefined && { [attr('SnapshotTime')]: p.SnapshotTime }),
          '#text': p.Path,
        })),
      }),
    },
  });
}

const BLOB_PATH_ATTRIBUTES = ['IncludeSnapshots', 'SnapshotTime'];

/** Reads a `<BlobList>`; anything but BlobPath and BlobPathPrefix elements makes it malformed. */
export function parseBlobListXml(xml: string): BlobListDocument | { invalid: string } {
  const parsed = parseXml(xml, ['BlobPath', 'BlobPathPrefix']);
  if ('invalid' in parsed) return { invalid: String(parsed.invalid) };
  const roots = childNames(parsed);
  if (roots.length !== 1 || roots[0] !== 'BlobList') return { invalid: 'the document is not one <BlobList>' };
  const list = parsed.BlobList;
  const other = childNames(list).find((n) => n !== 'BlobPath' && n !== 'BlobPathPrefix');
  if (other !== undefined) return { invalid: `<BlobList> has an unknown element <${other}>` };
  const node = (typeof list === 'object' && list !== null ? list : {}) as Record<
    string,
    unknown[] | undefined
  >;
  const doc: BlobListDocument = { BlobPath: [], BlobPathPrefix: [] };
  for (const p of node.BlobPath ?? []) {
    const path = textOf(p);
    if (path === undefined || childNames(p).length > 0) return { invalid: '<BlobPath> holds a path only' };
    const attrs = attributesOf(p);
    const unknown = Object.keys(attrs).find((a) => !BLOB_PATH_ATTRIBUTES.includes(a));
    if (unknown !== undefined) return { invalid: `<BlobPath> has an unknown attribute ${unknown}` };
    doc.BlobPath.push({
      Path: path,
      ...(attrs.IncludeSnapshots !== undefined && { IncludeSnapshots: attrs.IncludeSnapshots }),
      ...(attrs.SnapshotTime !== undefined && { SnapshotTime: attrs.SnapshotTime }),
    });
  }
  for (const p of node.BlobPathPrefix ?? []) {
    const prefix = textOf(p);
    if (prefix === undefined || childNames(p).length > 0 || Object.keys(attributesOf(p)).length > 0)
      return { invalid: '<BlobPathPrefix> holds a prefix only' };
    doc.BlobPathPrefix.push(prefix);
  }
  return doc;
}
