import { conditionsMet } from '../../shared/kernel/conditions';
import { parseConditions } from '../../shared/edge/conditional-headers';

const ETAG = `W/"datetime'2014-04-30T00%3A25%3A42.3131245Z'"`;
const OTHER = `W/"datetime'2014-04-30T00%3A25%3A43.0000000Z'"`;
const MODIFIED = new Date('2014-04-30T00:25:42.313Z');
const exists = { exists: true, etag: ETAG, lastModified: MODIFIED };
const missing = { exists: false };
const headers = (h: Record<string, string>) => new Headers(h);

describe('conditional headers (docs/contract/import-export.md#a6)', () => {
  it('parses no header as no condition', () => {
    expect(parseConditions(headers({}))).toEqual({ kind: 'none' });
  });

  it.each([
    [{ 'If-Match': ETAG }, 'ifMatch'],
    [{ 'If-None-Match': '*' }, 'ifNoneMatch'],
    [{ 'If-Modified-Since': MODIFIED.toUTCString() }, 'ifModifiedSince'],
    [{ 'If-Unmodified-Since': MODIFIED.toUTCString() }, 'ifUnmodifiedSince'],
    [{ 'If-None-Match': ETAG, 'If-Modified-Since': MODIFIED.toUTCString() }, 'ifNoneMatch'],
    [{ 'If-Match': ETAG, 'If-Unmodified-Since': MODIFIED.toUTCString() }, 'ifMatch'],
  ])('lets %j decide as %s', (h, kind) => {
    expect(parseConditions(headers(h)).kind).toBe(kind);
  });

  it.each<Record<string, string>>([
    { 'If-Match': ETAG, 'If-None-Match': ETAG },
    { 'If-Match': ETAG, 'If-Modified-Since': MODIFIED.toUTCString() },
    { 'If-None-Match': ETAG, 'If-Unmodified-Since': MODIFIED.toUTCString() },
    { 'If-Modified-Since': MODIFIED.toUTCString(), 'If-Unmodified-Since': MODIFIED.toUTCString() },
    { 'If-Match': ETAG, 'If-None-Match': '*', 'If-Modified-Since': MODIFIED.toUTCString() },
  ])('refuses the combination %j with MultipleConditionHeadersNotSupported', (h) => {
    expect(() => parseConditions(headers(h))).toThrow(
      expect.objectContaining({ code: 'MultipleConditionHeadersNotSupported' }),
    );
  });

  it('refuses a malformed ETag list or date with InvalidHeaderValue', () => {
    expect(() => parseConditions(headers({ 'If-Match': 'no-quotes' }))).toThrow(
      expect.objectContaining({ code: 'InvalidHeaderValue' }),
    );
    expect(() => parseConditions(headers({ 'If-Modified-Since': 'yesterday' }))).toThrow(
      expect.objectContaining({ code: 'InvalidHeaderValue' }),
    );
  });

  it('reads an ETag list, with weak and strong tags', () => {
    expect(parseConditions(headers({ 'If-Match': `${OTHER}, "strong", ${ETAG}` }))).toEqual({
      kind: 'ifMatch',
      etags: [OTHER, '"strong"', ETAG],
    });
  });

  it('If-Match meets the current ETag (weakly), * on any version, and nothing on a missing job', () => {
    expect(conditionsMet({ kind: 'ifMatch', etags: [ETAG] }, exists)).toBe(true);
    expect(conditionsMet({ kind: 'ifMatch', etags: [ETAG.slice(2)] }, exists)).toBe(true);
    expect(conditionsMet({ kind: 'ifMatch', etags: [OTHER] }, exists)).toBe(false);
    expect(conditionsMet({ kind: 'ifMatch', etags: '*' }, exists)).toBe(true);
    expect(conditionsMet({ kind: 'ifMatch', etags: '*' }, missing)).toBe(false);
  });

  it('If-None-Match fails on the current ETag or * when the job exists, and passes when it does not', () => {
    expect(conditionsMet({ kind: 'ifNoneMatch', etags: [ETAG] }, exists)).toBe(false);
    expect(conditionsMet({ kind: 'ifNoneMatch', etags: [OTHER] }, exists)).toBe(true);
    expect(conditionsMet({ kind: 'ifNoneMatch', etags: '*' }, exists)).toBe(false);
    expect(conditionsMet({ kind: 'ifNoneMatch', etags: '*' }, missing)).toBe(true);
  });

  it('dates compare at whole seconds, as HTTP dates carry them', () => {
    const same = new Date('2014-04-30T00:25:42Z');
    const before = new Date('2014-04-30T00:25:41Z');
    expect(conditionsMet({ kind: 'ifModifiedSince', date: same }, exists)).toBe(false);
    expect(conditionsMet({ kind: 'ifModifiedSince', date: before }, exists)).toBe(true);
    expect(conditionsMet({ kind: 'ifUnmodifiedSince', date: same }, exists)).toBe(true);
    expect(conditionsMet({ kind: 'ifUnmodifiedSince', date: before }, exists)).toBe(false);
    expect(conditionsMet({ kind: 'ifUnmodifiedSince', date: same }, missing)).toBe(false);
  });
});
