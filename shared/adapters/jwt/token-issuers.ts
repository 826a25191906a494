import type { JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet } from 'jose';
import { TokenRejected } from '../../identity/bearer-tokens';
import type { TrustedIssuer } from './jose-bearer-tokens';

/** An entry of ARM_TOKEN_ISSUERS: an issuer, and its JWKS URI when discovery is not wanted. */
export interface IssuerSetting {
  issuer: string;
  jwksUri?: string;
}

const FETCH_TIMEOUT_MS = 5_000;

/** OpenID discovery: the issuer's `jwks_uri`, fetched with a deadline. */
async function discover(issuer: string): Promise<string> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'error' });
  } catch {
    throw new TokenRejected(
      'unavailable',
      `The configuration of issuer '${issuer}' cannot be fetched right now.`,
    );
  }
  const doc = (await res.json().catch(() => ({}))) as { jwks_uri?: unknown };
  if (!res.ok || typeof doc.jwks_uri !== 'string') {
    throw new TokenRejected('unavailable', `Issuer '${issuer}' publishes no jwks_uri.`);
  }
  return doc.jwks_uri;
}

/**
 * The key set of a configured issuer (docs/arm-import-export.md#e1): jose's remote JWKS, cached
 * and refetched on an unknown `kid` within its cooldown; discovered once when no URI is given.
 */
function remoteKeys(setting: IssuerSetting): JWTVerifyGetKey {
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const resolve = async () =>
    createRemoteJWKSet(new URL(setting.jwksUri ?? (await discover(setting.issuer))), {
      timeoutDuration: FETCH_TIMEOUT_MS,
    });
  return async (header, token) => {
    keys ??= resolve();
    keys.catch(() => (keys = undefined));
    return (await keys)(header, token);
  };
}

/** The configured issuers plus, when it is on, the development issuer. */
export function trustedIssuers(
  settings: readonly IssuerSetting[],
  dev?: TrustedIssuer,
): () => Promise<readonly TrustedIssuer[]> {
  const list: TrustedIssuer[] = settings.map((s) => ({ issuer: s.issuer, keys: remoteKeys(s) }));
  if (dev) list.push(dev);
  return () => Promise.resolve(list);
}
