import { appManagedIdentity } from '../../shared/adapters/credential';
import type { RegisteredCredentials } from '../../shared/import-export/datacenter/registered-credentials';
import { resolveCredential } from '../../shared/import-export/datacenter/registered-credentials';
import type { Credential } from '../../shared/import-export/model/model';

/** docs/arm-import-export.md#f2: registered, then the local Azurite's account, then the app's managed identity, last. */
const registered = (found?: Credential): RegisteredCredentials => ({
  get: () => Promise.resolve(found),
  put: () => Promise.resolve(true),
  delete: () => Promise.resolve(true),
});
const SAS: Credential = { Kind: 'ContainerSas', Container: 'c', Token: 'sv=2020-01-01&sp=rl&sig=x' };
const everywhere = { localAzurite: true, managedIdentity: true };
const resolve = (found: Credential | undefined, account: string, fallbacks = everywhere) =>
  resolveCredential(registered(found), fallbacks, 'sub', account);

it('prefers a registered credential to Azurite and to the managed identity', async () => {
  expect(await resolve(SAS, 'devstoreaccount1')).toEqual(SAS);
});

it("uses Azurite's development key before the managed identity, for its own account only", async () => {
  expect(await resolve(undefined, 'devstoreaccount1')).toMatchObject({ Kind: 'StorageAccountKey' });
  expect(await resolve(undefined, 'customer9')).toEqual({ Kind: 'ManagedIdentity' });
});

it('falls back to the managed identity last, and to nothing without one', async () => {
  expect(await resolve(undefined, 'customer9', { localAzurite: false, managedIdentity: true })).toEqual({
    Kind: 'ManagedIdentity',
  });
  expect(
    await resolve(undefined, 'customer9', { localAzurite: true, managedIdentity: false }),
  ).toBeUndefined();
  expect(
    await resolve(undefined, 'devstoreaccount1', { localAzurite: false, managedIdentity: false }),
  ).toBeUndefined();
});

it("offers the app's managed identity only when its own storage uses one, never a developer's login", () => {
  const endpoints = {
    tableEndpoint: 'https://a.table.core.windows.net',
    blobEndpoint: 'https://a.blob.core.windows.net',
  };
  expect(
    appManagedIdentity({ kind: 'connectionString', connectionString: 'UseDevelopmentStorage=true' }),
  ).toBeUndefined();
  expect(
    appManagedIdentity({ kind: 'identity', ...endpoints, credential: { kind: 'default' } }),
  ).toBeUndefined();
  expect(
    typeof appManagedIdentity({ kind: 'identity', ...endpoints, credential: { kind: 'managedIdentity' } }),
  ).toBe('function');
});
