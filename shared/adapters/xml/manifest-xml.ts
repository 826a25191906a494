import type { BlobItem } from '../../import-export/datacenter/ports';
import { attr, buildXml, childNames, parseXml, textOf } from './xml-codec';

/**
 * An export drive's manifest (reference §8): the blobs written to the drive, each with the file it
 * became. Export manifests carry no key or SAS. No block list is known without copying, so each
 * blob has an empty one.
 */
export function driveManifestXml(driveId: string, blobs: readonly BlobItem[]): string {
  return buildXml({
    DriveManifest: {
      [attr('Version')]: '2014-11-01',
      Drive: {
        DriveId: driveId,
        ClientCreator: 'Windows Azure Import/Export service',
        BlobList: {
          ...(blobs.length > 0 && {
            Blob: blobs.map((b) => ({
              BlobPath: `${b.container}/${b.name}`,
              FilePath: `\\${b.container}\\${b.name.replace(/\//g, '\\')}`,
              ...(b.snapshot !== undefined && { Snapshot: b.snapshot }),
              Length: b.length,
              BlockList: '',
            })),
          }),
        },
      },
    },
  });
}

/** The `DriveManifest/Drive/DriveId` of a manifest, or undefined when the text is not one. */
export function manifestDriveIdOf(xml: string): string | undefined {
  const parsed = parseXml(xml, []);
  if ('invalid' in parsed) return undefined;
  const roots = childNames(parsed);
  if (roots.length !== 1 || roots[0] !== 'DriveManifest') return undefined;
  const drive = (parsed.DriveManifest as Record<string, unknown> | undefined)?.Drive;
  if (typeof drive !== 'object' || drive === null || Array.isArray(drive)) return undefined;
  const id = textOf((drive as Record<string, unknown>).DriveId);
  return id === undefined || id === '' ? undefined : id;
}
