/**
 * Table Storage ETags are the classic ones: `W/"datetime'2014-04-30T00%3A25%3A42.3131245Z'"`
 * (docs/contract/import-export.md#a6). The time inside is the entity's last modification, which Last-Modified reports.
 */
export function lastModifiedOf(etag: string): Date {
  const m = /datetime'([^']+)'/.exec(etag);
  if (!m?.[1]) throw new Error(`not a Table Storage ETag: ${etag}`);
  const iso = decodeURIComponent(m[1]).replace(/(\.\d{3})\d*Z$/, '$1Z');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`not a Table Storage ETag: ${etag}`);
  return date;
}
