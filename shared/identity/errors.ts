import { CodedError } from '../kernel/errors';

/** The failures of management-certificate authentication, shared by every classic surface. */
export type IdentityCode = 'AuthenticationFailed' | 'InvalidCertificate' | 'ResourceNotFound';

export class IdentityError extends CodedError<IdentityCode> {}
