import { CodedError } from '../kernel/errors';

/** The failures of the generic HTTP steps (verbs, headers, bodies, queries, routes). */
export type EdgeCode =
  | 'InvalidHttpVerb'
  | 'MethodNotAllowed'
  | 'InvalidHeaderValue'
  | 'UnsupportedMediaType'
  | 'InvalidRequestBody'
  | 'RequestBodyTooLarge'
  | 'InvalidQueryParameterValue'
  | 'MultipleConditionHeadersNotSupported'
  | 'ResourceNotFound';

export class EdgeError extends CodedError<EdgeCode> {}
