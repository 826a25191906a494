/**
 * Conditional headers, normalised (docs/contract/import-export.md#a6). At most one condition decides: If-Match wins over
 * If-Unmodified-Since and If-None-Match over If-Modified-Since; the parser in edge/conditional-headers.ts refuses
 * every other combination.
 */
export type Conditions =
  | { kind: 'none' }
  | { kind: 'ifMatch'; etags: '*' | readonly string[] }
  | { kind: 'ifNoneMatch'; etags: '*' | readonly string[] }
  | { kind: 'ifModifiedSince'; date: Date }
  | { kind: 'ifUnmodifiedSince'; date: Date };

export const NO_CONDITIONS: Conditions = { kind: 'none' };

export interface ConditionTarget {
  exists: boolean;
  etag?: string;
  lastModified?: Date;
}

/**
 * ETags compare weakly (the `W/` prefix ignored): every ETag the service issues is weak, as the
 * classic service's were, and If-Match must still be able to match them.
 */
const opaque = (etag: string): string => (etag.startsWith('W/') ? etag.slice(2) : etag);

const matchesAny = (etags: '*' | readonly string[], etag: string | undefined): boolean =>
  etags === '*' ? etag !== undefined : etag !== undefined && etags.some((e) => opaque(e) === opaque(etag));

/** HTTP dates have whole seconds; compare the resource's time at that precision. */
const seconds = (d: Date): number => Math.floor(d.getTime() / 1000);

/**
 * Whether the request may proceed. A missing resource meets If-None-Match and nothing else:
 * there is no version to match or to date.
 */
export function conditionsMet(c: Conditions, target: ConditionTarget): boolean {
  switch (c.kind) {
    case 'none':
      return true;
    case 'ifMatch':
      return target.exists && matchesAny(c.etags, target.etag);
    case 'ifNoneMatch':
      return !target.exists || !matchesAny(c.etags, target.etag);
    case 'ifModifiedSince':
      return (
        target.exists && target.lastModified !== undefined && seconds(target.lastModified) > seconds(c.date)
      );
    case 'ifUnmodifiedSince':
      return (
        target.exists && target.lastModified !== undefined && seconds(target.lastModified) <= seconds(c.date)
      );
  }
}
