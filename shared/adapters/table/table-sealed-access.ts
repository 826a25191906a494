import { z } from 'zod';
import type { DevKeyStore } from '../../identity/bearer-tokens';
import type { RegisteredCredentials } from '../../import-export/datacenter/registered-credentials';
import type { Credential } from '../../import-export/model/model';
import { CredentialSchema } from '../../import-export/model/model';
import type { SecretBox } from '../../kernel/secret-box';
import type { AccessTable } from './table-access';

const SealedRowSchema = z.looseObject({ Secret: z.string() });
const CREDENTIAL = 'credential_';
const DEV_PARTITION = '_dev';
const DEV_ROW = 'signing-key';

/** Registered storage credentials, sealed (AES-256-GCM, bound to their row) like a job's own. */
export class TableRegisteredCredentials implements RegisteredCredentials {
  constructor(
    private readonly access: AccessTable,
    private readonly box: SecretBox,
  ) {}

  private aad = (sub: string, account: string) => `credential/${sub}/${account}`;

  async get(subscriptionId: string, account: string): Promise<Credential | undefined> {
    const raw = await this.access.read(subscriptionId, CREDENTIAL + account);
    if (!raw) return undefined;
    const sealed = SealedRowSchema.parse(raw).Secret;
    return CredentialSchema.parse(JSON.parse(this.box.open(sealed, this.aad(subscriptionId, account))));
  }

  put(subscriptionId: string, account: string, credential: Credential): Promise<boolean> {
    const Secret = this.box.seal(JSON.stringify(credential), this.aad(subscriptionId, account));
    return this.access.upsert(subscriptionId, CREDENTIAL + account, { Secret });
  }

  delete(subscriptionId: string, account: string): Promise<boolean> {
    return this.access.remove(subscriptionId, CREDENTIAL + account);
  }
}

/** The development issuer's private key, sealed; the first instance to store one wins. */
export class TableDevKeyStore implements DevKeyStore {
  constructor(
    private readonly access: AccessTable,
    private readonly box: SecretBox,
  ) {}

  async load(): Promise<string | undefined> {
    const raw = await this.access.read(DEV_PARTITION, DEV_ROW);
    return raw && this.box.open(SealedRowSchema.parse(raw).Secret, 'dev-issuer-key');
  }

  async claim(privateJwk: string): Promise<string> {
    const stored = await this.access.insert(DEV_PARTITION, DEV_ROW, {
      Secret: this.box.seal(privateJwk, 'dev-issuer-key'),
    });
    if (stored) return privateJwk;
    const winner = await this.load();
    if (!winner) throw new Error('the development key vanished while it was claimed');
    return winner;
  }
}
