import { Socket } from 'node:net';
import { TLSSocket, createSecureContext } from 'node:tls';
import type { PfxReader } from '../../scheduler/pfx';

/**
 * Opens a PFX with Node's own TLS stack (docs/classic-scheduler.md#c4): a context that loads is a
 * PFX the executor can present; its certificate gives the thumbprint, expiry and subject echoed.
 */
export const readPfx: PfxReader = (pfxBase64, password) => {
  let socket: TLSSocket | undefined;
  try {
    const pfx = Buffer.from(pfxBase64, 'base64');
    if (pfx.length === 0) return undefined;
    const secureContext = createSecureContext({ pfx, passphrase: password });
    socket = new TLSSocket(new Socket(), { secureContext });
    const cert = socket.getCertificate();
    if (!cert || !('fingerprint' in cert)) return undefined;
    const cn = cert.subject?.CN;
    return {
      thumbprint: cert.fingerprint.replace(/:/g, '').toUpperCase(),
      expiration: new Date(cert.valid_to).toISOString(),
      subjectName: `CN=${Array.isArray(cn) ? cn.join(',') : (cn ?? '')}`,
    };
  } catch {
    return undefined;
  } finally {
    socket?.destroy();
  }
};
