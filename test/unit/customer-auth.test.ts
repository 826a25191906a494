import { readCertificate } from '../../shared/identity/client-certificate';
import { CertificateAuthenticator, REGISTRATION_CACHE_MS } from '../../shared/identity/certificate-auth';
import type { CertificateStore, ManagementCertificate } from '../../shared/identity/certificates';
import { registerCertificate } from '../../shared/identity/certificates';
import { issueCertificate } from '../../local-host/certificates';
import { TestClock } from '../support/runtime';

/** A certificate store in memory: the Table adapter is tested on Azurite (test/integration). */
class MemoryCertificates implements CertificateStore {
  readonly rows = new Map<string, ManagementCertificate>();
  gets = 0;
  put(sub: string, c: ManagementCertificate) {
    this.rows.set(`${sub}/${c.Thumbprint}`, c);
    return Promise.resolve();
  }
  get(sub: string, t: string) {
    this.gets++;
    return Promise.resolve(this.rows.get(`${sub}/${t}`));
  }
  list(sub: string) {
    return Promise.resolve(
      [...this.rows.entries()].filter(([k]) => k.startsWith(`${sub}/`)).map(([, v]) => v),
    );
  }
  delete(sub: string, t: string) {
    return Promise.resolve(this.rows.delete(`${sub}/${t}`));
  }
}

const SUB = 'afb1a4eb-bc88-4ce1-b1af-dfec80067464';
const code = (c: string) => expect.objectContaining({ code: c });

describe('management certificates (docs/contract/import-export.md#d1)', () => {
  const cert = issueCertificate({ commonName: 'client' });
  const parsed = readCertificate(cert.derBase64)!;

  it('reads base64 DER and PEM alike, with the SHA-1 thumbprint', () => {
    expect(parsed.Thumbprint).toBe(cert.thumbprint);
    expect(readCertificate(cert.certPem)?.Thumbprint).toBe(cert.thumbprint);
    expect(readCertificate('bm90IGEgY2VydA==')).toBeUndefined();
    expect(readCertificate('')).toBeUndefined();
  });

  it('registers a certificate only under its own thumbprint (any case, colons allowed)', async () => {
    const store = new MemoryCertificates();
    const colons = cert.thumbprint.toLowerCase().match(/../g)!.join(':');
    await expect(registerCertificate(store, SUB, colons, parsed)).resolves.toBeDefined();
    await expect(registerCertificate(store, SUB, 'A'.repeat(40), parsed)).rejects.toThrow(
      code('InvalidCertificate'),
    );
    await expect(registerCertificate(store, SUB, 'xyz', parsed)).rejects.toThrow(code('InvalidCertificate'));
  });

  it('authenticates a registered certificate that is valid now', async () => {
    const store = new MemoryCertificates();
    await store.put(SUB, parsed);
    await expect(
      new CertificateAuthenticator(store, () => new Date()).authenticate(SUB, cert.derBase64),
    ).resolves.toBeUndefined();
  });

  it.each([
    ['no certificate', undefined],
    ['a malformed certificate', 'AAAA'],
  ])('refuses %s with AuthenticationFailed', async (_why, header) => {
    await expect(
      new CertificateAuthenticator(new MemoryCertificates(), () => new Date()).authenticate(SUB, header),
    ).rejects.toThrow(code('AuthenticationFailed'));
  });

  it("refuses an expired, a not-yet-valid, an unregistered and another subscription's certificate", async () => {
    const store = new MemoryCertificates();
    const expired = issueCertificate({
      commonName: 'old',
      notBefore: new Date(Date.now() - 10 * 86400e3),
      notAfter: new Date(Date.now() - 86400e3),
    });
    const future = issueCertificate({
      commonName: 'new',
      notBefore: new Date(Date.now() + 86400e3),
      notAfter: new Date(Date.now() + 10 * 86400e3),
    });
    for (const c of [expired, future]) await store.put(SUB, readCertificate(c.derBase64)!);
    await store.put('11111111-2222-3333-4444-555555555555', parsed);
    const auth = new CertificateAuthenticator(store, () => new Date());
    for (const c of [expired, future, cert])
      await expect(auth.authenticate(SUB, c.derBase64)).rejects.toThrow(code('AuthenticationFailed'));
  });

  it('caches a registration for 30 seconds at most', async () => {
    const store = new MemoryCertificates();
    await store.put(SUB, parsed);
    const clock = new TestClock();
    const auth = new CertificateAuthenticator(store, clock.now);
    await auth.authenticate(SUB, cert.derBase64);
    await auth.authenticate(SUB, cert.derBase64);
    expect(store.gets).toBe(1);
    await store.delete(SUB, parsed.Thumbprint);
    clock.advance(REGISTRATION_CACHE_MS - 1);
    await expect(auth.authenticate(SUB, cert.derBase64)).resolves.toBeUndefined();
    clock.advance(2);
    await expect(auth.authenticate(SUB, cert.derBase64)).rejects.toThrow(code('AuthenticationFailed'));
  });
});
