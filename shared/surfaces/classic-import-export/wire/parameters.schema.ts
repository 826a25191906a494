import { z } from 'zod';
import { ACCOUNT_NAME, GUID, JOB_NAME } from '../../../import-export/model/names';

/**
 * Path, header and common query parameters, and the response headers, in their wire forms: what
 * the OpenAPI document says of them (docs/contract/import-export.md#a1, #a2, #a6, #b). Only the document generator loads
 * this module.
 */

/** By their names in the Functions route templates. */
export const PathParamsSchema = z.object({
  sub: z.string().regex(GUID).meta({ description: 'The subscription id, a GUID.' }),
  account: z
    .string()
    .regex(ACCOUNT_NAME)
    .meta({ description: 'A storage account name: 3 to 24 lower-case letters and digits.' }),
  job: z
    .string()
    .regex(JOB_NAME)
    .meta({
      description:
        'A job name: 2 to 64 letters, digits, `_` and `-`, starting with a letter; unique per subscription, case-insensitively.',
      examples: ['MySampleJob'],
    }),
  location: z
    .string()
    .min(1)
    .meta({ description: 'A location name, URL-encoded; case-insensitive.', examples: ['West US'] }),
  thumbprint: z
    .string()
    .regex(/^[0-9A-Fa-f:]+$/)
    .meta({
      description:
        "The certificate's SHA-1 thumbprint in 40 hexadecimal digits (case-insensitive; colons ignored).",
    }),
  driveId: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/)
    .meta({ description: 'A drive of the job.' }),
});

/** Every customer call (docs/contract/import-export.md#a2). */
export const CustomerHeadersSchema = z.object({
  'x-ms-version': z.enum(['2014-05-01', '2014-11-01']).meta({
    description:
      'The API version. 2014-11-01 adds ContainerSas and names the states location ImportExportStatesPath (2014-05-01: ImportExportStatesContainer).',
  }),
  Accept: z
    .string()
    .optional()
    .meta({
      description:
        'application/json (or application/*, */*), optionally with odata=minimalmetadata (the default), nometadata or fullmetadata; $metadata takes application/xml. Anything else is 406.',
      examples: ['application/json;odata=fullmetadata'],
    }),
});

/** Every customer call: `$format` overrides Accept; `timeout` is accepted and ignored (docs/contract/import-export.md#a1). */
export const CustomerQuerySchema = z.object({
  $format: z
    .string()
    .optional()
    .meta({
      description:
        'Overrides Accept: json, or application/json with odata=...; xml or application/xml for $metadata. A bad value is 400.',
      examples: ['application/json;odata=nometadata'],
    }),
  timeout: z.string().optional().meta({ description: 'Accepted and ignored, as in the classic samples.' }),
});

/** Get, Put, Update and Delete Job (docs/contract/import-export.md#a6): only the two pairs may come together. */
export const ConditionalHeadersSchema = z.object({
  'If-Match': z
    .string()
    .optional()
    .meta({ description: 'A list of ETags, or *; with If-Unmodified-Since it decides.' }),
  'If-None-Match': z
    .string()
    .optional()
    .meta({ description: 'A list of ETags, or * (on Put: create only); with If-Modified-Since it decides.' }),
  'If-Modified-Since': z.string().optional().meta({ description: 'An HTTP date. Unmet: 412 (never 304).' }),
  'If-Unmodified-Since': z.string().optional().meta({ description: 'An HTTP date. Unmet: 412.' }),
});

/** Verb tunnelling (docs/contract/import-export.md#a1). */
export const TunnelHeadersSchema = z.object({
  'X-HTTP-Method': z.enum(['PUT', 'PATCH', 'MERGE', 'DELETE']).meta({
    description:
      'The verb to process the request as; MERGE is PATCH. Any other value is 400 InvalidHttpVerb.',
  }),
});

/** Response headers (docs/contract/import-export.md#a2, #a5, #a6, #d6). */
export const ResponseHeadersSchema = z.object({
  'x-ms-request-id': z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .meta({ description: 'Unique per request; quote it when reporting a problem.' }),
  'x-ms-version': z
    .enum(['2014-05-01', '2014-11-01'])
    .optional()
    .meta({ description: "The request's x-ms-version, when it was valid (customer API)." }),
  Date: z.string().meta({ description: 'RFC 1123.' }),
  'Cache-Control': z.literal('no-cache'),
  DataServiceVersion: z
    .literal('3.0;')
    .meta({ description: 'On OData answers (customer API, and every error).' }),
  'Content-Language': z.literal('en-us').meta({ description: 'On OData JSON answers.' }),
  ETag: z
    .string()
    .regex(/^W\/"datetime'[^']+'"$/)
    .meta({ description: "The job's version, in the classic form W/\"datetime'...'\"." }),
  'Last-Modified': z.string().meta({ description: 'RFC 1123.' }),
  DataServiceId: z.url().meta({ description: "The job's edit link." }),
  'Retry-After': z.string().regex(/^\d+$/).meta({ description: 'Seconds to wait before retrying.' }),
});
