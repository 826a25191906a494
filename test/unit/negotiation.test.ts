import { negotiate } from '../../shared/surfaces/classic-import-export/negotiation';

const code = (c: string) => expect.objectContaining({ code: c });

describe('content negotiation (docs/contract/import-export.md#a2)', () => {
  it.each([
    [null, 'minimalmetadata'],
    ['', 'minimalmetadata'],
    ['application/json', 'minimalmetadata'],
    ['application/json;odata=nometadata', 'nometadata'],
    ['application/json;odata=nometatadata', 'nometadata'],
    ['application/json; odata=fullmetadata; charset=utf-8', 'fullmetadata'],
    ['application/json;odata=minimalmetadata;streaming=true;q=0.9', 'minimalmetadata'],
    ['*/*', 'minimalmetadata'],
    ['application/*;odata=fullmetadata', 'fullmetadata'],
    ['text/html, application/json;odata=nometadata', 'nometadata'],
    ['application/json;q=0.5;odata=fullmetadata, */*;q=0.8', 'minimalmetadata'],
  ])('Accept %j gives %s', (accept, level) => {
    expect(negotiate('json', accept, null)).toBe(level);
  });

  it.each(['application/xml', 'text/html', 'application/json;odata=verbose', 'application/json;q=0'])(
    'Accept %j is 406 NotAcceptable',
    (accept) => {
      expect(() => negotiate('json', accept, null)).toThrow(code('NotAcceptable'));
    },
  );

  it('lets $format override Accept', () => {
    expect(negotiate('json', 'text/html', 'application/json;odata=fullmetadata')).toBe('fullmetadata');
    expect(negotiate('json', 'text/html', 'json')).toBe('minimalmetadata');
  });

  it.each(['xml', 'application/xml', 'application/json;odata=verbose', '*/*', 'garbage'])(
    '$format=%s is 400 InvalidQueryParameterValue',
    (f) => {
      expect(() => negotiate('json', null, f)).toThrow(code('InvalidQueryParameterValue'));
    },
  );

  it('serves $metadata as XML', () => {
    expect(() => negotiate('xml', 'application/xml', null)).not.toThrow();
    expect(() => negotiate('xml', null, 'xml')).not.toThrow();
    expect(() => negotiate('xml', 'application/json', null)).toThrow(code('NotAcceptable'));
  });
});
