import type { z } from 'zod';
import type { Reply } from './reply';
import type { Verb } from './request-info';

/** Headers a success carries besides those of every answer (docs/contract/import-export.md#a5-#a7). */
type ReplyHeader = 'ETag' | 'Last-Modified' | 'DataServiceId';

/**
 * What the OpenAPI document (surfaces/openapi) says of an operation, and what the pipeline's
 * generic steps read. It lives with the operation, so that no operation exists undocumented:
 * `summary` and `success` are required.
 */
export interface OperationDoc {
  summary: string;
  description?: string;
  /**
   * The success status, the wire schema of its body (none: an empty body) and its own headers.
   * Schemas are getters (the surfaces' wire/*.schema.ts), built only when the document is.
   */
  success: {
    status: number;
    body?: () => z.ZodType;
    headers?: readonly ReplyHeader[];
    /** Other statuses that answer the same body and headers, as a PUT's 201 beside its 200. */
    also?: readonly number[];
  };
  /** The query parameters the operation reads, as a zod object of their wire forms. */
  query?: () => z.ZodObject;
  /** The error codes the operation answers beyond its pipeline's, its path's and its body's. */
  errors?: readonly string[];
  /** The JSON body the operation takes, parsed by the pipeline's body step. */
  body?: z.ZodType;
  /**
   * A body the operation reads itself rather than through the pipeline's body step (the classic
   * Scheduler's XML and JSON): described only.
   */
  documentedBody?: { schema: () => z.ZodType; representation: 'json' | 'xml'; optional?: boolean };
  /** A body that may be left out entirely, as for the operator's `advance` and `sweep`. */
  optionalBody?: boolean;
  /** Parse the conditional headers (the job operations of the classic API). */
  conditional?: boolean;
  /** What the operation answers: JSON (default) or XML (the classic `$metadata`, the Scheduler's management plane). */
  representation?: 'json' | 'xml';
}

/** An operation of a surface whose requests are `Req`. */
export interface Operation<Req> extends OperationDoc {
  run(req: Req): Promise<Reply>;
}

export type Operations<O> = Partial<Record<Verb, O>>;

/** Every surface on the one pipeline; the OpenAPI document describes each. */
export type PipelineSurface = 'customer' | 'operator' | 'public' | 'scheduler' | 'arm';

/** Which pipeline serves a route, and its operations by verb: what the OpenAPI document reads. */
export interface RouteApi {
  surface: PipelineSurface;
  operations: Operations<OperationDoc>;
}
