import { locateJsonError } from '../../shared/kernel/json-syntax';

describe('locateJsonError', () => {
  it.each([
    ['{"a":}', 1, 6, 'a value'],
    ['{"a":1', 1, 7, "',' or '}'"],
    ['{"a" 1}', 1, 6, "':' after the property name"],
    ['{a:1}', 1, 2, 'a property name in double quotes'],
    ['[1,2,]', 1, 6, 'a value'],
    ['{\n  "Name": "x",\n  "Properties": {,}\n}', 3, 18, 'a property name in double quotes'],
    ['{"a":"b\\q"}', 1, 8, 'a valid escape'],
    ['{"a":1}x', 1, 8, 'the end of the text after the value'],
    ['', 1, 1, 'a value (the text ended)'],
    ['{"é😀":tru}', 1, 7, 'a value'],
  ])('finds where %j stops being JSON', (text, line, column, expected) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    const at = locateJsonError(text);
    expect(at).toMatchObject({ line, column });
    expect(at?.expected).toContain(expected);
  });

  it('finds nothing wrong in valid JSON', () => {
    expect(locateJsonError('{"a": [1, -2.5e3, true, null, "\\u00e9"], "b": {}}')).toBeUndefined();
  });
});
