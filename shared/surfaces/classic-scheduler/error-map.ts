import type { EdgeCode } from '../../edge/errors';
import { EdgeError } from '../../edge/errors';
import { CodedError } from '../../kernel/errors';
import type { SchedulerErrorCode } from '../../scheduler/errors';
import { SchedulerError } from '../../scheduler/errors';

/** Failures of this surface's own transport rules (docs/classic-scheduler.md#a2, #a5). */
export type TransportCode =
  | 'MissingOrIncorrectVersionHeader'
  | 'InvalidXmlRequest'
  | 'MissingOrInvalidRequiredQueryParameter'
  | 'InvalidHttpVerb'
  | 'BadRequest'
  | 'ResourceNotFound'
  | 'ForbiddenError'
  | 'ServerBusy'
  | 'InternalError';

export class SchedulerWireError extends Error {
  constructor(
    readonly code: TransportCode,
    message: string,
  ) {
    super(message);
    this.name = 'SchedulerWireError';
  }
}

export interface WireError {
  status: number;
  code: string;
}

/** The context's codes on this surface's wire (docs/classic-scheduler.md#a5): one switch, no gaps. */
export function wireOf(code: SchedulerErrorCode): WireError {
  switch (code) {
    case 'InvalidInput':
      return { status: 400, code: 'BadRequest' };
    case 'NotFound':
      return { status: 404, code: 'ResourceNotFound' };
    case 'AlreadyExists':
    case 'QuotaExceeded':
    case 'FinalState':
    case 'RegistrationConflict':
    case 'NotEmpty':
    case 'PlanConflict':
      return { status: 409, code: 'ConflictError' };
    case 'PreconditionFailed':
      return { status: 412, code: 'PreconditionFailed' };
    default: {
      const unmapped: never = code;
      return unmapped;
    }
  }
}

export function transportWireOf(code: TransportCode): WireError {
  switch (code) {
    case 'MissingOrIncorrectVersionHeader':
    case 'InvalidXmlRequest':
    case 'MissingOrInvalidRequiredQueryParameter':
    case 'InvalidHttpVerb':
    case 'BadRequest':
      return { status: 400, code };
    case 'ForbiddenError':
      return { status: 403, code };
    case 'ResourceNotFound':
      return { status: 404, code };
    case 'InternalError':
      return { status: 500, code };
    case 'ServerBusy':
      return { status: 503, code };
    default: {
      const unmapped: never = code;
      return unmapped;
    }
  }
}

/** Every code this surface's `<Error>` carries, with its status: what the OpenAPI document lists. */
export type SchedulerWireCode = TransportCode | 'ConflictError' | 'PreconditionFailed';
export const wireStatusOf = (code: SchedulerWireCode): number =>
  code === 'ConflictError' ? 409 : code === 'PreconditionFailed' ? 412 : transportWireOf(code).status;

const FORBIDDEN_MESSAGE =
  'The server failed to authenticate the request. Verify that the certificate is valid and is associated with this subscription.';

const VERB_MESSAGE =
  "The HTTP verb specified was not recognized by the server or isn't valid for this resource.";

/**
 * The edge's generic codes on this surface's wire: no 405 or 413 here (docs/classic-scheduler.md#a1,
 * #a2), an unsupported verb is 400 InvalidHttpVerb and an oversized body 400 BadRequest.
 */
function edgeWireOf(code: EdgeCode, message: string): WireError & { message: string } {
  switch (code) {
    case 'InvalidHttpVerb':
    case 'MethodNotAllowed':
      return { status: 400, code: 'InvalidHttpVerb', message: VERB_MESSAGE };
    case 'InvalidHeaderValue':
    case 'UnsupportedMediaType':
    case 'InvalidRequestBody':
    case 'RequestBodyTooLarge':
    case 'InvalidQueryParameterValue':
    case 'MultipleConditionHeadersNotSupported':
      return { status: 400, code: 'BadRequest', message };
    case 'ResourceNotFound':
      return { status: 404, code, message };
    default: {
      const unmapped: never = code;
      return unmapped;
    }
  }
}

/** Any failure as this surface's code, status and message; undefined: a bug (500). */
export function classify(err: unknown): (WireError & { message: string }) | undefined {
  if (err instanceof SchedulerError) return { ...wireOf(err.code), message: err.message };
  if (err instanceof SchedulerWireError) return { ...transportWireOf(err.code), message: err.message };
  if (err instanceof EdgeError) return edgeWireOf(err.code, err.message);
  if (err instanceof CodedError && err.code === 'AuthenticationFailed')
    return { ...transportWireOf('ForbiddenError'), message: FORBIDDEN_MESSAGE };
  if (err instanceof CodedError && err.code === 'ServiceUnavailable')
    return {
      ...transportWireOf('ServerBusy'),
      message:
        'The server (or an internal component) is currently unavailable to receive requests. Please retry your request.',
    };
  return undefined;
}
