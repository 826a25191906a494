import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { decodeJwt, errors, jwtVerify } from 'jose';
import type { Caller, CallerType, TokenValidator } from '../../identity/bearer-tokens';
import { TokenRejected } from '../../identity/bearer-tokens';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export interface TrustedIssuer {
  issuer: string;
  keys: JWTVerifyGetKey;
}

/** jose's default; Entra tokens live an hour, so five minutes of clock skew is generous. */
const CLOCK_TOLERANCE_SECONDS = 300;

const claim = (p: JWTPayload, name: string): string | undefined =>
  typeof p[name] === 'string' && p[name] !== '' ? p[name] : undefined;

function callerOf(p: JWTPayload): Caller {
  const objectId = claim(p, 'oid');
  const tenantId = claim(p, 'tid');
  if (!objectId || !GUID.test(objectId) || !tenantId || !GUID.test(tenantId)) {
    throw new TokenRejected('invalid', 'The access token has no valid oid or tid claim (both are GUIDs).');
  }
  const name =
    ['upn', 'preferred_username', 'unique_name', 'appid', 'azp', 'oid']
      .map((c) => claim(p, c))
      .find(Boolean) ?? objectId;
  const type: CallerType =
    p.xms_mirid !== undefined
      ? 'ManagedIdentity'
      : p.scp !== undefined
        ? 'User'
        : p.idtyp === 'app' || p.roles !== undefined
          ? 'Application'
          : 'User';
  return { objectId: objectId.toLowerCase(), tenantId: tenantId.toLowerCase(), name, type };
}

function faultOf(err: unknown, audiences: readonly string[]): TokenRejected {
  if (err instanceof TokenRejected) return err;
  if (err instanceof errors.JWTExpired) {
    const exp =
      typeof err.payload.exp === 'number' ? new Date(err.payload.exp * 1000).toISOString() : 'unknown';
    return new TokenRejected('expired', `The access token expired at '${exp}'.`);
  }
  if (err instanceof errors.JWTClaimValidationFailed && err.claim === 'aud') {
    return new TokenRejected(
      'audience',
      `The access token has an invalid audience; the accepted audiences are '${audiences.join(', ')}'.`,
    );
  }
  if (err instanceof errors.JWKSTimeout || (err instanceof Error && err.name === 'TypeError')) {
    return new TokenRejected('unavailable', "The token issuer's signing keys cannot be fetched right now.");
  }
  if (err instanceof errors.JOSEError) {
    return new TokenRejected('invalid', `The access token is invalid: ${err.message}.`);
  }
  throw err;
}

/**
 * jose's validation of `Authorization: Bearer <JWT>` (docs/arm-import-export.md#e1): the issuer from an
 * allow-list, its signature with that issuer's keys (RS256 only), `exp`/`nbf` with five minutes
 * of skew, `aud` among ours, and GUID `oid`/`tid`. Never Microsoft's own ARM tokens: their
 * audience is not ours.
 */
export class BearerTokens implements TokenValidator {
  constructor(
    private readonly issuers: () => Promise<readonly TrustedIssuer[]>,
    private readonly audiences: readonly string[],
  ) {}

  async validate(authorization: string | null): Promise<Caller> {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const token = m?.[1];
    if (!token)
      throw new TokenRejected('missing', "Authentication failed. The 'Authorization' header is missing.");
    let iss: string | undefined;
    try {
      iss = decodeJwt(token).iss;
    } catch {
      throw new TokenRejected('invalid', 'The access token is not a JSON Web Token.');
    }
    const trusted = (await this.issuers()).find((i) => i.issuer === iss);
    if (!trusted)
      throw new TokenRejected('issuer', `The access token is from the wrong issuer '${iss ?? ''}'.`);
    try {
      const { payload } = await jwtVerify(token, trusted.keys, {
        issuer: trusted.issuer,
        audience: [...this.audiences],
        algorithms: ['RS256'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      return callerOf(payload);
    } catch (err) {
      throw faultOf(err, this.audiences);
    }
  }
}
