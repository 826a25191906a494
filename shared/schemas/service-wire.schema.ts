import { z } from 'zod';

/** The documents that describe the service, as wire schemas for the OpenAPI document. */

/** Get Service Document (SPEC A.11). */
export const ServiceDocumentSchema = z
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
  .meta({ id: 'ServiceDocument', description: 'The collections of the service.' });

/** Get Metadata Document (SPEC A.11). */
export const MetadataDocumentSchema = z.string().meta({
  id: 'MetadataDocument',
  description: 'The EDMX of namespace Microsoft.Cis.Services.ImportExport.Public, as application/xml.',
});

/** GET /openapi.json: this document itself. */
export const OpenApiDocumentSchema = z
  .looseObject({
    openapi: z.string().regex(/^3\.1\.\d+$/),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.looseObject({})),
  })
  .meta({ id: 'OpenApiDocument', description: 'An OpenAPI 3.1 document.' });
