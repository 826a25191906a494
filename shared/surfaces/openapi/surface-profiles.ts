import type { RouteApi } from '../../edge/operation';
import {
  ARM_BODY_ERRORS,
  ARM_CONDITIONAL_ERRORS,
  ARM_PATH_ERRORS,
  ARM_PIPELINE_ERRORS,
  ARM_SCOPE,
  isArmPathParam,
} from './arm-parts';
import type { Json } from './json-schemas';
import {
  CONDITIONAL_HEADERS,
  CUSTOMER_HEADERS,
  CUSTOMER_QUERY,
  isPathParam,
  PATH_ERRORS,
  parameterRef,
} from './parameters';
import { BODY_ERRORS, CONDITIONAL_ERRORS, PIPELINE_ERRORS } from './pipeline-errors';
import type { ErrorCode } from './responses';
import { isSchedulerPathParam, SCOPE } from './scheduler-parts';

type Surface = RouteApi['surface'];

/** How the document describes what a surface's pipeline adds to each of its operations. */
export interface SurfaceProfile {
  /** The component scope of its own parameters (`path.scheduler.job`); none: the classic ones. */
  scope?: string;
  isPathParam(name: string): boolean;
  /** What a malformed path segment answers; none: a segment naming nothing is the pipeline's 404. */
  pathError(name: string): ErrorCode | undefined;
  /** Parameters of every operation. */
  parameters: () => Json[];
  /** The conditional headers, for an operation that reads them. */
  conditional: () => Json[];
  pipelineErrors: readonly ErrorCode[];
  bodyErrors: readonly ErrorCode[];
  conditionalErrors: readonly ErrorCode[];
}

const classic = (surface: 'customer' | 'operator' | 'public'): SurfaceProfile => ({
  isPathParam,
  pathError: (name) => PATH_ERRORS[name as keyof typeof PATH_ERRORS],
  parameters: () =>
    surface === 'customer'
      ? [
          ...CUSTOMER_HEADERS.map((h) => parameterRef('header', h)),
          ...CUSTOMER_QUERY.map((q) => parameterRef('query', q)),
        ]
      : [],
  conditional: () => CONDITIONAL_HEADERS.map((h) => parameterRef('header', h)),
  pipelineErrors: PIPELINE_ERRORS[surface],
  bodyErrors: BODY_ERRORS,
  conditionalErrors: CONDITIONAL_ERRORS,
});

const ARM_HEADERS = [
  'x-ms-client-request-id',
  'x-ms-return-client-request-id',
  'x-ms-correlation-request-id',
];

export const PROFILES: Record<Surface, SurfaceProfile> = {
  customer: classic('customer'),
  operator: classic('operator'),
  public: classic('public'),
  scheduler: {
    scope: SCOPE,
    isPathParam: isSchedulerPathParam,
    pathError: () => undefined,
    parameters: () => [parameterRef('header', 'x-ms-version', SCOPE)],
    conditional: () => [],
    pipelineErrors: PIPELINE_ERRORS.scheduler,
    bodyErrors: [],
    conditionalErrors: [],
  },
  arm: {
    scope: ARM_SCOPE,
    isPathParam: isArmPathParam,
    pathError: (name) => ARM_PATH_ERRORS[name as keyof typeof ARM_PATH_ERRORS],
    parameters: () => [
      parameterRef('query', 'api-version', ARM_SCOPE),
      ...ARM_HEADERS.map((h) => parameterRef('header', h, ARM_SCOPE)),
    ],
    conditional: () => ['If-Match', 'If-None-Match'].map((h) => parameterRef('header', h, ARM_SCOPE)),
    pipelineErrors: ARM_PIPELINE_ERRORS,
    bodyErrors: ARM_BODY_ERRORS,
    conditionalErrors: ARM_CONDITIONAL_ERRORS,
  },
};
