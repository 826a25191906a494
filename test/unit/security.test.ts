import { checkOperatorKey } from '../../shared/surfaces/operator/operator-key';
import { redact } from '../../shared/kernel/redact';
import { SecretBox } from '../../shared/kernel/secret-box';

const code = (c: string) => expect.objectContaining({ code: c });

describe('secrets at rest (docs/contract/import-export.md#d2)', () => {
  const box = new SecretBox(Buffer.alloc(32, 1));

  it('opens what it sealed, and a sealed value never shows the plaintext', () => {
    const sealed = box.seal('my-secret', 'sub/job');
    expect(sealed).not.toContain('my-secret');
    expect(box.open(sealed, 'sub/job')).toBe('my-secret');
  });

  it('seals the same value differently each time', () => {
    expect(box.seal('x', 'a')).not.toBe(box.seal('x', 'a'));
  });

  it('refuses a value sealed for another row, or with another key, or tampered with', () => {
    const sealed = box.seal('my-secret', 'sub/job');
    expect(() => box.open(sealed, 'sub/other')).toThrow();
    expect(() => new SecretBox(Buffer.alloc(32, 2)).open(sealed, 'sub/job')).toThrow();
    const [v, iv, body, tag] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([v, iv, flipped.toString('base64'), tag].join('.'), 'sub/job')).toThrow();
  });
});

describe('log redaction (docs/contract/import-export.md#d2)', () => {
  it.each([
    [
      'an account key',
      'key Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw== here',
      'Eby8vdM02x',
    ],
    ['a connection string key', 'AccountName=a;AccountKey=abc123;BlobEndpoint=x', 'abc123'],
    ['a SAS signature', 'https://a.blob.core.windows.net/c/b?sv=2014-02-14&sig=LiqEmV%2Fs1&sp=r', 'LiqEmV'],
    ['a BitLocker key', 'drive key 259358-100188-581471-154165-090552-296406-410091-426844', '259358-100188'],
    ['a JSON credential', '{"StorageAccountKey":"topsecret","x":1}', 'topsecret'],
  ])('removes %s', (_what, text, secret) => {
    expect(redact(text)).not.toContain(secret);
  });

  it('keeps ordinary text', () => {
    expect(redact('request 5b6e failed: job MyJob not found')).toBe(
      'request 5b6e failed: job MyJob not found',
    );
  });
});

describe('the operator key (docs/contract/import-export.md#b)', () => {
  it('accepts any configured key, so keys can be rotated', () => {
    expect(() =>
      checkOperatorKey(['old-key-0123456789', 'new-key-0123456789'], 'new-key-0123456789'),
    ).not.toThrow();
    expect(() =>
      checkOperatorKey(['old-key-0123456789', 'new-key-0123456789'], 'old-key-0123456789'),
    ).not.toThrow();
  });

  it('refuses a missing or wrong key, and everything when no key is configured', () => {
    expect(() => checkOperatorKey(['key-0123456789abc'], null)).toThrow(code('AuthenticationFailed'));
    expect(() => checkOperatorKey(['key-0123456789abc'], 'key-0123456789abd')).toThrow(
      code('AuthenticationFailed'),
    );
    expect(() => checkOperatorKey(['key-0123456789abc'], '')).toThrow(code('AuthenticationFailed'));
    expect(() => checkOperatorKey([], 'anything')).toThrow(code('AuthenticationFailed'));
  });
});
