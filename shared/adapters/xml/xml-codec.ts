import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * The one XML library of the service (fast-xml-parser), set up once: attributes as `@_name`,
 * values kept as text (a DriveId such as `0012` must not become a number), empty elements
 * self-closed as in the reference's samples (`<BlockList />`).
 */
const ATTR = '@_';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** A document with the XML declaration the reference's samples start with. */
export const buildXml = (root: Record<string, unknown>): string => DECLARATION + builder.build(root);

export type XmlNode = Record<string, unknown>;

/**
 * Parses a document, or answers why it is not well-formed. `arrays` names the elements that may
 * repeat, so a single one still parses as a list.
 */
export function parseXml(xml: string, arrays: readonly string[]): XmlNode | { invalid: string } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { invalid: `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})` };
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: ATTR,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    isArray: (name) => arrays.includes(name),
  });
  return parser.parse(xml) as XmlNode;
}

export const attr = (name: string): string => `${ATTR}${name}`;

/** An element's text, whether it was parsed as plain text or as an object with attributes. */
export function textOf(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
    const text = (node as XmlNode)['#text'];
    return typeof text === 'string' ? text : text === undefined ? '' : undefined;
  }
  return undefined;
}

/** An element's attributes, by name without the prefix. */
export function attributesOf(node: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof node !== 'object' || node === null) return out;
  for (const [k, v] of Object.entries(node)) if (k.startsWith(ATTR)) out[k.slice(ATTR.length)] = String(v);
  return out;
}

/** The child element names of a node, without attributes and text. */
export const childNames = (node: unknown): string[] =>
  typeof node === 'object' && node !== null
    ? Object.keys(node).filter((k) => !k.startsWith(ATTR) && k !== '#text')
    : [];
