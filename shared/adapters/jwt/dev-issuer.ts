import type { JWK, JWTVerifyGetKey } from 'jose';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, importJWK } from 'jose';
import type { DevKeyStore, DevToken, DevTokens } from '../../identity/bearer-tokens';
import { DEV_ISSUER } from '../../identity/bearer-tokens';

const LIFETIME_SECONDS = 3600;

interface KeyPair {
  kid: string;
  signingKey: Awaited<ReturnType<typeof importJWK>>;
  /** The public half as a key set, made once: verification is on every request's path. */
  verifier: JWTVerifyGetKey;
}

/** A local RS256 issuer, so that clients can be tried without Entra ID. */
export class DevIssuer implements DevTokens {
  private keys?: Promise<KeyPair>;

  constructor(
    private readonly store: DevKeyStore,
    private readonly audience: string,
  ) {}

  private pair(): Promise<KeyPair> {
    this.keys ??= this.loadOrCreate();
    this.keys.catch(() => (this.keys = undefined));
    return this.keys;
  }

  private async loadOrCreate(): Promise<KeyPair> {
    let stored = await this.store.load();
    if (!stored) {
      const { privateKey } = await generateKeyPair('RS256', { extractable: true });
      stored = await this.store.claim(JSON.stringify({ ...(await exportJWK(privateKey)), kid: 'dev-1' }));
    }
    const privateJwk = JSON.parse(stored) as JWK;
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
    return {
      kid: privateJwk.kid ?? 'dev-1',
      signingKey: await importJWK(privateJwk, 'RS256'),
      verifier: createLocalJWKSet({ keys: [{ ...publicJwk, alg: 'RS256', use: 'sig' }] }),
    };
  }

  async issue(objectId: string, tenantId: string, now: Date): Promise<DevToken> {
    const { kid, signingKey } = await this.pair();
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + LIFETIME_SECONDS;
    const token = await new SignJWT({ oid: objectId, tid: tenantId, scp: 'user_impersonation' })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .setIssuer(DEV_ISSUER)
      .setAudience(this.audience)
      .setSubject(objectId)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(exp)
      .sign(signingKey);
    return { access_token: token, token_type: 'Bearer', expires_on: exp };
  }

  /** The key set tokens are verified with. */
  keySet(): JWTVerifyGetKey {
    return async (header, token) => {
      const { verifier } = await this.pair();
      return verifier(header, token);
    };
  }
}
