import type { z } from 'zod';
import type { Conditions } from '../kernel/conditions';
import type { ErrorCode } from '../kernel/errors';
import type { ApiVersion } from '../import-export/customer/job-definition';
import type { Runtime } from '../app/runtime';
import type { Representation } from '../surfaces/classic-import-export/negotiation';
import type { Framing } from '../surfaces/classic-import-export/odata';
import type { Reply } from './reply';
import type { Verb } from './request-info';

/** Headers a success carries besides those of every answer (SPEC A.5-A.7). */
export type ReplyHeader = 'ETag' | 'Last-Modified' | 'DataServiceId';

/**
 * What the OpenAPI document (shared/openapi) says of an operation. It lives with the operation,
 * so that no operation exists undocumented: `summary` and `success` are required.
 */
export interface OperationDoc {
  summary: string;
  description?: string;
  /**
   * The success status, the wire schema of its body (none: an empty body) and its own headers.
   * Schemas are getters (shared/schemas/*-wire.schema.ts), built only when the document is.
   */
  success: { status: number; body?: () => z.ZodType; headers?: readonly ReplyHeader[] };
  /** The query parameters the operation reads, as a zod object of their wire forms. */
  query?: () => z.ZodObject;
  /** The ExtendedCodes the operation answers beyond its pipeline's, its path's and its body's. */
  errors?: readonly ErrorCode[];
}

export interface CustomerRequest<B> {
  rt: Runtime;
  requestId: string;
  version: ApiVersion;
  framing: Framing;
  /** Lower-case, as the store keys on it. */
  subscriptionId: string;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  conditions: Conditions;
  body: B;
}

export interface CustomerOperation<B = undefined> extends OperationDoc {
  body?: z.ZodType<B>;
  /** Parse the conditional headers of SPEC A.6 (job operations only). */
  conditional?: boolean;
  representation?: Representation;
  run(req: CustomerRequest<B>): Promise<Reply>;
}

export interface OperatorRequest<B> {
  rt: Runtime;
  requestId: string;
  /** The request's absolute URL, for links such as a worklist's nextLink. */
  url: string;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  body: B;
}

export interface OperatorOperation<B = undefined> extends OperationDoc {
  body?: z.ZodType<B>;
  /** A body that may be left out entirely, as for `advance` and `sweep`. */
  optionalBody?: boolean;
  run(req: OperatorRequest<B>): Promise<Reply>;
}

/** An operation anyone may call: no version header, no certificate, no key (the OpenAPI document). */
export interface PublicOperation extends OperationDoc {
  run(): Promise<Reply>;
}

/** Helpers that let TypeScript infer an operation's body type from its schema. */
export const customerOp = <B = undefined>(op: CustomerOperation<B>): CustomerOperation<B> => op;
export const operatorOp = <B = undefined>(op: OperatorOperation<B>): OperatorOperation<B> => op;
export const publicOp = (op: PublicOperation): PublicOperation => op;

/* eslint-disable @typescript-eslint/no-explicit-any -- a route's operations each have their own body type */
export type AnyCustomerOperation = CustomerOperation<any>;
export type AnyOperatorOperation = OperatorOperation<any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

export type Operations<O> = Partial<Record<Verb, O>>;

/** Which pipeline serves a route, and its operations by verb: what the OpenAPI document reads. */
export type RouteApi =
  | { surface: 'customer'; operations: Operations<AnyCustomerOperation> }
  | { surface: 'operator'; operations: Operations<AnyOperatorOperation> }
  | { surface: 'public'; operations: Operations<PublicOperation> };
