import type * as Identity from '@azure/identity';
import type { StorageConfig } from '../../shared/adapters/storage-config';

/** Which Azure SDK packages have been loaded, and how credentials were built (no network). */
const mockLoaded = new Set<string>();
const mockBuilt: Array<{ type: string; options: unknown }> = [];

jest.mock('@azure/identity', () => {
  mockLoaded.add('@azure/identity');
  const actual = jest.requireActual<typeof Identity>('@azure/identity');
  const recording =
    <C extends new (options?: never) => object>(type: string, Credential: C) =>
    (options?: unknown) => {
      mockBuilt.push({ type, options: options === undefined ? undefined : { ...options } });
      return new Credential(options as never);
    };
  return {
    ...actual,
    DefaultAzureCredential: jest.fn(recording('DefaultAzureCredential', actual.DefaultAzureCredential)),
    ManagedIdentityCredential: jest.fn(
      recording('ManagedIdentityCredential', actual.ManagedIdentityCredential),
    ),
  };
});
jest.mock('@azure/data-tables', () => {
  mockLoaded.add('@azure/data-tables');
  return jest.requireActual('@azure/data-tables');
});
jest.mock('@azure/storage-blob', () => {
  mockLoaded.add('@azure/storage-blob');
  return jest.requireActual('@azure/storage-blob');
});

type IdentityStorage = Extract<StorageConfig, { kind: 'identity' }>;
const storage = (credential: IdentityStorage['credential']): IdentityStorage => ({
  kind: 'identity',
  tableEndpoint: 'https://acct.table.core.windows.net',
  blobEndpoint: 'https://acct.blob.core.windows.net',
  credential,
});

describe('identity-based access to the service storage', () => {
  it('loading every function loads neither @azure/identity nor the storage SDKs (cold start)', async () => {
    await import('../../functions');
    await import('../../shared/app/runtime');
    expect([...mockLoaded]).toEqual([]);
  });

  it.each([
    [{ kind: 'default' } as const, 'DefaultAzureCredential', undefined],
    [{ kind: 'managedIdentity' } as const, 'ManagedIdentityCredential', undefined],
    [
      { kind: 'managedIdentity', clientId: '00000000-0000-0000-0000-00000000c11d' } as const,
      'ManagedIdentityCredential',
      { clientId: '00000000-0000-0000-0000-00000000c11d' },
    ],
    [
      { kind: 'managedIdentity', resourceId: '/subscriptions/s/resourceGroups/g/providers/x/id' } as const,
      'ManagedIdentityCredential',
      { resourceId: '/subscriptions/s/resourceGroups/g/providers/x/id' },
    ],
  ])('%j builds a %s with %j', async (credential, type, options) => {
    const { credentialFor } = await import('../../shared/adapters/credential');
    mockBuilt.length = 0;
    const built = await credentialFor(storage(credential));
    expect(mockBuilt).toEqual([{ type, options }]);
    expect(typeof built.getToken).toBe('function');
    expect(mockLoaded.has('@azure/identity')).toBe(true);
  });

  it('builds one credential per identity and process, so clients share its token cache', async () => {
    const { credentialFor } = await import('../../shared/adapters/credential');
    const choice = { kind: 'managedIdentity', clientId: 'shared-client' } as const;
    mockBuilt.length = 0;
    const [a, b] = await Promise.all([credentialFor(storage(choice)), credentialFor(storage({ ...choice }))]);
    expect(a).toBe(b);
    expect(mockBuilt).toHaveLength(1);
    const other = await credentialFor(storage({ kind: 'managedIdentity', clientId: 'another-client' }));
    expect(other).not.toBe(a);
  });
});
