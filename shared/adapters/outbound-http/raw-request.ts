import type { LookupFunction } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';

export interface RawRequest {
  url: URL;
  method: string;
  headers: Readonly<Record<string, string>>;
  body?: string;
  /** The TLS client certificate (a PFX) for https. */
  pfx?: { pfx: Buffer; passphrase: string };
  /** Extra trusted certificate authorities (PEM), besides the system's: local and test targets. */
  ca?: readonly string[];
  /** Resolves the host inside the connection, so the guard sees exactly what is dialled. */
  lookup?: LookupFunction;
  signal: AbortSignal;
  /** How many body bytes to keep; the rest is never read. */
  maxBody: number;
}

export interface RawResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

const pairs = (raw: string[]): [string, string][] => {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] ?? '', raw[i + 1] ?? '']);
  return out;
};

function readBody(res: IncomingMessage, maxBody: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      res.removeAllListeners('data');
      resolve(Buffer.concat(chunks).subarray(0, maxBody));
    };
    res.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      // Enough kept: stop reading someone else's data (the rest is dropped with the socket).
      if (size >= maxBody) {
        done();
        res.destroy();
      }
    });
    res.once('end', done);
    res.once('error', reject);
    res.once('close', () => (size >= maxBody ? undefined : done()));
  });
}

/**
 * One HTTP(S) exchange over a connection of its own (no pooled socket, no proxy from the
 * environment: docs/classic-scheduler.md#e3), never following a redirect, bounded by `signal`
 * from the first byte sent to the last body byte kept.
 */
export function rawRequest(req: RawRequest): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    if (req.signal.aborted) return reject(req.signal.reason as Error);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (name.toLowerCase() !== 'content-length') headers[name] = value;
    }
    const payload = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
    if (payload) headers['Content-Length'] = String(payload.length);
    const options = {
      method: req.method.toUpperCase(),
      headers,
      agent: false as const,
      ...(req.lookup && { lookup: req.lookup }),
      ...(req.pfx && { pfx: req.pfx.pfx, passphrase: req.pfx.passphrase }),
      ...(req.ca && { ca: [...rootCertificates, ...req.ca] }),
    };
    const send = req.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const onAbort = () => outgoing.destroy(req.signal.reason as Error);
    let outgoing: ReturnType<typeof httpRequest>;
    try {
      outgoing = send(req.url, options);
    } catch (err) {
      return reject(err instanceof Error ? err : new Error(String(err)));
    }
    req.signal.addEventListener('abort', onAbort, { once: true });
    const settle = () => req.signal.removeEventListener('abort', onAbort);
    outgoing.once('error', (err) => {
      settle();
      reject(req.signal.aborted ? (req.signal.reason as Error) : err);
    });
    outgoing.once('response', (res) => {
      res.once('error', () => undefined);
      readBody(res, req.maxBody).then(
        (body) => {
          settle();
          resolve({
            status: res.statusCode ?? 0,
            reason: res.statusMessage ?? '',
            headers: pairs(res.rawHeaders),
            body: body.toString('utf8'),
          });
        },
        (err: Error) => {
          settle();
          reject(req.signal.aborted ? (req.signal.reason as Error) : err);
        },
      );
    });
    outgoing.end(payload);
  });
}
