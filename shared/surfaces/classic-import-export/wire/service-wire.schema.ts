import { z } from 'zod';
import { lazySchema } from './common.schema';

/** The documents that describe the service, as wire schemas for the OpenAPI document. */

/** Get Service Document (docs/contract/import-export.md#a11). */
export const serviceDocumentSchema = lazySchema(() =>
  z
    .strictObject({
      'odata.metadata': z
        .string()
        .regex(/\/\$metadata$/)
        .optional()
        .describe('The $metadata URL (minimal and full metadata).'),
      value: z.array(
        z.strictObject({
          name: z.enum(['StorageAccounts', 'Jobs', 'Locations']),
          url: z.string().describe('Relative to the service base.'),
        }),
      ),
    })
    .meta({ id: 'ServiceDocument', description: 'The collections of the service.' }),
);

/** Get Metadata Document (docs/contract/import-export.md#a11). */
export const metadataDocumentSchema = lazySchema(() =>
  z.string().meta({
    id: 'MetadataDocument',
    description: 'The EDMX of namespace Microsoft.Cis.Services.ImportExport.Public, as application/xml.',
  }),
);

/** GET /openapi.json: this document itself. */
export const openApiDocumentSchema = lazySchema(() =>
  z
    .looseObject({
      openapi: z.string().regex(/^3\.1\.\d+$/),
      info: z.looseObject({ title: z.string(), version: z.string() }),
      paths: z.record(z.string(), z.looseObject({})),
    })
    .meta({ id: 'OpenApiDocument', description: 'An OpenAPI 3.1 document.' }),
);
