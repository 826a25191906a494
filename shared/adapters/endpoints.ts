/** Loopback hosts: the only ones reached over plain HTTP (Azurite), never a remote endpoint. */
export function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '[::1]' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
  } catch {
    return false;
  }
}

/** The named endpoint of a storage connection string, e.g. `TableEndpoint`. */
export function endpointOf(
  connectionString: string,
  name: 'TableEndpoint' | 'BlobEndpoint',
): string | undefined {
  for (const part of connectionString.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
