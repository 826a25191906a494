import type { SchedulerErrorCode } from '../../scheduler/errors';

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

export const FORBIDDEN_MESSAGE =
  'The server failed to authenticate the request. Verify that the certificate is valid and is associated with this subscription.';
