import { X509Certificate } from 'node:crypto';
import type { ManagementCertificate } from './certificates';

/**
 * Reads an X.509 certificate given as base64 DER (the form of X-ARR-ClientCert and of the
 * registration body) or as PEM. Answers undefined when it is not one.
 */
export function readCertificate(text: string): ManagementCertificate | undefined {
  const trimmed = text.trim();
  try {
    const input = trimmed.startsWith('-----BEGIN')
      ? trimmed
      : Buffer.from(trimmed.replace(/\s/g, ''), 'base64');
    if (Buffer.isBuffer(input) && input.length === 0) return undefined;
    const cert = new X509Certificate(input);
    return {
      Thumbprint: cert.fingerprint.replace(/:/g, '').toUpperCase(),
      Subject: cert.subject,
      NotBefore: new Date(cert.validFrom).toISOString(),
      NotAfter: new Date(cert.validTo).toISOString(),
      Certificate: cert.raw.toString('base64'),
    };
  } catch {
    return undefined;
  }
}

export const isValidAt = (c: Pick<ManagementCertificate, 'NotBefore' | 'NotAfter'>, now: Date): boolean =>
  Date.parse(c.NotBefore) <= now.getTime() && now.getTime() <= Date.parse(c.NotAfter);
