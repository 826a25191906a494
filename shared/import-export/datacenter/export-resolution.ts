import type { BlobItem, DatacenterDeps, ListScope } from './ports';
import { CustomerStorageFailure, ImportExportError } from '../model/errors';
import type { Selection } from './export-selection';
import {
  compareItems,
  itemKey,
  matchesPath,
  matchesPrefix,
  scopeOfPrefix,
  selectionOfBlobList,
  selectionOfDocument,
  splitBlobPath,
} from './export-selection';
import type { ExportPlanRecord, Job } from '../model/model';

export type Resolution =
  { items: BlobItem[] } | { failure: NonNullable<ExportPlanRecord['Failure']>; detail: string };

type Deps = Pick<DatacenterDeps, 'customer' | 'formats'>;

/**
 * Resolves an export's selection against the customer's storage (docs/contract/import-export.md#b2): the blobs and
 * snapshots it selects, each once, in path order. A blob list that cannot be read as one is
 * BlobListFormatInvalid; storage denying access (403) is BlobRequestForbidden, never an error of
 * the call; any other storage failure is 502 StorageReadFailed and changes nothing.
 */
export async function resolveSelection(deps: Deps, job: Job): Promise<Resolution> {
  try {
    const selection = await selectionOf(deps, job);
    if (typeof selection === 'string') return { failure: 'BlobListFormatInvalid', detail: selection };
    return { items: await listSelection(deps, job, selection) };
  } catch (err) {
    if (!(err instanceof CustomerStorageFailure)) throw err;
    if (err.kind === 'Forbidden') return { failure: 'BlobRequestForbidden', detail: err.reason };
    throw new ImportExportError(
      'StorageReadFailed',
      "The export selection could not be read from the customer's storage.",
      err.reason,
    );
  }
}

async function selectionOf(deps: Deps, job: Job): Promise<Selection | string> {
  const selection = job.Export;
  if (!selection) return 'the job has no export selection';
  if ('BlobList' in selection) return selectionOfBlobList(selection.BlobList);
  const { container, blob } = splitBlobPath(selection.BlobListBlobPath);
  let xml: string;
  try {
    xml = await deps.customer.read(job, container, blob);
  } catch (err) {
    if (err instanceof CustomerStorageFailure && err.kind === 'NotFound')
      return `the blob list ${selection.BlobListBlobPath} does not exist`;
    throw err;
  }
  const doc = deps.formats.parseBlobList(xml);
  return 'invalid' in doc ? doc.invalid : selectionOfDocument(doc, job.Credential);
}

/** With a container SAS only the SAS container can be listed; every path lies in it (docs/contract/import-export.md#a5). */
function allowed(scope: ListScope, sasContainer: string | undefined): ListScope | undefined {
  if (sasContainer === undefined) return scope;
  const c = scope.container;
  const inSas = 'exact' in c ? c.exact === sasContainer : sasContainer.startsWith(c.prefix);
  return inSas ? { container: { exact: sasContainer }, blobPrefix: scope.blobPrefix } : undefined;
}

async function listSelection(deps: Deps, job: Job, selection: Selection): Promise<BlobItem[]> {
  const sas = job.Credential.Kind === 'ContainerSas' ? job.Credential.Container : undefined;
  const found = new Map<string, BlobItem>();
  const collect = async (scope: ListScope | undefined, keep: (i: BlobItem) => boolean) => {
    if (!scope) return;
    let items: BlobItem[] = [];
    try {
      items = await deps.customer.list(job, scope);
    } catch (err) {
      // A container that does not exist selects nothing.
      if (!(err instanceof CustomerStorageFailure && err.kind === 'NotFound')) throw err;
    }
    for (const item of items) if (keep(item)) found.set(itemKey(item), item);
  };
  for (const prefix of selection.prefixes) {
    await collect(allowed(scopeOfPrefix(prefix), sas), (i) => matchesPrefix(prefix, i));
  }
  for (const entry of selection.paths) {
    const scope = { container: { exact: entry.container }, blobPrefix: entry.blob };
    await collect(allowed(scope, sas), (i) => matchesPath(entry, i));
  }
  return [...found.values()].sort(compareItems);
}
