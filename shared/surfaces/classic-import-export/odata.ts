import type { MetadataLevel } from './negotiation';

/** OData JSON Light framing (docs/contract/import-export.md#a3). */
export const NAMESPACE = 'Microsoft.Cis.Services.ImportExport.Public';
export type EntitySet = 'Jobs' | 'Locations' | 'StorageAccounts';
type EntityType = 'Job' | 'Location' | 'StorageAccount';

export interface EntityRef {
  type: EntityType;
  /** The entity's key, its `odata.id`. */
  id: string;
  /** Path under the base, e.g. `jobs/MyJob`. */
  editPath: string;
}

export interface Framing {
  level: MetadataLevel;
  /** Absolute URL of `/{sub}/services/importexport` as the client addressed it. */
  base: string;
}

const metadataUrl = (f: Framing, set: EntitySet) =>
  `${f.base}/$metadata#${NAMESPACE}.ImportExportData.${set}`;

/** An entity's annotations, in the order of the classic samples, followed by its properties. */
function annotate(f: Framing, ref: EntityRef, props: Record<string, unknown>): Record<string, unknown> {
  if (f.level === 'nometadata') return props;
  return {
    ...(f.level === 'fullmetadata' && { 'odata.type': `${NAMESPACE}.${ref.type}` }),
    'odata.id': ref.id,
    'odata.editLink': `${f.base}/${ref.editPath}`,
    ...props,
  };
}

export function entity(
  f: Framing,
  set: EntitySet,
  ref: EntityRef,
  props: Record<string, unknown>,
): Record<string, unknown> {
  const body = annotate(f, ref, props);
  return f.level === 'nometadata' ? body : { 'odata.metadata': `${metadataUrl(f, set)}/@Element`, ...body };
}

/**
 * A feed. `odata.count` is a string, as in the samples. `odata.nextLink` is kept even without
 * metadata: it is paging control, and without it such a client could not read past one page.
 */
export function feed(
  f: Framing,
  set: EntitySet,
  items: readonly { ref: EntityRef; props: Record<string, unknown> }[],
  nextLink?: string,
): Record<string, unknown> {
  const value = items.map((i) => annotate(f, i.ref, i.props));
  const link = nextLink !== undefined ? { 'odata.nextLink': nextLink } : {};
  if (f.level === 'nometadata') return { value, ...link };
  return { 'odata.metadata': metadataUrl(f, set), 'odata.count': String(items.length), value, ...link };
}

/** A body already in its wire form (what `serialize` would write), as `feedText` builds it. */
export class JsonText {
  constructor(readonly text: string) {}
}

/** JSON as the classic service wrote it, with `/` escaped as `\/`. */
export const serialize = (body: unknown): string =>
  body instanceof JsonText ? body.text : JSON.stringify(body).replace(/\//g, '\\/');

/** One feed item's wire form, as `feed` frames it: `serialize` writes a feed as its items joined. */
export const itemText = (f: Framing, ref: EntityRef, props: Record<string, unknown>): string =>
  serialize(annotate(f, ref, props));

/**
 * `feed`'s wire form in one pass from its items' own (`itemText`), byte for byte what `serialize`
 * writes of `feed`: a 1,000-job page builds no object tree and is not serialized twice (issue 15).
 */
export function feedText(f: Framing, set: EntitySet, items: readonly string[], nextLink?: string): JsonText {
  const value = `"value":[${items.join(',')}]`;
  const link = nextLink !== undefined ? `,"odata.nextLink":${serialize(nextLink)}` : '';
  if (f.level === 'nometadata') return new JsonText(`{${value}${link}}`);
  const head = `"odata.metadata":${serialize(metadataUrl(f, set))},"odata.count":"${items.length}"`;
  return new JsonText(`{${head},${value}${link}}`);
}
