import type { BlobFormats } from '../../import-export/datacenter/ports';
import { blobListXml, parseBlobListXml } from './blob-list-xml';
import { driveLogXml } from './drive-log-xml';
import { driveManifestXml, manifestDriveIdOf } from './manifest-xml';

/** The XML formats of docs/contract/import-export.md#b3 and the reference, as the domain's BlobFormats port. */
export const blobFormats: BlobFormats = {
  driveLog: driveLogXml,
  blobList: blobListXml,
  driveManifest: driveManifestXml,
  parseBlobList: parseBlobListXml,
  manifestDriveId: manifestDriveIdOf,
};
