/** systemData's createdByType values a token can yield. */
export type CallerType = 'User' | 'Application' | 'ManagedIdentity';

/** Why a bearer token was refused (docs/arm-import-export.md#e4); the surface picks the wire code. */
export type TokenFault = 'missing' | 'invalid' | 'expired' | 'audience' | 'issuer' | 'unavailable';

export class TokenRejected extends Error {
  constructor(
    readonly fault: TokenFault,
    message: string,
  ) {
    super(message);
    this.name = 'TokenRejected';
  }
}

/** The caller a valid token names, and how systemData shows it (docs/arm-import-export.md#e5). */
export interface Caller {
  objectId: string;
  tenantId: string;
  name: string;
  type: CallerType;
}

/** The issuer of development tokens (docs/arm-import-export.md#e3). */
export const DEV_ISSUER = 'urn:importexport:dev';
export const NIL_GUID = '00000000-0000-0000-0000-000000000000';

/** Validates `Authorization: Bearer <JWT>` (docs/arm-import-export.md#e1); an adapter implements it. */
export interface TokenValidator {
  validate(authorization: string | null): Promise<Caller>;
}

export interface DevToken {
  access_token: string;
  token_type: 'Bearer';
  expires_on: number;
}

/** The development issuer (docs/arm-import-export.md#e3), while it is on. */
export interface DevTokens {
  issue(objectId: string, tenantId: string, now: Date): Promise<DevToken>;
}

/**
 * Where the development issuer's signing key lives: the service's own storage, sealed. `claim`
 * stores the given key unless one is there already, and answers the one that is.
 */
export interface DevKeyStore {
  load(): Promise<string | undefined>;
  claim(privateJwk: string): Promise<string>;
}
