import { z } from 'zod';
import type { Grant, PrincipalGrants, Role } from '../../identity/principals';
import type { AccessTable } from './table-access';

const PREFIX = 'principal_';
const GrantRowSchema = z.looseObject({ rowKey: z.string(), Role: z.enum(['Contributor', 'Reader']) });

const grantOf = (raw: unknown): Grant => {
  const row = GrantRowSchema.parse(raw);
  return { objectId: row.rowKey.slice(PREFIX.length), role: row.Role };
};

/** Grants on Table Storage, read on every request so that a revoke acts at once. */
export class TablePrincipalGrants implements PrincipalGrants {
  constructor(private readonly access: AccessTable) {}

  async get(subscriptionId: string, objectId: string): Promise<Grant | undefined> {
    const raw = await this.access.read(subscriptionId, PREFIX + objectId);
    return raw && grantOf(raw);
  }

  put(subscriptionId: string, grant: Grant): Promise<boolean> {
    return this.access.upsert(subscriptionId, PREFIX + grant.objectId, { Role: grant.role });
  }

  async list(subscriptionId: string): Promise<Grant[]> {
    return (await this.access.rows(subscriptionId, PREFIX)).map(grantOf);
  }

  /** A scan of the table by row key: only `az`'s login asks it, once per login. */
  async subscriptionsOf(objectId: string): Promise<{ subscriptionId: string; role: Role }[]> {
    return (await this.access.partitionsOf(PREFIX + objectId)).map(({ partition, row }) => ({
      subscriptionId: partition,
      role: grantOf(row).role,
    }));
  }

  delete(subscriptionId: string, objectId: string): Promise<boolean> {
    return this.access.remove(subscriptionId, PREFIX + objectId);
  }
}
