import type { ClassicCode } from '../classic-import-export/errors';
import type { ErrorCode } from './responses';
import { SCHEDULER_PIPELINE_ERRORS } from './scheduler-parts';
import { ARM_PIPELINE_ERRORS } from './arm-parts';
import type { RouteApi } from '../../edge/operation';

/**
 * The ExtendedCodes each surface's pipeline may answer on any of its operations,
 * and those of an operation with a body or with conditional headers (docs/contract/import-export.md#a2, #a4, #b, #d1, #d6);
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
  // Its codes are not ExtendedCodes but the `<Error>` codes of docs/classic-scheduler.md#a5.
  scheduler: SCHEDULER_PIPELINE_ERRORS,
  arm: ARM_PIPELINE_ERRORS,
};
export const BODY_ERRORS: readonly ClassicCode[] = [
  'InvalidRequestBody',
  'UnsupportedMediaType',
  'RequestBodyTooLarge',
];
export const CONDITIONAL_ERRORS: readonly ClassicCode[] = [
  'MultipleConditionHeadersNotSupported',
  'ConditionNotMet',
];
