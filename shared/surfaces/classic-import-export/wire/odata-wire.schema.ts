import { z } from 'zod';
import { CLASSIC_CODES } from '../errors';
import { lazySchema } from './common.schema';

/**
 * The OData JSON Light framing of the customer API's answers (docs/contract/import-export.md#a3), as wire schemas for the
 * OpenAPI document, built on first use. One schema serves the three metadata levels: every annotation is optional
 * (nometadata has none, minimalmetadata all but `odata.type`, fullmetadata all).
 */
const NAMESPACE = 'Microsoft.Cis.Services.ImportExport.Public';
type EntitySet = 'Jobs' | 'Locations' | 'StorageAccounts';
type EntityType = 'Job' | 'Location' | 'StorageAccount';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const metadataUrl = (set: EntitySet, suffix: string) =>
  z
    .string()
    .regex(new RegExp(`/\\$metadata#${escapeRegex(`${NAMESPACE}.ImportExportData.${set}${suffix}`)}$`))
    .optional()
    .describe(`The $metadata URL of the entity set (minimal and full metadata).`);

const annotations = (type: EntityType) => ({
  'odata.type': z
    .literal(`${NAMESPACE}.${type}`)
    .optional()
    .describe('The entity type (full metadata only).'),
  'odata.id': z.string().optional().describe("The entity's key (minimal and full metadata)."),
  'odata.editLink': z
    .url()
    .optional()
    .describe("The entity's own URL, where it can be read alone (minimal and full metadata)."),
});

/** An entity in a feed: its annotations, then its properties. */
export const odataItem = <S extends z.ZodRawShape>(type: EntityType, shape: S) =>
  z.strictObject({ ...annotations(type), ...shape });

/** A single entity answered alone. */
export const odataEntity = <S extends z.ZodRawShape>(set: EntitySet, type: EntityType, shape: S) =>
  z.strictObject({ 'odata.metadata': metadataUrl(set, '/@Element'), ...annotations(type), ...shape });

/** A feed: `odata.count` is a string, as in the classic samples; `odata.nextLink` at every level. */
export const odataFeed = (set: EntitySet, item: z.ZodType) =>
  z.strictObject({
    'odata.metadata': metadataUrl(set, ''),
    'odata.count': z
      .string()
      .regex(/^\d+$/)
      .optional()
      .describe('The number of entities in this page, as a string (minimal and full metadata).'),
    value: z.array(item),
    'odata.nextLink': z
      .url()
      .optional()
      .describe('The URL of the next page, when more remain: follow it as it is.'),
  });

/** The error body of docs/contract/import-export.md#a4, on every error of every API. */
export const odataErrorSchema = lazySchema(() =>
  z
    .strictObject({
      'odata.error': z.strictObject({
        code: z
          .string()
          .regex(/^\d{3}$/)
          .describe('The HTTP status, as a string.'),
        message: z.strictObject({ lang: z.literal('en-US'), value: z.string() }),
        'azure.values': z.tuple([
          z.strictObject({ ExtendedCode: z.enum(CLASSIC_CODES) }),
          z.strictObject({
            ExtendedInformation: z
              .string()
              .describe('Detail, such as the JSON path of a bad property; may be empty.'),
          }),
        ]),
      }),
    })
    .meta({
      id: 'ODataError',
      description:
        'Every error answer (docs/contract/import-export.md#a4): never an HTML page or a stack trace.',
    }),
);
export type ODataError = z.infer<ReturnType<typeof odataErrorSchema>>;
