import { z } from 'zod';
import { lazySchema } from '../classic-import-export/wire/common.schema';

/** docs/arm-import-export.md#e2 */
export const GrantBodySchema = z.strictObject({ Role: z.enum(['Contributor', 'Reader']).optional() }).meta({
  id: 'PrincipalGrantBody',
  description: "A principal's role on a subscription; Contributor when left out.",
});

export const grantSchema = lazySchema(() =>
  z.object({ ObjectId: z.string(), Role: z.enum(['Contributor', 'Reader']) }).meta({
    id: 'PrincipalGrant',
    description: 'A principal granted on a subscription (Resource Manager routes).',
  }),
);

export const grantListSchema = lazySchema(() =>
  z.object({ value: z.array(grantSchema()) }).meta({ id: 'PrincipalGrantList' }),
);

/** docs/arm-import-export.md#f1 */
export const CredentialBodySchema = z
  .strictObject({
    StorageAccountKey: z.string().max(1024).optional(),
    ContainerSas: z.string().max(4096).optional(),
  })
  .meta({ id: 'StorageCredentialBody', description: 'A storage account key, or a container SAS.' });

export const credentialSummarySchema = lazySchema(() =>
  z.object({ Kind: z.enum(['StorageAccountKey', 'ContainerSas']), Container: z.string().optional() }).meta({
    id: 'StorageCredentialSummary',
    description: 'What kind of credential is registered; never the secret.',
  }),
);

/** docs/arm-import-export.md#e3 */
export const DevTokenBodySchema = z
  .strictObject({
    ObjectId: z.guid(),
    TenantId: z.guid().optional(),
  })
  .meta({ id: 'DevTokenBody', description: 'The principal (and tenant) a development token names.' });

export const devTokenSchema = lazySchema(() =>
  z.object({ access_token: z.string(), token_type: z.literal('Bearer'), expires_on: z.number().int() }).meta({
    id: 'DevToken',
    description: 'A development bearer token; expires_on in epoch seconds.',
  }),
);
