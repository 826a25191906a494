import { createHash, generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
  /** Base64 DER: the X-ARR-ClientCert form and the registration body's. */
  derBase64: string;
  /** SHA-1 of the DER, upper-case hex. */
  thumbprint: string;
}

export interface CertificateRequest {
  commonName: string;
  notBefore?: Date;
  notAfter?: Date;
  /** Sign as (and issue by) this CA instead of self-signing. */
  issuer?: IssuedCertificate;
  /** A server certificate for these DNS names / IPs. */
  serverNames?: string[];
}

let sharedKey: { publicKey: string; privateKey: string } | undefined;

/** One RSA key per process: generating keys is slow and these certificates only need to differ in their fields. */
function key() {
  sharedKey ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return sharedKey;
}

/** Issues an X.509 certificate for development and tests (management, client and server certificates). */
export function issueCertificate(req: CertificateRequest): IssuedCertificate {
  const { publicKey, privateKey } = key();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = `01${createHash('sha1').update(`${req.commonName}${Date.now()}${Math.random()}`).digest('hex').slice(0, 30)}`;
  cert.validity.notBefore = req.notBefore ?? new Date(Date.now() - 60_000);
  cert.validity.notAfter = req.notAfter ?? new Date(Date.now() + 365 * 24 * 3600 * 1000);
  const subject = [{ name: 'commonName', value: req.commonName }];
  cert.setSubject(subject);
  cert.setIssuer(req.issuer ? forge.pki.certificateFromPem(req.issuer.certPem).subject.attributes : subject);
  if (req.serverNames) {
    cert.setExtensions([
      {
        name: 'subjectAltName',
        altNames: req.serverNames.map((n) =>
          /^[\d.]+$/.test(n) ? { type: 7, ip: n } : { type: 2, value: n },
        ),
      },
    ]);
  }
  cert.sign(forge.pki.privateKeyFromPem(req.issuer?.keyPem ?? privateKey), forge.md.sha256.create());
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return {
    certPem: forge.pki.certificateToPem(cert),
    keyPem: privateKey,
    derBase64: der.toString('base64'),
    thumbprint: createHash('sha1').update(der).digest('hex').toUpperCase(),
  };
}
