import { HttpRequest } from '@azure/functions';
import { checkContentHeaders, effectiveVerb, newRequestId } from '../../shared/edge/request-info';
import { baseUrl, checkVersion } from '../../shared/surfaces/classic-import-export/versions';

const req = (method: string, headers: Record<string, string> = {}, url = 'http://localhost:7071/x') =>
  new HttpRequest({ method, url, headers });
const code = (c: string) => expect.objectContaining({ code: c });

describe('request details (docs/contract/import-export.md#a1, #a2)', () => {
  it('makes 32-hex request ids, unique per request', () => {
    const ids = new Set(Array.from({ length: 100 }, newRequestId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each([
    ['GET', 'PUT', 'PUT'],
    ['POST', 'PATCH', 'PATCH'],
    ['POST', 'merge', 'PATCH'],
    ['GET', 'DELETE', 'DELETE'],
  ])('tunnels %s with X-HTTP-Method: %s as %s', (method, tunnel, verb) => {
    expect(effectiveVerb(req(method, { 'X-HTTP-Method': tunnel }))).toBe(verb);
  });

  it('processes MERGE as PATCH', () => {
    expect(effectiveVerb(req('MERGE'))).toBe('PATCH');
  });

  it('processes OPTIONS as OPTIONS, never as POST, and refuses a method it does not know with 405', () => {
    expect(effectiveVerb(req('OPTIONS'))).toBe('OPTIONS');
    expect(() => effectiveVerb(req('PROPFIND'))).toThrow(code('MethodNotAllowed'));
  });

  it.each([
    ['GET', 'GET'],
    ['POST', 'HEAD'],
    ['POST', 'TRACE'],
    ['PUT', 'DELETE'],
  ])('refuses %s with X-HTTP-Method: %s as InvalidHttpVerb', (method, tunnel) => {
    expect(() => effectiveVerb(req(method, { 'X-HTTP-Method': tunnel }))).toThrow(code('InvalidHttpVerb'));
  });

  it('accepts the two versions and refuses any other or none', () => {
    expect(checkVersion('2014-05-01')).toBe('2014-05-01');
    expect(checkVersion('2014-11-01')).toBe('2014-11-01');
    for (const v of [null, '', '2015-11-01', '2014-05-01x'])
      expect(() => checkVersion(v)).toThrow(code('MissingOrIncorrectVersionHeader'));
  });

  it('refuses a body on GET, HEAD and DELETE, other encodings, and non-JSON bodies', () => {
    expect(() => checkContentHeaders('GET', req('GET', { 'Content-Length': '0' }), false)).not.toThrow();
    expect(() => checkContentHeaders('DELETE', req('DELETE', { 'Content-Length': '5' }), false)).toThrow(
      code('InvalidHeaderValue'),
    );
    expect(() => checkContentHeaders('PUT', req('PUT', { 'Content-Encoding': 'gzip' }), true)).toThrow(
      code('InvalidHeaderValue'),
    );
    expect(() =>
      checkContentHeaders('PUT', req('PUT', { 'Content-Encoding': 'identity' }), true),
    ).not.toThrow();
    expect(() =>
      checkContentHeaders('PUT', req('PUT', { 'Content-Type': 'application/json; charset=utf-8' }), true),
    ).not.toThrow();
    expect(() => checkContentHeaders('PUT', req('PUT', { 'Content-Type': 'text/plain' }), true)).toThrow(
      code('UnsupportedMediaType'),
    );
    expect(() =>
      checkContentHeaders('GET', req('GET', { 'Content-Type': 'text/plain' }), false),
    ).not.toThrow();
  });

  it('builds the base URL from the request, honouring forwarded scheme and host', () => {
    const sub = 'AFB1A4EB-bc88-4ce1-b1af-dfec80067464';
    expect(baseUrl(req('GET'), sub)).toBe(`http://localhost:7071/${sub}/services/importexport`);
    expect(
      baseUrl(
        req('GET', { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'management.core.windows.net' }),
        sub,
      ),
    ).toBe(`https://management.core.windows.net/${sub}/services/importexport`);
    expect(baseUrl(req('GET', { 'X-Forwarded-Host': 'evil.example/path' }), sub)).toBe(
      `http://localhost:7071/${sub}/services/importexport`,
    );
  });
});
