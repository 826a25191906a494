/**
 * Parsed rows by identity and ETag: a row is validated, decrypted and parsed once per version,
 * however often it is read (clients poll Get Job and List Jobs). A new version replaces the old;
 * past `limit` entries the oldest go. Values are frozen, so no caller can change a shared one.
 */
export class VersionCache<T extends object> {
  private readonly entries = new Map<string, { etag: string; value: T }>();

  constructor(private readonly limit: number) {}

  get(key: string, etag: unknown): T | undefined {
    const hit = this.entries.get(key);
    return hit && hit.etag === etag ? hit.value : undefined;
  }

  set(key: string, etag: string, value: T): T {
    this.entries.delete(key);
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { etag, value: deepFreeze(value) });
    return value;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
