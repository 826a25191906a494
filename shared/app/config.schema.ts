import { z } from 'zod';
import { LocationSchema } from '../import-export/model/locations';
import { parseSchedule } from '../kernel/ncrontab';

const positiveInt = (name: string) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().positive());

const base64Key = z
  .string()
  .transform((s) => Buffer.from(s, 'base64'))
  .refine((b) => b.length === 32, 'SECRETS_KEY must be the base64 of exactly 32 bytes');

/**
 * An app setting present but empty counts as unset: templates commonly write
 * `AzureWebJobsStorage = ""` next to the identity-based `AzureWebJobsStorage__*` settings.
 */
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);

/** Service URIs of the service's own storage; trailing slashes dropped (ARM's primaryEndpoints end in one). */
const serviceUri = z.url().transform((s) => s.replace(/\/+$/, ''));

/** Six-field NCRONTAB, or a TimeSpan (hh:mm:ss) as the Functions timer trigger also accepts. */
const schedule = z.string().superRefine((s, ctx) => {
  try {
    parseSchedule(s);
  } catch (err) {
    ctx.addIssue({
      code: 'custom',
      message: `SWEEP_SCHEDULE must be a six-field NCRONTAB expression such as "0 */5 * * * *" (${err instanceof Error ? err.message : String(err)})`,
    });
  }
});

/** The app settings of docs/contract/import-export.md#d7, as environment variables. Parsed once, at start-up. */
export const ConfigEnvSchema = z.object({
  AzureWebJobsStorage: unsetWhenEmpty(z.string().optional()),
  AzureWebJobsStorage__accountName: unsetWhenEmpty(
    z
      .string()
      .regex(/^[a-z0-9]{3,24}$/, 'a storage account name is 3 to 24 lower-case letters and digits')
      .optional(),
  ),
  AzureWebJobsStorage__tableServiceUri: unsetWhenEmpty(serviceUri.optional()),
  AzureWebJobsStorage__blobServiceUri: unsetWhenEmpty(serviceUri.optional()),
  /** The Functions host's identity-based connection properties (`credential`, `clientId`, `managedIdentityResourceId`). */
  AzureWebJobsStorage__credential: unsetWhenEmpty(
    z
      .string()
      .transform((s) => s.trim().toLowerCase())
      .pipe(z.literal('managedidentity', 'the only credential setting is "managedidentity"'))
      .optional(),
  ),
  AzureWebJobsStorage__clientId: unsetWhenEmpty(z.string().trim().min(1).optional()),
  AzureWebJobsStorage__managedIdentityResourceId: unsetWhenEmpty(z.string().trim().min(1).optional()),
  STORAGE_PREFIX: z
    .string()
    .regex(
      /^[a-z][a-z0-9]{0,39}$/,
      'STORAGE_PREFIX must be up to 40 lower-case letters and digits, starting with a letter',
    )
    .default('importexport'),
  OPERATOR_KEYS: z
    .string()
    .optional()
    .transform((s) =>
      (s ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter((k) => k.length > 0),
    )
    .refine(
      (keys) => keys.every((k) => k.length >= 16),
      'every key in OPERATOR_KEYS must have at least 16 characters',
    ),
  SECRETS_KEY: base64Key,
  CUSTOMER_BLOB_ENDPOINT: z
    .string()
    .default('https://{account}.blob.core.windows.net')
    .refine(
      (s) => s.includes('{account}') && URL.canParse(s.replace('{account}', 'account')),
      'CUSTOMER_BLOB_ENDPOINT must be a URL with {account} in it',
    ),
  ACTIVE_JOB_LIMIT: positiveInt('ACTIVE_JOB_LIMIT').default(20),
  /** How long a call to the service's own storage may take, retries included, before 503. */
  STORAGE_TIMEOUT_MS: positiveInt('STORAGE_TIMEOUT_MS')
    // One call and the clock skew between instances must fit in the due-time index's grace
    // (two minutes, adapters/table/due-index.ts), or a sweep could retire a marker a write relies on.
    .refine((ms) => ms <= 60_000, 'STORAGE_TIMEOUT_MS must be at most 60000')
    .default(8_000),
  /** How long a call to the customer's storage may take, retries included, before 502. */
  CUSTOMER_STORAGE_TIMEOUT_MS: positiveInt('CUSTOMER_STORAGE_TIMEOUT_MS').default(25_000),
  SWEEP_SCHEDULE: schedule.default('0 */5 * * * *'),
  LOCATIONS: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'LOCATIONS must be a JSON array of locations' });
        return z.NEVER;
      }
    })
    .pipe(z.array(LocationSchema).min(1).optional()),
  TRUST_FORWARDED_CLIENT_CERT: z.enum(['true', 'false']).optional(),
  /** docs/arm-import-export.md#h: `<iss>[ <jwks_uri>]`, comma-separated. */
  ARM_TOKEN_ISSUERS: unsetWhenEmpty(
    z
      .string()
      .optional()
      .transform((s) =>
        (s ?? '')
          .split(',')
          .map((e) => e.trim())
          .filter((e) => e.length > 0)
          .map((e) => {
            const [issuer = '', jwksUri] = e.split(/\s+/);
            return { issuer, ...(jwksUri && { jwksUri }) };
          }),
      )
      .refine(
        (list) => list.every((i) => !i.jwksUri || URL.canParse(i.jwksUri)),
        'every JWKS URI in ARM_TOKEN_ISSUERS must be a URL',
      ),
  ),
  ARM_AUDIENCE: unsetWhenEmpty(
    z
      .string()
      .optional()
      .transform((s) =>
        (s ?? '')
          .split(',')
          .map((a) => a.trim())
          .filter((a) => a.length > 0),
      ),
  ),
  ARM_DEV_ISSUER: unsetWhenEmpty(z.enum(['true', 'false']).optional()),
  /** docs/arm-import-export.md#g2: `true` serves the `az` login shim's routes. */
  ARM_AZ_SHIM: unsetWhenEmpty(z.enum(['true', 'false']).optional()),
  CLASSIC_RESOURCE_GROUP: z
    .string()
    .regex(/^[-\w.()]{0,89}[-\w()]$/, 'CLASSIC_RESOURCE_GROUP must be a resource group name')
    .default('classic'),
  ARM_LIST_PAGE_SIZE: positiveInt('ARM_LIST_PAGE_SIZE')
    .pipe(z.number().max(100, 'ARM_LIST_PAGE_SIZE must be 1 to 100'))
    .default(100),
  /** Set by the App Service platform, never by hand: its front end is what fills X-ARR-ClientCert. */
  WEBSITE_SITE_NAME: z.string().optional(),
});
