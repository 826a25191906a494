import type { z } from 'zod';
import type { ClassicCode as ErrorCode } from '../classic-import-export/errors';
import {
  ConditionalHeadersSchema,
  CustomerHeadersSchema,
  CustomerQuerySchema,
  PathParamsSchema,
  ResponseHeadersSchema,
  TunnelHeadersSchema,
} from '../classic-import-export/wire/parameters.schema';
import type { Json } from './json-schemas';
import { inlineSchema } from './json-schemas';
import {
  SCOPE,
  SchedulerHeadersSchema,
  SchedulerPathSchema,
  SchedulerResponseHeadersSchema,
} from './scheduler-parts';
import {
  ARM_SCOPE,
  ArmConditionalSchema,
  ArmHeadersSchema,
  ArmPathSchema,
  ArmQuerySchema,
  ArmResponseHeadersSchema,
} from './arm-parts';

type In = 'path' | 'query' | 'header';
export type PathParam = keyof typeof PathParamsSchema.shape;

/** What a malformed path segment answers (docs/contract/import-export.md#a4); a segment naming nothing is a 404. */
export const PATH_ERRORS: Record<PathParam, ErrorCode> = {
  sub: 'InvalidSubscriptionId',
  account: 'InvalidStorageAccountName',
  job: 'InvalidJobName',
  location: 'ResourceNotFound',
  thumbprint: 'InvalidCertificate',
  objectId: 'InvalidRequestBody',
  driveId: 'ResourceNotFound',
};

/**
 * Component names allow letters, digits, `.`, `-` and `_` only; a surface's own parameters of a
 * name another surface uses too are scoped (`path.scheduler.job`).
 */
const key = (where: In, name: string, scope?: string) =>
  `${where}.${scope ? `${scope}.` : ''}${name.replace(/[^A-Za-z0-9._-]/g, '')}`;

export const parameterRef = (where: In, name: string, scope?: string): Json => ({
  $ref: `#/components/parameters/${key(where, name, scope)}`,
});

function parameter(where: In, name: string, schema: z.ZodType): Json {
  const { schema: json, description, required } = inlineSchema(schema);
  return {
    name,
    in: where,
    ...(description !== undefined && { description }),
    required: where === 'path' || required,
    schema: json,
  };
}

/** An object schema's properties as parameters, in order. */
export const parametersOf = (where: In, object: z.ZodObject): Json[] =>
  Object.entries(object.shape).map(([name, schema]) => parameter(where, name, schema as z.ZodType));

const SHARED: readonly [In, z.ZodObject, string?][] = [
  ['path', PathParamsSchema],
  ['header', CustomerHeadersSchema],
  ['query', CustomerQuerySchema],
  ['header', ConditionalHeadersSchema],
  ['header', TunnelHeadersSchema],
  ['path', SchedulerPathSchema, SCOPE],
  ['header', SchedulerHeadersSchema, SCOPE],
  ['path', ArmPathSchema, ARM_SCOPE],
  ['query', ArmQuerySchema, ARM_SCOPE],
  ['header', ArmHeadersSchema, ARM_SCOPE],
  ['header', ArmConditionalSchema, ARM_SCOPE],
];

/** `components.parameters`: those several operations share. */
export function parameterComponents(): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [where, object, scope] of SHARED) {
    for (const p of parametersOf(where, object)) out[key(where, p.name as string, scope)] = p;
  }
  return out;
}

/** `components.headers`: the response headers; required unless their schema is optional. */
export function headerComponents(): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [shape, scope] of [
    [ResponseHeadersSchema.shape, ''],
    [SchedulerResponseHeadersSchema.shape, `${SCOPE}.`],
    [ArmResponseHeadersSchema.shape, `${ARM_SCOPE}.`],
  ] as const) {
    for (const [name, schema] of Object.entries<z.ZodType>(shape)) {
      const { schema: json, description, required } = inlineSchema(schema);
      out[`${scope}${name}`] = { ...(description !== undefined && { description }), required, schema: json };
    }
  }
  return out;
}

/** A response header's component; `scope` names a surface's own form of it (the Scheduler's ETag). */
export const headerRef = (name: string, scope?: string): Json => ({
  $ref: `#/components/headers/${scope ? `${scope}.` : ''}${name}`,
});

export const isPathParam = (name: string): name is PathParam => name in PathParamsSchema.shape;

export const CUSTOMER_HEADERS = Object.keys(CustomerHeadersSchema.shape);
export const CUSTOMER_QUERY = Object.keys(CustomerQuerySchema.shape);
export const CONDITIONAL_HEADERS = Object.keys(ConditionalHeadersSchema.shape);
export const TUNNEL_HEADER = 'X-HTTP-Method';
