import { parseConfig } from '../../shared/app/config';
import { ConfigError } from '../../shared/app/settings';

/** The settings every configuration needs besides storage. */
const BASE = { SECRETS_KEY: Buffer.alloc(32, 1).toString('base64') };
const AZURITE =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1';

const storageOf = (env: Record<string, string>) => parseConfig({ ...BASE, ...env }).storage;
const failureOf = (env: Record<string, string>): Error => {
  try {
    parseConfig({ ...BASE, ...env });
  } catch (err) {
    return err as Error;
  }
  throw new Error('the configuration was accepted');
};

describe('the service storage settings (docs/contract/import-export.md#d7, the Functions host conventions)', () => {
  it('uses the connection string when there is one, even beside identity-based settings', () => {
    expect(
      storageOf({ AzureWebJobsStorage: AZURITE, AzureWebJobsStorage__accountName: 'prodaccount' }),
    ).toEqual({
      kind: 'connectionString',
      connectionString: AZURITE,
    });
  });

  it('treats an empty AzureWebJobsStorage as unset and derives the endpoints from the account name', () => {
    expect(storageOf({ AzureWebJobsStorage: '', AzureWebJobsStorage__accountName: 'prodaccount' })).toEqual({
      kind: 'identity',
      tableEndpoint: 'https://prodaccount.table.core.windows.net',
      blobEndpoint: 'https://prodaccount.blob.core.windows.net',
      credential: { kind: 'default' },
    });
  });

  it('prefers the service URIs to the account name and drops their trailing slash', () => {
    const storage = storageOf({
      AzureWebJobsStorage__accountName: 'prodaccount',
      AzureWebJobsStorage__tableServiceUri: 'https://other.table.core.usgovcloudapi.net/',
      AzureWebJobsStorage__blobServiceUri: 'https://other.blob.core.usgovcloudapi.net/',
    });
    expect(storage).toMatchObject({
      tableEndpoint: 'https://other.table.core.usgovcloudapi.net',
      blobEndpoint: 'https://other.blob.core.usgovcloudapi.net',
    });
  });

  it('fills a missing service URI from the account name', () => {
    const storage = storageOf({
      AzureWebJobsStorage__accountName: 'prodaccount',
      AzureWebJobsStorage__blobServiceUri: 'https://prodaccount.blob.core.windows.net/',
    });
    expect(storage).toMatchObject({ tableEndpoint: 'https://prodaccount.table.core.windows.net' });
  });

  it.each([
    [{ AzureWebJobsStorage__credential: 'managedidentity' }, { kind: 'managedIdentity' }],
    [{ AzureWebJobsStorage__credential: 'ManagedIdentity' }, { kind: 'managedIdentity' }],
    [
      { AzureWebJobsStorage__credential: 'managedidentity', AzureWebJobsStorage__clientId: 'c1ient-id' },
      { kind: 'managedIdentity', clientId: 'c1ient-id' },
    ],
    [{ AzureWebJobsStorage__clientId: 'c1ient-id' }, { kind: 'managedIdentity', clientId: 'c1ient-id' }],
    [
      { AzureWebJobsStorage__managedIdentityResourceId: '/subscriptions/s/resourceGroups/g/id' },
      { kind: 'managedIdentity', resourceId: '/subscriptions/s/resourceGroups/g/id' },
    ],
    [{}, { kind: 'default' }],
  ])('with %j authenticates as %j', (settings, credential) => {
    expect(storageOf({ AzureWebJobsStorage__accountName: 'prodaccount', ...settings })).toMatchObject({
      kind: 'identity',
      credential,
    });
  });

  it.each([
    [{}, 'AzureWebJobsStorage'],
    [{ AzureWebJobsStorage: '  ' }, 'AzureWebJobsStorage'],
    [{ AzureWebJobsStorage__blobServiceUri: 'https://a.blob.core.windows.net' }, 'AzureWebJobsStorage'],
    [{ AzureWebJobsStorage__accountName: 'Not_An_Account' }, 'AzureWebJobsStorage__accountName'],
    [{ AzureWebJobsStorage__tableServiceUri: 'not a url' }, 'AzureWebJobsStorage__tableServiceUri'],
    [
      {
        AzureWebJobsStorage__accountName: 'prodaccount',
        AzureWebJobsStorage__credential: 'connectionstring',
      },
      'AzureWebJobsStorage__credential',
    ],
    [
      {
        AzureWebJobsStorage__accountName: 'prodaccount',
        AzureWebJobsStorage__clientId: 'c1ient-id',
        AzureWebJobsStorage__managedIdentityResourceId: '/subscriptions/s/id',
      },
      'AzureWebJobsStorage__clientId',
    ],
  ])('refuses %j with a message naming %s', (settings, setting) => {
    const err = failureOf(settings);
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toMatch(new RegExp(`App setting ${setting} is (invalid|missing)`));
  });
});
