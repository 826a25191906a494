import { isIP } from 'node:net';
import type {
  HttpActionPort,
  HttpOutcome,
  OutboundHttpRequest,
} from '../../scheduler/execution/action-ports';
import type { OutboundPolicy } from '../../scheduler/outbound-policy';
import { canonicalAddress } from '../../scheduler/outbound-policy';
import type { AadTokens } from './aad-tokens';
import { TokenError } from './aad-tokens';
import { guardedLookup, RefusedAddressError } from './guarded-lookup';
import { rawRequest } from './raw-request';

/** "Maximum response body stored in job history is 2048 bytes" (docs/classic-scheduler.md#d8). */
const MAX_BODY = 2048;

export interface HttpActionSenderOptions {
  policy: OutboundPolicy;
  tokens: AadTokens;
  /** `SCHEDULER_HTTP_TIMEOUT`: the whole attempt, token fetch and body read included (#e1). */
  timeoutMs: number;
  /** Extra trusted CAs (PEM) for https targets: the local host's and tests' own servers. */
  ca?: readonly string[];
}

const withoutHeader = (headers: Readonly<Record<string, string>>, name: string): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).filter(([n]) => n.toLowerCase() !== name.toLowerCase()));

/**
 * The http/https action (docs/classic-scheduler.md#d4): the job's method, headers and body to its
 * uri under the SSRF guard (#e4) and one deadline, with its outbound authentication. Every failure
 * becomes an outcome with a short reason free of secrets; nothing throws but a bug.
 */
export class HttpActionSender implements HttpActionPort {
  constructor(private readonly options: HttpActionSenderOptions) {}

  async send(request: OutboundHttpRequest): Promise<HttpOutcome> {
    const url = new URL(request.uri);
    const host = url.host;
    const { policy, timeoutMs } = this.options;
    const signal = AbortSignal.timeout(timeoutMs);
    const failed = (reason: string): HttpOutcome => ({ kind: 'failed', host, reason });
    const admitted = policy.admitsHost(url.hostname);
    if (!admitted) {
      const hostRule = policy.refusedHost(url.hostname);
      if (hostRule) return failed(new RefusedAddressError(url.hostname).message);
      // An IP literal is dialled without a lookup, so it is judged here.
      const literal = isIP(url.hostname.replace(/^\[(.*)\]$/, '$1'))
        ? canonicalAddress(url.hostname)
        : undefined;
      if (literal && policy.refusal(literal.address))
        return failed(new RefusedAddressError(literal.address).message);
    }
    try {
      let headers = { ...request.headers };
      let pfx: { pfx: Buffer; passphrase: string } | undefined;
      const auth = request.auth;
      if (auth?.type === 'Basic') {
        const basic = Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64');
        headers = { ...withoutHeader(headers, 'authorization'), Authorization: `Basic ${basic}` };
      } else if (auth?.type === 'ActiveDirectoryOAuth') {
        const token = await this.options.tokens.token(auth, signal);
        headers = { ...withoutHeader(headers, 'authorization'), Authorization: `Bearer ${token}` };
      } else if (auth?.type === 'ClientCertificate') {
        pfx = { pfx: Buffer.from(auth.pfx, 'base64'), passphrase: auth.password };
      }
      const res = await rawRequest({
        url,
        method: request.method,
        headers,
        ...(request.body !== undefined && { body: request.body }),
        ...(pfx && { pfx }),
        ...(this.options.ca && { ca: this.options.ca }),
        ...(!admitted && { lookup: guardedLookup(policy) }),
        signal,
        maxBody: MAX_BODY,
      });
      return {
        kind: 'response',
        host,
        status: res.status,
        reason: res.reason,
        headers: res.headers,
        body: res.body,
      };
    } catch (err) {
      if (signal.aborted) return failed(`the request timed out after ${timeoutMs / 1000} seconds`);
      if (err instanceof RefusedAddressError || err instanceof TokenError) return failed(err.message);
      return failed(reasonOf(err));
    }
  }
}

/** Node's own short messages (`connect ECONNREFUSED 127.0.0.1:9`); a PFX that will not open says so. */
function reasonOf(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (/mac verify failure|PKCS12|pfx|asn1/i.test(String(e?.message)))
    return 'the client certificate could not be loaded';
  const message = typeof e?.message === 'string' && e.message ? e.message : String(err);
  return message.split('\n')[0]?.slice(0, 200) ?? 'unknown error';
}
