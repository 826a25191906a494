import { IdentityError } from './errors';
import type { CertificateStore, ManagementCertificate } from './certificates';
import { isValidAt, readCertificate } from './client-certificate';

/**
 * How long a registered certificate is trusted without asking the store again: a certificate an
 * operator removes keeps working for at most this long on an instance that saw it recently.
 * A certificate not (yet) in the cache is always looked up, so a new registration works at once.
 */
export const REGISTRATION_CACHE_MS = 30_000;
const CACHE_LIMIT = 1_000;

const failed = (why: string) =>
  new IdentityError(
    'AuthenticationFailed',
    'The server failed to authenticate the request. Verify that the certificate is valid and is associated with this subscription.',
    why,
  );

/** Management-certificate authentication (docs/contract/import-export.md#d1). */
export class CertificateAuthenticator {
  private readonly parsed = new Map<string, ManagementCertificate | undefined>();
  private readonly registered = new Map<string, number>();

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
    const found = await this.store.get(subscriptionId, cert.Thumbprint);
    if (!found) {
      this.registered.delete(key);
      throw failed(`The certificate ${cert.Thumbprint} is not registered for this subscription.`);
    }
    remember(this.registered, key, now.getTime());
  }

  /** Drops what is known of a subscription's certificates (after an operator removed one here). */
  forget(subscriptionId: string): void {
    for (const key of this.registered.keys())
      if (key.startsWith(`${subscriptionId}/`)) this.registered.delete(key);
  }

  private parse(clientCert: string): ManagementCertificate | undefined {
    if (this.parsed.has(clientCert)) return this.parsed.get(clientCert);
    const cert = readCertificate(clientCert);
    remember(this.parsed, clientCert, cert);
    return cert;
  }
}

function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (map.size >= CACHE_LIMIT) map.clear();
  map.set(key, value);
}
