import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Server, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import forge from 'node-forge';
import type { IssuedCertificate } from '../../local-host/certificates';
import { issueCertificate } from '../../local-host/certificates';

/** One request as a target saw it. */
interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The TLS client certificate's subject CN, when one was presented. */
  clientCn?: string;
  at: number;
}

export interface Target {
  /** `http(s)://127.0.0.1:<port>` */
  origin: string;
  port: number;
  seen: SeenRequest[];
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface TargetTls {
  server: IssuedCertificate;
  /** Require a client certificate issued by this CA (or self-signed and listed). */
  clientCa?: string;
}

/** A local HTTP(S) target on a port the OS picks, recording what it receives. */
export async function startTarget(handler: Handler, tls?: TargetTls): Promise<Target> {
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const peer = (req.socket as TLSSocket).getPeerCertificate?.();
      const clientCn = peer && typeof peer.subject?.CN === 'string' ? peer.subject.CN : undefined;
      seen.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        ...(clientCn && { clientCn }),
        at: Date.now(),
      });
      handler(req, res, body);
    });
  };
  const server: Server = tls
    ? createHttpsServer(
        {
          cert: tls.server.certPem,
          key: tls.server.keyPem,
          ...(tls.clientCa && { requestCert: true, rejectUnauthorized: true, ca: tls.clientCa }),
        },
        listener,
      )
    : createServer(listener);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  server.on('secureConnection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}

/** A port nothing listens on (taken, then released). */
export async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

/** A certificate and its key as a password-protected PFX, base64 (the job's `pfx`). */
export function pfxOf(issued: IssuedCertificate, password: string): string {
  const p12 = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(issued.keyPem),
    [forge.pki.certificateFromPem(issued.certPem)],
    password,
    { algorithm: '3des' },
  );
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary').toString('base64');
}

export const serverCertificate = (): IssuedCertificate =>
  issueCertificate({ commonName: '127.0.0.1', serverNames: ['127.0.0.1', 'localhost'] });
