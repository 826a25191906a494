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

/** A body already in its wire form, UTF-8 (what `serialize` would write), as `feedBytes` builds it. */
export class JsonBytes {
  constructor(readonly bytes: Buffer) {}
}

/** JSON as the classic service wrote it, with `/` escaped as `\/`. */
export const serialize = (body: unknown): string =>
  body instanceof JsonBytes ? body.bytes.toString('utf8') : JSON.stringify(body).replace(/\//g, '\\/');

/** One feed item's wire form, as `feed` frames it: `serialize` writes a feed as its items joined. */
export const itemBytes = (f: Framing, ref: EntityRef, props: Record<string, unknown>): Buffer =>
  Buffer.from(serialize(annotate(f, ref, props)), 'utf8');

/** Renderings kept per parsed version: a client uses one version, one metadata level, one host. */
const RENDERINGS_PER_VERSION = 4;

/**
 * Wire bytes by the parsed version they render and the request's rendering key. The store hands out
 * the same frozen object while a row is unchanged (docs/benchmarks.md), so a client polling a job
 * or a page costs no rendering of a version already shown; a version the store no longer holds is
 * collected with its renderings.
 */
export class Renderings {
  private readonly byVersion = new WeakMap<object, Map<string, Buffer>>();

  of(version: object, key: string, render: () => Buffer): Buffer {
    let forVersion = this.byVersion.get(version);
    const hit = forVersion?.get(key);
    if (hit !== undefined) return hit;
    const bytes = render();
    if (!forVersion) this.byVersion.set(version, (forVersion = new Map<string, Buffer>()));
    if (forVersion.size < RENDERINGS_PER_VERSION) forVersion.set(key, bytes);
    return bytes;
  }
}

/** What a rendering depends on besides the version rendered: the API version and the framing. */
export const renderingKey = (apiVersion: string, f: Framing): string => `${apiVersion} ${f.level} ${f.base}`;

const COMMA = Buffer.from(',');

/**
 * `feed`'s wire form in one pass from its items' own (`itemBytes`), byte for byte what `serialize`
 * writes of `feed`: a 1,000-job page builds no object tree, is not serialized twice and is copied
 * once (issue 15; each pass over a page's ~800 KB is milliseconds).
 */
export function feedBytes(
  f: Framing,
  set: EntitySet,
  items: readonly Buffer[],
  nextLink?: string,
): JsonBytes {
  const link = nextLink !== undefined ? `,"odata.nextLink":${serialize(nextLink)}` : '';
  const head =
    f.level === 'nometadata'
      ? '{"value":['
      : `{"odata.metadata":${serialize(metadataUrl(f, set))},"odata.count":"${items.length}","value":[`;
  const parts: Buffer[] = [Buffer.from(head, 'utf8')];
  items.forEach((item, i) => parts.push(...(i === 0 ? [item] : [COMMA, item])));
  parts.push(Buffer.from(`]${link}}`, 'utf8'));
  return new JsonBytes(Buffer.concat(parts));
}
