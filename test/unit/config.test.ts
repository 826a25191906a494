import { parseConfig } from '../../shared/app/config';
import { ConfigError } from '../../shared/app/settings';
import { DEFAULT_LOCATIONS } from '../../shared/import-export/model/locations';

const base = {
  AzureWebJobsStorage: 'UseDevelopmentStorage=true',
  SECRETS_KEY: Buffer.alloc(32, 1).toString('base64'),
};

describe('configuration (docs/contract/import-export.md#d7)', () => {
  it('applies the defaults', () => {
    const c = parseConfig(base);
    expect(c).toMatchObject({
      storage: { kind: 'connectionString', connectionString: 'UseDevelopmentStorage=true' },
      storagePrefix: 'importexport',
      operatorKeys: [],
      activeJobLimit: 20,
      storageTimeoutMs: 8_000,
      customerStorageTimeoutMs: 25_000,
      sweepSchedule: '0 */5 * * * *',
      customerBlobEndpoint: 'https://{account}.blob.core.windows.net',
      trustForwardedClientCert: false,
    });
    expect(c.locations).toBe(DEFAULT_LOCATIONS);
  });

  it('reads every setting', () => {
    const c = parseConfig({
      ...base,
      OPERATOR_KEYS: ' key-one-0123456789 , key-two-0123456789 ',
      ACTIVE_JOB_LIMIT: '5',
      SWEEP_SCHEDULE: '0 0 * * * *',
      CUSTOMER_BLOB_ENDPOINT: 'http://127.0.0.1:10000/{account}',
      LOCATIONS: JSON.stringify([{ ...DEFAULT_LOCATIONS[0] }]),
      WEBSITE_SITE_NAME: 'myapp',
    });
    expect(c.operatorKeys).toEqual(['key-one-0123456789', 'key-two-0123456789']);
    expect(c.activeJobLimit).toBe(5);
    expect(c.locations).toHaveLength(1);
    expect(c.trustForwardedClientCert).toBe(true);
  });

  it('uses identity-based storage from the account name', () => {
    const { AzureWebJobsStorage: _cs, ...rest } = base;
    expect(parseConfig({ ...rest, AzureWebJobsStorage__accountName: 'mystore' }).storage).toEqual({
      kind: 'identity',
      tableEndpoint: 'https://mystore.table.core.windows.net',
      blobEndpoint: 'https://mystore.blob.core.windows.net',
      credential: { kind: 'default' },
    });
  });

  it.each([
    [{ SECRETS_KEY: undefined }, 'SECRETS_KEY'],
    [{ SECRETS_KEY: Buffer.alloc(16).toString('base64') }, 'SECRETS_KEY'],
    [{ ACTIVE_JOB_LIMIT: 'twenty' }, 'ACTIVE_JOB_LIMIT'],
    [{ ACTIVE_JOB_LIMIT: '0' }, 'ACTIVE_JOB_LIMIT'],
    [{ STORAGE_TIMEOUT_MS: 'soon' }, 'STORAGE_TIMEOUT_MS'],
    [{ STORAGE_TIMEOUT_MS: '60001' }, 'STORAGE_TIMEOUT_MS'],
    [{ CUSTOMER_STORAGE_TIMEOUT_MS: '0' }, 'CUSTOMER_STORAGE_TIMEOUT_MS'],
    [{ OPERATOR_KEYS: 'short' }, 'OPERATOR_KEYS'],
    [{ CUSTOMER_BLOB_ENDPOINT: 'https://fixed.blob.core.windows.net' }, 'CUSTOMER_BLOB_ENDPOINT'],
    [{ SWEEP_SCHEDULE: 'every five minutes' }, 'SWEEP_SCHEDULE'],
    [{ LOCATIONS: 'not json' }, 'LOCATIONS'],
    [{ LOCATIONS: '[{"Name":"x"}]' }, 'LOCATIONS'],
    [{ STORAGE_PREFIX: 'Bad-Prefix' }, 'STORAGE_PREFIX'],
    [
      { LOCATIONS: JSON.stringify([DEFAULT_LOCATIONS[0], { ...DEFAULT_LOCATIONS[0], Name: 'Twin' }]) },
      'LOCATIONS',
    ],
    [{ AzureWebJobsStorage: undefined }, 'AzureWebJobsStorage'],
    [{ ARM_AZ_SHIM: 'yes' }, 'ARM_AZ_SHIM'],
  ])('stops on a bad value with a message naming the setting: %j', (change, setting) => {
    expect(() => parseConfig({ ...base, ...change })).toThrow(ConfigError);
    expect(() => parseConfig({ ...base, ...change })).toThrow(setting);
  });

  it('serves the az login shim only with ARM_AZ_SHIM=true (docs/arm-import-export.md#g2)', () => {
    expect(parseConfig({ ...base, ARM_AZ_SHIM: 'true' }).arm.azShim).toBe(true);
    expect(parseConfig({ ...base, ARM_AZ_SHIM: 'false' }).arm.azShim).toBe(false);
    expect(parseConfig({ ...base }).arm.azShim).toBe(false);
  });

  it('says a missing required setting is required', () => {
    expect(() => parseConfig({ AzureWebJobsStorage: 'x' })).toThrow('App setting SECRETS_KEY is required.');
  });
});
