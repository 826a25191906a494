import type { BlobItem, BlobListDocument, ListScope } from './ports';
import { isBlobPath } from '../model/export-paths';
import type { Credential, ExportSelection } from '../model/model';

/**
 * An export's selection in resolved terms (docs/contract/import-export.md#b2): single blobs with the snapshots they take,
 * and plain string prefixes on `/<container>/<blob>`.
 */
export interface PathEntry {
  container: string;
  blob: string;
  /** `all`: the blob and its snapshots; `none`: the blob alone; `{ at }`: that one snapshot. */
  snapshots: 'all' | 'none' | { at: string };
}

export interface Selection {
  paths: PathEntry[];
  prefixes: string[];
}

/** `<container>/<blob>` into its parts (the path is already known to be a blob path). */
export const splitBlobPath = (path: string): { container: string; blob: string } => {
  const slash = path.indexOf('/');
  return { container: path.slice(0, slash), blob: path.slice(slash + 1) };
};

/** The selection of a Put Job BlobList: "any snapshots of the specified blobs will also be exported". */
export function selectionOfBlobList(
  list: Extract<ExportSelection, { BlobList: unknown }>['BlobList'],
): Selection {
  return {
    paths: (list.BlobPath ?? []).map((p) => ({ ...splitBlobPath(p), snapshots: 'all' })),
    prefixes: list.BlobPathPrefix ?? [],
  };
}

const sasContainerOf = (c: Credential): string | undefined =>
  c.Kind === 'ContainerSas' ? c.Container : undefined;

/**
 * Checks a `<BlobList>` document read from BlobListBlobPath: the rules of Put Job's BlobList
 * (docs/contract/import-export.md#a5) plus the attributes of the reference's blob-list format. Answers the selection, or
 * why it is malformed (the drives' CopyStatus then is BlobListFormatInvalid).
 */
export function selectionOfDocument(doc: BlobListDocument, credential: Credential): Selection | string {
  const sas = sasContainerOf(credential);
  if (doc.BlobPath.length + doc.BlobPathPrefix.length === 0) return 'the BlobList selects no blob';
  const paths: PathEntry[] = [];
  for (const entry of doc.BlobPath) {
    if (!isBlobPath(entry.Path)) return `"${entry.Path}" is not a blob path`;
    if (sas && splitBlobPath(entry.Path).container !== sas)
      return `"${entry.Path}" is outside the SAS container`;
    const include = entry.IncludeSnapshots?.toLowerCase();
    if (include !== undefined && include !== 'true' && include !== 'false')
      return `IncludeSnapshots="${entry.IncludeSnapshots}" is neither true nor false`;
    if (entry.SnapshotTime !== undefined) {
      if (include !== undefined) return `"${entry.Path}" has both IncludeSnapshots and SnapshotTime`;
      if (!Number.isFinite(Date.parse(entry.SnapshotTime)))
        return `SnapshotTime="${entry.SnapshotTime}" is not a date and time`;
    }
    const snapshots =
      entry.SnapshotTime !== undefined ? { at: entry.SnapshotTime } : include === 'false' ? 'none' : 'all';
    paths.push({ ...splitBlobPath(entry.Path), snapshots });
  }
  for (const prefix of doc.BlobPathPrefix) {
    if (!prefix.startsWith('/')) return `the prefix "${prefix}" does not start with a slash`;
    if (sas && !prefix.startsWith(`/${sas}/`)) return `the prefix "${prefix}" is outside the SAS container`;
  }
  return { paths, prefixes: doc.BlobPathPrefix };
}

/** The listing a prefix needs: `/bob` lists every container starting with `bob`, `/bob/x` container `bob`. */
export function scopeOfPrefix(prefix: string): ListScope {
  const rest = prefix.slice(1);
  const slash = rest.indexOf('/');
  return slash < 0
    ? { container: { prefix: rest }, blobPrefix: '' }
    : { container: { exact: rest.slice(0, slash) }, blobPrefix: rest.slice(slash + 1) };
}

/** docs/contract/import-export.md#b2: a BlobPathPrefix is a plain string prefix on `/<container>/<blob>`. */
export const matchesPrefix = (prefix: string, item: Pick<BlobItem, 'container' | 'name'>): boolean =>
  `/${item.container}/${item.name}`.startsWith(prefix);

/** Whether a single-blob entry selects this blob or snapshot. */
export function matchesPath(entry: PathEntry, item: BlobItem): boolean {
  if (item.container !== entry.container || item.name !== entry.blob) return false;
  const s = entry.snapshots;
  if (s === 'all') return true;
  if (s === 'none') return item.snapshot === undefined;
  return item.snapshot !== undefined && Date.parse(item.snapshot) === Date.parse(s.at);
}

export const itemKey = (i: BlobItem): string => `${i.container}/${i.name}@${i.snapshot ?? ''}`;

/** Container, then name, then the base blob before its snapshots in time order. */
export function compareItems(a: BlobItem, b: BlobItem): number {
  const pa = `${a.container}/${a.name}`;
  const pb = `${b.container}/${b.name}`;
  if (pa !== pb) return pa < pb ? -1 : 1;
  if (a.snapshot === b.snapshot) return 0;
  if (a.snapshot === undefined) return -1;
  if (b.snapshot === undefined) return 1;
  return Date.parse(a.snapshot) - Date.parse(b.snapshot);
}
