import { ImportExportError } from './errors';
import type { Credential, ExportSelection } from './model';
import { isContainerName } from './names';

/** docs/contract/import-export.md#a5: a BlobList's JSON is at most 32 KB. */
const MAX_BLOB_LIST_BYTES = 32 * 1024;
const MAX_BLOB_NAME = 1024;

const listError = (message: string, detail?: string) =>
  new ImportExportError('InvalidExportBlobList', message, detail);

/** A blob path is `<container>/<blob>`, with `$root` for the root container. */
export function isBlobPath(path: string): boolean {
  const slash = path.indexOf('/');
  if (slash <= 0) return false;
  const blob = path.slice(slash + 1);
  return isContainerName(path.slice(0, slash)) && blob.length > 0 && blob.length <= MAX_BLOB_NAME;
}

/** The container a path or prefix lies in, given the SAS container it must stay within. */
const inContainer = (path: string, container: string): boolean => path.startsWith(`${container}/`);

/**
 * Checks an export selection (docs/contract/import-export.md#a5). With a container SAS every path must lie in the SAS
 * container; a prefix must then start with `/<container>/`, since `/<container>` alone would
 * also select the containers whose names merely begin with it.
 */
export function checkExportSelection(
  selection: { BlobList?: { BlobPath?: string[]; BlobPathPrefix?: string[] }; BlobListBlobPath?: string },
  credential: Credential,
): ExportSelection {
  const sasContainer = credential.Kind === 'ContainerSas' ? credential.Container : undefined;
  const { BlobList, BlobListBlobPath } = selection;
  if (BlobList && BlobListBlobPath !== undefined) {
    throw listError('An export names its blobs with either BlobList or BlobListBlobPath, not both.');
  }
  if (BlobListBlobPath !== undefined) {
    if (!isBlobPath(BlobListBlobPath)) {
      throw listError(
        'BlobListBlobPath is the path of a blob: the container name, a slash and the blob name.',
        BlobListBlobPath,
      );
    }
    if (sasContainer && !inContainer(BlobListBlobPath, sasContainer)) {
      throw listError(
        'With a container SAS, the blob list blob must lie in the SAS container.',
        BlobListBlobPath,
      );
    }
    return { BlobListBlobPath };
  }
  if (!BlobList) throw listError('An export job needs Export.BlobList or Export.BlobListBlobPath.');
  const paths = BlobList.BlobPath ?? [];
  const prefixes = BlobList.BlobPathPrefix ?? [];
  if (paths.length + prefixes.length === 0) throw listError('The BlobList selects no blob.');
  if (new TextEncoder().encode(JSON.stringify(BlobList)).length > MAX_BLOB_LIST_BYTES) {
    throw listError('The BlobList is larger than 32 KB; put it in a blob and name it with BlobListBlobPath.');
  }
  for (const path of paths) {
    if (!isBlobPath(path))
      throw listError('A BlobPath is the container name, a slash and the blob name.', path);
    if (sasContainer && !inContainer(path, sasContainer)) {
      throw listError('With a container SAS, every BlobPath must lie in the SAS container.', path);
    }
  }
  for (const prefix of prefixes) {
    if (!prefix.startsWith('/') || prefix.length > MAX_BLOB_NAME + 65) {
      throw listError('A BlobPathPrefix starts with a slash followed by (part of) a container name.', prefix);
    }
    if (sasContainer && !inContainer(prefix.slice(1), sasContainer)) {
      throw listError(
        `With a container SAS, every BlobPathPrefix must start with /${sasContainer}/.`,
        prefix,
      );
    }
  }
  return { BlobList };
}
