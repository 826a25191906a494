import { hkdfSync } from 'node:crypto';
import { DevIssuer } from '../adapters/jwt/dev-issuer';
import { BearerTokens } from '../adapters/jwt/jose-bearer-tokens';
import { trustedIssuers } from '../adapters/jwt/token-issuers';
import type { AccessTable } from '../adapters/table/table-access';
import { TablePrincipalGrants } from '../adapters/table/table-principal-grants';
import { TableDevKeyStore, TableRegisteredCredentials } from '../adapters/table/table-sealed-access';
import type { RegisteredCredentials } from '../import-export/datacenter/registered-credentials';
import type { DevTokens, TokenValidator } from '../identity/bearer-tokens';
import { DEV_ISSUER } from '../identity/bearer-tokens';
import type { PrincipalGrants } from '../identity/principals';
import type { SecretBox } from '../kernel/secret-box';
import type { Config } from './config';

/** Resource Manager's front door (docs/arm-import-export.md#e); built on first use (runtime.ts). */
export interface ArmRuntime {
  tokens: TokenValidator;
  grants: PrincipalGrants;
  /** Present while the development issuer is on. */
  devIssuer?: DevTokens;
  credentials: RegisteredCredentials;
  /** Signs Resource Manager's $skiptoken; derived from SECRETS_KEY. */
  pageKey: Buffer;
}

export function armRuntime(config: Config, access: AccessTable, box: SecretBox): ArmRuntime {
  const devIssuer = config.arm.devIssuer
    ? new DevIssuer(new TableDevKeyStore(access, box), config.arm.audiences[0] ?? '')
    : undefined;
  const dev = devIssuer && { issuer: DEV_ISSUER, keys: devIssuer.keySet() };
  return {
    tokens: new BearerTokens(trustedIssuers(config.arm.issuers, dev), config.arm.audiences),
    grants: new TablePrincipalGrants(access),
    ...(devIssuer && { devIssuer }),
    credentials: new TableRegisteredCredentials(access, box),
    pageKey: Buffer.from(hkdfSync('sha256', config.secretsKey, Buffer.alloc(0), 'arm-skiptoken', 32)),
  };
}
