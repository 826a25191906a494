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
