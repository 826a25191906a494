/**
 * Who may do what on Resource Manager routes (docs/arm-import-export.md#e2): the operator grants a
 * principal (a token's `oid`) a role on a subscription; there is no RBAC beyond that.
 */
export type Role = 'Contributor' | 'Reader';

/** The actions of the operations list (docs/arm-import-export.md#c2) that need a grant. */
export type Permission =
  | 'Microsoft.ImportExport/jobs/read'
  | 'Microsoft.ImportExport/jobs/write'
  | 'Microsoft.ImportExport/jobs/delete'
  | 'Microsoft.ImportExport/jobs/listBitLockerKeys/action';

export interface Grant {
  objectId: string;
  role: Role;
}

/** The grants, per subscription; object ids and subscription ids lower-case. */
export interface PrincipalGrants {
  get(subscriptionId: string, objectId: string): Promise<Grant | undefined>;
  /** True when the grant is new. */
  put(subscriptionId: string, grant: Grant): Promise<boolean>;
  list(subscriptionId: string): Promise<Grant[]>;
  /** Every subscription the principal holds a grant on (docs/arm-import-export.md#g2). */
  subscriptionsOf(objectId: string): Promise<{ subscriptionId: string; role: Role }[]>;
  /** False when there was no grant. */
  delete(subscriptionId: string, objectId: string): Promise<boolean>;
}

/** Readers read; everything else needs Contributor. */
export const allows = (role: Role | undefined, permission: Permission): boolean =>
  role === 'Contributor' || (role === 'Reader' && permission === 'Microsoft.ImportExport/jobs/read');
