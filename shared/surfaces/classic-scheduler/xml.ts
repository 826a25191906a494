import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** docs/classic-scheduler.md#a3: the namespace .NET looks elements up by. */
const NS = 'http://schemas.microsoft.com/windowsazure';
const NS_I = 'http://www.w3.org/2001/XMLSchema-instance';

/** An element: text, children in order, or empty (self-closed). */
export type XmlEl = [name: string, content?: string | number | boolean | XmlEl[] | undefined];

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function write([name, content]: XmlEl, attrs = ''): string {
  if (content === undefined || (Array.isArray(content) && content.length === 0) || content === '')
    return `<${name}${attrs}/>`;
  const inner = Array.isArray(content) ? content.map((c) => write(c)).join('') : escape(String(content));
  return `<${name}${attrs}>${inner}</${name}>`;
}

/** A document whose root declares the windowsazure namespace (and `i`, as RDFE does). */
export const xmlDocument = (root: XmlEl): string =>
  `<?xml version="1.0" encoding="utf-8"?>${write(root, ` xmlns="${NS}" xmlns:i="${NS_I}"`)}`;

export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  processEntities: true,
});

/** Parses namespace-tolerantly; undefined when the text is not well-formed XML (docs/classic-scheduler.md#a2). */
export function parseXml(text: string): XmlNode | undefined {
  if (text.trim() === '' || XMLValidator.validate(text) !== true) return undefined;
  try {
    const doc = parser.parse(text) as unknown;
    return typeof doc === 'object' && doc !== null ? (doc as XmlNode) : undefined;
  } catch {
    return undefined;
  }
}

/** A child element by name, ignoring case (clients spell elements as the samples do; be lenient). */
export function child(node: unknown, name: string): unknown {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  const key = Object.keys(node).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (node as XmlNode)[key];
}

/** An element's text; '' for an empty element; undefined when absent or not text. */
export function text(node: unknown, name: string): string | undefined {
  const value = child(node, name);
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === '' || (typeof value === 'object' && value !== null && Object.keys(value).length === 0))
    return '';
  return undefined;
}
