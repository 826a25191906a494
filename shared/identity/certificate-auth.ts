import { IdentityError } from './errors';
import type { CertificateStore, ManagementCertificate } from './certificates';
import { LruCache } from '../kernel/lru-cache';
import { isValidAt, readCertificate } from './client-certificate';

/**
 * How long a registered certificate is trusted without asking the store again: a certificate an
 * operator removes keeps working for at most this long on an instance that saw it recently.
 * A certificate not (yet) in the cache is always looked up, so a new registration works at once.
 */
export const REGISTRATION_CACHE_MS = 30_000;
/**
 * How long a certificate found unregistered is refused without asking the store again, so a
 * stranger repeating a request costs no storage read each time. A registration through this
 * instance's operator API clears it at once (`registered`); one through another instance is
 * seen within this bound.
 */
export const UNKNOWN_CACHE_MS = 5_000;
const CACHE_LIMIT = 1_000;

const failed = (why: string) =>
  new IdentityError(
    'AuthenticationFailed',
    'The server failed to authenticate the request. Verify that the certificate is valid and is associated with this subscription.',
    why,
  );

/** Management-certificate authentication (docs/contract/import-export.md#d1). */
export class CertificateAuthenticator {
  private readonly parsed = new LruCache<string, ManagementCertificate | undefined>(CACHE_LIMIT);
  private readonly registered = new LruCache<string, number>(CACHE_LIMIT);
  private readonly unknown = new LruCache<string, number>(CACHE_LIMIT);
  /**
   * Counts the registrations and removals made here. A lookup that was out while one was made may
   * have read the store before it, so its answer is used but not remembered.
   */
  private changes = 0;

  constructor(
    private readonly store: CertificateStore,
    private readonly now: () => Date,
  ) {}

  /** `clientCert` is the base64 DER of the client certificate, from TLS or a trusted front end. */
  async authenticate(subscriptionId: string, clientCert: string | undefined): Promise<void> {
    if (!clientCert) throw failed('The request has no client certificate.');
    const cert = this.parse(clientCert);
    if (!cert) {
      throw failed(
        clientCert.includes('-----BEGIN')
          ? 'The client certificate cannot be read: X-ARR-ClientCert holds PEM; send the base64 DER on one line (the .b64 file, or `openssl x509 -in cert.pem -outform der | base64 -w0`).'
          : 'The client certificate cannot be read.',
      );
    }
    const now = this.now();
    if (!isValidAt(cert, now))
      throw failed(`The client certificate is valid from ${cert.NotBefore} to ${cert.NotAfter}.`);
    const key = `${subscriptionId}/${cert.Thumbprint}`;
    const seen = this.registered.get(key);
    if (seen !== undefined && now.getTime() - seen < REGISTRATION_CACHE_MS) return;
    const refused = this.unknown.get(key);
    if (refused !== undefined && now.getTime() - refused < UNKNOWN_CACHE_MS) throw notRegistered(cert);
    const changes = this.changes;
    const found = await this.store.get(subscriptionId, cert.Thumbprint);
    const current = changes === this.changes;
    if (!found) {
      this.registered.delete(key);
      if (current) this.unknown.set(key, now.getTime());
      throw notRegistered(cert);
    }
    this.unknown.delete(key);
    if (current) this.registered.set(key, now.getTime());
  }

  /** A certificate was just registered here: it authenticates at once. */
  registeredNow(subscriptionId: string, thumbprint: string): void {
    this.changes++;
    this.unknown.delete(`${subscriptionId}/${thumbprint}`);
  }

  /** Drops what is known of a subscription's certificates (after an operator removed one here). */
  forget(subscriptionId: string): void {
    this.changes++;
    for (const key of [...this.registered.keys()])
      if (key.startsWith(`${subscriptionId}/`)) this.registered.delete(key);
  }

  private parse(clientCert: string): ManagementCertificate | undefined {
    if (this.parsed.has(clientCert)) return this.parsed.get(clientCert);
    const cert = readCertificate(clientCert);
    this.parsed.set(clientCert, cert);
    return cert;
  }
}

const notRegistered = (cert: ManagementCertificate) =>
  failed(`The certificate ${cert.Thumbprint} is not registered for this subscription.`);
