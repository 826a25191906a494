import type { ErrorCode } from '../kernel/errors';
import type { RouteApi } from './operation';

/**
 * The ExtendedCodes each pipeline of shared/http/pipeline.ts may answer on any of its operations,
 * and those of an operation with a body or with conditional headers (SPEC A.2, A.4, B, D.1, D.6);
 * the OpenAPI document lists them with each operation's own. They change when those checks do.
 */
export const PIPELINE_ERRORS: Record<RouteApi['surface'], readonly ErrorCode[]> = {
  customer: [
    'MissingOrIncorrectVersionHeader',
    'InvalidHttpVerb',
    'InvalidHeaderValue',
    'InvalidQueryParameterValue',
    'InvalidSubscriptionId',
    'AuthenticationFailed',
    'NotAcceptable',
    'InternalError',
    'ServiceUnavailable',
  ],
  operator: [
    'InvalidHttpVerb',
    'InvalidHeaderValue',
    'AuthenticationFailed',
    'InternalError',
    'ServiceUnavailable',
  ],
  public: ['InvalidHttpVerb', 'InvalidHeaderValue', 'InternalError'],
};
export const BODY_ERRORS: readonly ErrorCode[] = [
  'InvalidRequestBody',
  'UnsupportedMediaType',
  'RequestBodyTooLarge',
];
export const CONDITIONAL_ERRORS: readonly ErrorCode[] = [
  'MultipleConditionHeadersNotSupported',
  'ConditionNotMet',
];
