import { CodedError } from '../kernel/errors';

/**
 * What the Scheduler context reports. Each surface maps these codes to its wire once
 * (shared/surfaces/classic-scheduler/error-map.ts).
 */
export type SchedulerErrorCode =
  | 'InvalidInput'
  | 'NotFound'
  | 'AlreadyExists'
  | 'QuotaExceeded'
  | 'FinalState'
  | 'RegistrationConflict'
  | 'NotEmpty'
  | 'PlanConflict'
  | 'PreconditionFailed';

export class SchedulerError extends CodedError<SchedulerErrorCode> {}

export const invalid = (message: string): SchedulerError => new SchedulerError('InvalidInput', message);
export const notFound = (message: string): SchedulerError => new SchedulerError('NotFound', message);
