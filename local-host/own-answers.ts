import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import { EdgeError, type EdgeCode } from '../shared/edge/errors';
import { newRequestId } from '../shared/edge/request-info';
import { renderError } from '../shared/surfaces/classic-import-export/envelope';

/**
 * Answers the local host gives itself, where no route's pipeline can: a Host it does not serve,
 * and requests node's parser refuses. They carry the classic OData error body, as every other
 * answer does, so a client reading errors one way never meets a bare status.
 */
interface OwnAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Any failure in the classic envelope: a coded one keeps its code, anything else is a 500. */
export function failureAnswer(err: unknown, status?: number): OwnAnswer {
  const rendered = renderError(err, { requestId: newRequestId(), head: false }, { error: () => undefined });
  const text = typeof rendered.body === 'string' ? rendered.body : '';
  // The envelope carries the status too; an overridden one (431, 408) must agree with the line.
  const body =
    status === undefined
      ? text
      : text.replace(/^\{"odata\.error":\{"code":"\d+"/, `{"odata.error":{"code":"${status}"`);
  const headers: Record<string, string> = {};
  new Headers(rendered.headers).forEach((value, name) => (headers[name] = value));
  headers['content-length'] = String(Buffer.byteLength(body));
  return { status: status ?? rendered.status ?? 500, headers, body };
}

/** The classic envelope of an edge failure; `status` overrides the code's own (431, 408). */
export const ownAnswer = (status: number, code: EdgeCode, message: string, detail?: string): OwnAnswer =>
  failureAnswer(new EdgeError(code, message, detail), status);

const PEM = /-----BEGIN CERTIFICATE-----/;

/** What node's parser refused, as a newcomer can act on it. */
function explain(err: NodeJS.ErrnoException & { rawPacket?: Buffer }): OwnAnswer {
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    return ownAnswer(
      431,
      'InvalidHeaderValue',
      'The request headers are too large (16 KB at most, all together).',
    );
  }
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return ownAnswer(408, 'InvalidHeaderValue', 'The request was not received in time.');
  }
  const raw = err.rawPacket?.toString('latin1') ?? '';
  if (PEM.test(raw)) {
    return ownAnswer(
      400,
      'InvalidHeaderValue',
      'X-ARR-ClientCert holds a PEM certificate, whose line breaks end the header. Send the certificate as base64 DER on one line: -H "X-ARR-ClientCert: $(cat .local/dev-client.b64)", or `openssl x509 -in cert.pem -outform der | base64 -w0`; over HTTPS, use curl --cert and --key instead.',
      'X-ARR-ClientCert',
    );
  }
  const reason = (err as { reason?: string }).reason ?? err.message;
  return ownAnswer(400, 'InvalidHeaderValue', `The request is malformed: ${reason}.`, err.code ?? '');
}

/** node:http's `clientError`: the answer written on the socket, then the connection closed. */
export function answerClientError(err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket): void {
  if (!socket.writable || err.code === 'ECONNRESET') return void socket.destroy();
  const a = explain(err);
  const head = [
    `HTTP/1.1 ${a.status} ${STATUS_CODES[a.status] ?? ''}`,
    ...Object.entries(a.headers).map(([k, v]) => `${k}: ${v}`),
    'Connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${a.body}`);
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/** The Host header's name part, lower-cased: `[::1]:7071` is `::1`, `Example:80` is `example`. */
function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  return h.replace(/:\d*$/, '');
}

/**
 * docs/configuration.md#local-host: the loopback names are always served, plus the bind address
 * and LOCAL_HOST_ALLOWED_HOSTS; any other Host is refused, so a web page cannot reach the host
 * through a DNS name of its own that resolves to 127.0.0.1 (DNS rebinding).
 */
export function hostAllowed(header: string | undefined, allowed: readonly string[] | '*'): boolean {
  if (allowed === '*') return true;
  if (header === undefined) return false;
  const name = hostName(header);
  return LOOPBACK_NAMES.includes(name) || allowed.some((a) => hostName(a) === name);
}
