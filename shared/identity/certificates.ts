import { IdentityError } from './errors';

/** A subscription's management certificate (docs/contract/import-export.md#d1, #b), as registered by an operator. */
export interface ManagementCertificate {
  /** SHA-1 of the DER encoding, upper-case hex. */
  Thumbprint: string;
  Subject: string;
  NotBefore: string;
  NotAfter: string;
  /** Base64 DER. */
  Certificate: string;
}

export interface CertificateStore {
  put(subscriptionId: string, certificate: ManagementCertificate): Promise<void>;
  get(subscriptionId: string, thumbprint: string): Promise<ManagementCertificate | undefined>;
  list(subscriptionId: string): Promise<ManagementCertificate[]>;
  /** False when there was no such certificate. */
  delete(subscriptionId: string, thumbprint: string): Promise<boolean>;
}

const normaliseThumbprint = (t: string): string => t.replace(/[\s:]/g, '').toUpperCase();

const THUMBPRINT = /^[0-9A-F]{40}$/;

function checkThumbprint(t: string): string {
  const normal = normaliseThumbprint(t);
  if (!THUMBPRINT.test(normal))
    throw new IdentityError(
      'InvalidCertificate',
      'A thumbprint is the SHA-1 of the certificate in 40 hexadecimal digits.',
      t,
    );
  return normal;
}

/** Registers a certificate under the thumbprint the operator named, which must be its own. */
export async function registerCertificate(
  store: CertificateStore,
  subscriptionId: string,
  thumbprint: string,
  certificate: ManagementCertificate,
): Promise<ManagementCertificate> {
  if (checkThumbprint(thumbprint) !== certificate.Thumbprint) {
    throw new IdentityError(
      'InvalidCertificate',
      "The thumbprint in the URI is not the certificate's.",
      `the certificate's is ${certificate.Thumbprint}`,
    );
  }
  await store.put(subscriptionId, certificate);
  return certificate;
}

export async function removeCertificate(
  store: CertificateStore,
  subscriptionId: string,
  thumbprint: string,
): Promise<void> {
  if (!(await store.delete(subscriptionId, checkThumbprint(thumbprint))))
    throw new IdentityError('ResourceNotFound', 'The certificate does not exist.');
}
