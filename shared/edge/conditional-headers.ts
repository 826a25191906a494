import { EdgeError } from './errors';
import type { Conditions } from '../kernel/conditions';

/** Splits an entity-tag list, keeping commas inside quoted tags. */
function parseEtagList(value: string): '*' | string[] {
  if (value.trim() === '*') return '*';
  const tags = value.match(/(?:W\/)?"[^"]*"/g);
  if (!tags || tags.join('').length === 0) {
    throw new EdgeError(
      'InvalidHeaderValue',
      'An ETag header value is a list of quoted entity tags, or *.',
      value,
    );
  }
  return tags;
}

function parseDate(name: string, value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new EdgeError('InvalidHeaderValue', `${name} must be an HTTP date (RFC 1123).`, value);
  return date;
}

/**
 * Normalises the conditional headers (docs/contract/import-export.md#a6). Only If-None-Match with If-Modified-Since and
 * If-Match with If-Unmodified-Since may come together, and then the ETag header decides.
 */
export function parseConditions(headers: { get(name: string): string | null }): Conditions {
  const ifMatch = headers.get('if-match');
  const ifNoneMatch = headers.get('if-none-match');
  const ifModifiedSince = headers.get('if-modified-since');
  const ifUnmodifiedSince = headers.get('if-unmodified-since');
  const present = [ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince].filter((h) => h !== null).length;
  const allowedPair =
    present === 2 &&
    ((ifNoneMatch !== null && ifModifiedSince !== null) || (ifMatch !== null && ifUnmodifiedSince !== null));
  if (present > 1 && !allowedPair) {
    throw new EdgeError(
      'MultipleConditionHeadersNotSupported',
      'Only If-None-Match with If-Modified-Since, or If-Match with If-Unmodified-Since, may be combined.',
    );
  }
  if (ifMatch !== null) return { kind: 'ifMatch', etags: parseEtagList(ifMatch) };
  if (ifNoneMatch !== null) return { kind: 'ifNoneMatch', etags: parseEtagList(ifNoneMatch) };
  if (ifModifiedSince !== null)
    return { kind: 'ifModifiedSince', date: parseDate('If-Modified-Since', ifModifiedSince) };
  if (ifUnmodifiedSince !== null)
    return { kind: 'ifUnmodifiedSince', date: parseDate('If-Unmodified-Since', ifUnmodifiedSince) };
  return { kind: 'none' };
}
