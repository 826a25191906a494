import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Parses a blob the service wrote, independently of the code that wrote it: well-formedness first,
 * then the document with attributes as `@_name` and repeating elements as arrays.
 */
export function parseWritten(xml: string): any {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    ignoreDeclaration: true,
    isArray: (name, jpath) =>
      ['Blob', 'Block', 'PageRange'].includes(name) ||
      ['BlobList.BlobPath', 'BlobList.BlobPathPrefix'].includes(String(jpath)),
  }).parse(xml);
}
