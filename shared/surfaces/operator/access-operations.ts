import { ImportExportError, notFound } from '../../import-export/model/errors';
import { checkStorageAccountName, checkSubscriptionId, GUID } from '../../import-export/model/names';
import { credentialOfBody } from '../../import-export/datacenter/registered-credentials';
import { NIL_GUID } from '../../identity/bearer-tokens';
import { operatorOp } from './pipeline';
import {
  CredentialBodySchema,
  credentialSummarySchema,
  DevTokenBodySchema,
  devTokenSchema,
  GrantBodySchema,
  grantListSchema,
  grantSchema,
} from './access-wire.schema';

function objectIdOf(raw: string | undefined): string {
  if (!raw || !GUID.test(raw))
    throw new ImportExportError('InvalidRequestBody', 'The object id must be a GUID.', raw);
  return raw.toLowerCase();
}

/** PUT /operator/subscriptions/{sub}/principals/{objectId} (docs/arm-import-export.md#e2). */
export const grantPrincipalOperation = operatorOp({
  summary: 'Grant a principal a role on a subscription',
  description:
    "Resource Manager routes then accept the principal's tokens for the subscription; 201 new, 200 replaced.",
  success: { status: 201, body: grantSchema, also: [200] },
  body: GrantBodySchema,
  optionalBody: true,
  async run({ rt, params, body }) {
    const sub = checkSubscriptionId(params.sub ?? '');
    const grant = { objectId: objectIdOf(params.objectId), role: body.Role ?? 'Contributor' } as const;
    const created = await rt.arm.grants.put(sub, grant);
    return { status: created ? 201 : 200, json: { ObjectId: grant.objectId, Role: grant.role } };
  },
});

export const readPrincipalOperation = operatorOp({
  summary: "A principal's grant",
  success: { status: 200, body: grantSchema },
  errors: ['ResourceNotFound'],
  async run({ rt, params }) {
    const grant = await rt.arm.grants.get(checkSubscriptionId(params.sub ?? ''), objectIdOf(params.objectId));
    if (!grant) throw notFound('grant');
    return { status: 200, json: { ObjectId: grant.objectId, Role: grant.role } };
  },
});

export const revokePrincipalOperation = operatorOp({
  summary: "Revoke a principal's grant",
  description: 'Takes effect at once: grants are read on every request.',
  success: { status: 200 },
  errors: ['ResourceNotFound'],
  async run({ rt, params }) {
    const removed = await rt.arm.grants.delete(
      checkSubscriptionId(params.sub ?? ''),
      objectIdOf(params.objectId),
    );
    if (!removed) throw notFound('grant');
    return { status: 200 };
  },
});

export const listPrincipalsOperation = operatorOp({
  summary: "A subscription's granted principals",
  success: { status: 200, body: grantListSchema },
  async run({ rt, params }) {
    const grants = await rt.arm.grants.list(checkSubscriptionId(params.sub ?? ''));
    return { status: 200, json: { value: grants.map((g) => ({ ObjectId: g.objectId, Role: g.role })) } };
  },
});

/** PUT /operator/subscriptions/{sub}/storageaccounts/{account}/credential (docs/arm-import-export.md#f1). */
export const setCredentialOperation = operatorOp({
  summary: 'Register the storage credential of an account',
  description:
    'Used by jobs that carry none of their own (Resource Manager jobs); sealed at rest, never returned. 201 new, 200 replaced.',
  success: { status: 201, also: [200] },
  errors: [
    'MissingStorageCredential',
    'ConflictingStorageCredential',
    'InvalidContainerSas',
    'InvalidStorageAccountName',
  ],
  body: CredentialBodySchema,
  async run({ rt, params, body }) {
    const sub = checkSubscriptionId(params.sub ?? '');
    const account = checkStorageAccountName(params.account ?? '');
    const created = await rt.arm.credentials.put(sub, account, credentialOfBody(body, rt.now()));
    return { status: created ? 201 : 200 };
  },
});

export const readCredentialOperation = operatorOp({
  summary: 'What kind of credential an account has registered',
  success: { status: 200, body: credentialSummarySchema },
  errors: ['ResourceNotFound'],
  async run({ rt, params }) {
    const c = await rt.arm.credentials.get(
      checkSubscriptionId(params.sub ?? ''),
      checkStorageAccountName(params.account ?? ''),
    );
    if (!c) throw notFound('credential');
    return {
      status: 200,
      json: c.Kind === 'ContainerSas' ? { Kind: c.Kind, Container: c.Container } : { Kind: c.Kind },
    };
  },
});

export const removeCredentialOperation = operatorOp({
  summary: "Remove an account's registered credential",
  success: { status: 200 },
  errors: ['ResourceNotFound'],
  async run({ rt, params }) {
    const removed = await rt.arm.credentials.delete(
      checkSubscriptionId(params.sub ?? ''),
      checkStorageAccountName(params.account ?? ''),
    );
    if (!removed) throw notFound('credential');
    return { status: 200 };
  },
});

/** POST /operator/dev-tokens (docs/arm-import-export.md#e3): 404 while the development issuer is off. */
export const devTokenOperation = operatorOp({
  summary: 'A development bearer token',
  description: 'Only while ARM_DEV_ISSUER is on (the local host). The principal still needs a grant.',
  success: { status: 200, body: devTokenSchema },
  errors: ['ResourceNotFound'],
  body: DevTokenBodySchema,
  async run({ rt, body }) {
    const issuer = rt.arm.devIssuer;
    if (!issuer)
      throw new ImportExportError(
        'ResourceNotFound',
        'The development token issuer is off (ARM_DEV_ISSUER).',
      );
    const token = await issuer.issue(
      body.ObjectId.toLowerCase(),
      (body.TenantId ?? NIL_GUID).toLowerCase(),
      rt.now(),
    );
    return { status: 200, json: token };
  },
});
