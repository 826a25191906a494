import { z } from 'zod';
import type { ArmCode } from '../arm-import-export/arm-errors';

/**
 * What Resource Manager's operations share in the OpenAPI document (docs/arm-import-export.md#b):
 * path parameters, `api-version`, the request and response headers, and the codes every operation
 * may answer in the ARM error body. Its components are named under `arm.`.
 */
export const ARM_SCOPE = 'arm';

export const ArmPathSchema = z.object({
  sub: z
    .string()
    .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/)
    .meta({ description: 'The subscription id, a GUID.' }),
  rg: z.string().min(1).max(90).meta({ description: 'The resource group, case-insensitive.' }),
  job: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]{1,63}$/)
    .meta({ description: 'The job name; unique per subscription across the ARM and classic APIs.' }),
  location: z
    .string()
    .min(1)
    .meta({ description: 'A location by display or short name.', examples: ['westus'] }),
});

export const ArmQuerySchema = z.object({
  'api-version': z.enum(['2016-11-01', '2020-08-01', '2021-01-01']),
});

export const ArmHeadersSchema = z.object({
  'x-ms-client-request-id': z.string().optional().meta({ description: "The client's own request id." }),
  'x-ms-return-client-request-id': z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'true: x-ms-client-request-id is echoed.' }),
  'x-ms-correlation-request-id': z.string().optional().meta({ description: 'Echoed; made up when absent.' }),
});

export const ArmConditionalSchema = z.object({
  'If-Match': z
    .string()
    .optional()
    .meta({ description: "The job's ETag, or `*` (beyond Microsoft's service)." }),
  'If-None-Match': z.string().optional().meta({ description: '`*`: create only.' }),
});

export const ArmResponseHeadersSchema = z.object({
  'x-ms-request-id': z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    .meta({ description: 'Unique per request, as a GUID; quote it when reporting a problem.' }),
  'x-ms-correlation-request-id': z.string().min(1),
  'x-ms-client-request-id': z.string().optional(),
  ETag: z.string().min(1).meta({ description: "The job's version, the same value the classic API answers." }),
  'WWW-Authenticate': z.string().meta({ description: 'On 401: the Bearer challenge.' }),
});

export const isArmPathParam = (name: string): boolean => name in ArmPathSchema.shape;

/** What a malformed path segment answers. */
export const ARM_PATH_ERRORS: Record<keyof typeof ArmPathSchema.shape, ArmCode> = {
  sub: 'InvalidSubscriptionId',
  rg: 'InvalidResourceGroupName',
  job: 'InvalidJobName',
  location: 'ResourceNotFound',
};

/** What any ARM operation may answer (docs/arm-import-export.md#b2, #b4, #e4). */
export const ARM_PIPELINE_ERRORS: readonly ArmCode[] = [
  'MissingApiVersionParameter',
  'InvalidApiVersionParameter',
  'NoRegisteredProviderFound',
  'InvalidQueryParameterValue',
  'AuthenticationFailed',
  'InvalidAuthenticationToken',
  'ExpiredAuthenticationToken',
  'InvalidAuthenticationTokenAudience',
  'InvalidAuthenticationTokenTenant',
  'MethodNotAllowed',
  'InternalServerError',
  'ServiceUnavailable',
];
export const ARM_BODY_ERRORS: readonly ArmCode[] = [
  'InvalidRequestContent',
  'UnsupportedMediaType',
  'RequestBodyTooLarge',
];
export const ARM_CONDITIONAL_ERRORS: readonly ArmCode[] = ['ConditionNotMet'];
