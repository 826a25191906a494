import { parseLocalSettings } from '../../local-host/settings';

/** The local host's own settings (docs/configuration.md#local-host). */
describe('the local host settings', () => {
  it('default to 127.0.0.1:7071, Azurite on 10000-10002, HTTP, the forwarded certificate trusted', () => {
    expect(parseLocalSettings({})).toEqual({
      port: 7071,
      address: '127.0.0.1',
      allowedHosts: [],
      azurite: { blobPort: 10000, queuePort: 10001, tablePort: 10002 },
      trustClientCertHeader: true,
    });
  });

  it('read the allowed hosts lower-cased, and TRUST_FORWARDED_CLIENT_CERT=false', () => {
    const s = parseLocalSettings({
      LOCAL_HOST_ALLOWED_HOSTS: ' Dev.Example , ,*',
      TRUST_FORWARDED_CLIENT_CERT: 'false',
    });
    expect(s.allowedHosts).toEqual(['dev.example', '*']);
    expect(s.trustClientCertHeader).toBe(false);
  });

  it.each([
    [{ PORT: 'http' }, 'App setting PORT is invalid: PORT must be a port number'],
    [{ AZURITE_TABLE_PORT: '70000' }, 'App setting AZURITE_TABLE_PORT is invalid'],
    [{ TRUST_FORWARDED_CLIENT_CERT: 'yes' }, 'App setting TRUST_FORWARDED_CLIENT_CERT is invalid'],
    [{ LOCAL_HTTPS_CERT_FILE: 'cert.pem' }, 'LOCAL_HTTPS_CERT_FILE and LOCAL_HTTPS_KEY_FILE go together'],
  ])('refuse %j naming the setting', (env, message) => {
    expect(() => parseLocalSettings(env)).toThrow(
      expect.objectContaining({ name: 'ConfigError', message: expect.stringContaining(message) }),
    );
  });
});
