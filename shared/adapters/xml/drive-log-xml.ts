import type {
  BlobResult,
  DriveLog,
  ExtraResult,
  FileRef,
  PartResult,
} from '../../import-export/datacenter/drive-log';
import { attr, buildXml } from './xml-codec';

/** The `<DriveLog Version="2014-11-01">` format of the reference (§7), element order included. */
const DRIVE_LOG_VERSION = '2014-11-01';

const part = (p: PartResult) => ({
  [attr('Offset')]: p.Offset,
  [attr('Length')]: p.Length,
  ...(p.Id !== undefined && { [attr('Id')]: p.Id }),
  ...(p.Hash !== undefined && { [attr('Hash')]: p.Hash }),
  [attr('Status')]: p.Status,
});

const fileRef = (f: FileRef) => ({
  ...(f.Hash !== undefined && { [attr('Hash')]: f.Hash }),
  '#text': f.Path,
});

const extra = (e: ExtraResult) => ({
  [attr('Status')]: e.Status,
  ...(e.GlobalPath && { GlobalPath: fileRef(e.GlobalPath) }),
  ...(e.Path && { Path: fileRef(e.Path) }),
});

/** The manifest's disposition words (reference §8), for an entry that does not give its own. */
const DISPOSITION_WORD: Record<string, string> = { Overwritten: 'overwrite', Skipped: 'no-overwrite' };

function blob(b: BlobResult): Record<string, unknown> {
  const d = b.ImportDisposition;
  return {
    [attr('Status')]: b.Status,
    BlobPath: b.BlobPath,
    FilePath: b.FilePath,
    ...(b.Snapshot !== undefined && { Snapshot: b.Snapshot }),
    Length: b.Length,
    ...(b.LastModified !== undefined && { LastModified: b.LastModified }),
    ...(d && {
      ImportDisposition: {
        [attr('Status')]: d.Status,
        '#text': d.Value ?? DISPOSITION_WORD[d.Status] ?? 'rename',
      },
    }),
    ...(b.PageRanges && {
      PageRangeList: b.PageRanges.length > 0 ? { PageRange: b.PageRanges.map(part) } : '',
    }),
    ...(b.Blocks && { BlockList: b.Blocks.length > 0 ? { Block: b.Blocks.map(part) } : '' }),
    ...(b.Metadata && { Metadata: extra(b.Metadata) }),
    ...(b.Properties && { Properties: extra(b.Properties) }),
  };
}

export function driveLogXml(log: DriveLog): string {
  return buildXml({
    DriveLog: {
      [attr('Version')]: DRIVE_LOG_VERSION,
      DriveId: log.DriveId,
      ...(log.Blobs.length > 0 && { Blob: log.Blobs.map(blob) }),
      Status: log.Status,
    },
  });
}
