/**
 * A Table Storage string property holds at most 64 KiB (32K UTF-16 characters); longer text is
 * split across `Data`, `Data1`, `Data2`...
 */
const CHUNK = 30_000;

export function toChunks(name: string, text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0, n = 0; i < text.length || n === 0; i += CHUNK, n++) {
    out[n === 0 ? name : `${name}${n}`] = text.slice(i, i + CHUNK);
  }
  return out;
}

export function fromChunks(name: string, row: Record<string, unknown>): string | undefined {
  const first = row[name];
  if (typeof first !== 'string') return undefined;
  let text = first;
  for (let n = 1; ; n++) {
    const next = row[`${name}${n}`];
    if (typeof next !== 'string') return text;
    text += next;
  }
}

/**
 * JSON for a stored property. U+2028 and U+2029 are written escaped (as JSON allows, and as
 * JSON.parse reads back): Azurite fails every multi-operation transaction whose strings hold them raw.
 */
export const storedJson = (value: unknown): string => escapeSeparators(JSON.stringify(value));

/** A raw string property, with U+2028/U+2029 as JSON-style escapes (see storedJson). */
export const escapeSeparators = (text: string): string =>
  text.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
