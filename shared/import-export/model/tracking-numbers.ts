import { invalidState } from './errors';
import { isActive } from './job-states';
import type { Job } from './model';

/**
 * docs/contract/import-export.md#a7: a DeliveryPackage's tracking number belongs to at most one active job of a
 * subscription. Tracking numbers compare without whitespace and case ("1z 999" is "1Z999").
 */
export const normaliseTrackingNumber = (trackingNumber: string): string =>
  trackingNumber.replace(/\s+/g, '').toUpperCase();

/** The tracking number a job holds: that of its DeliveryPackage while the job is active. */
export function trackingClaimOf(job: Pick<Job, 'State' | 'DeliveryPackage'>): string | undefined {
  if (!isActive(job.State) || !job.DeliveryPackage) return undefined;
  return normaliseTrackingNumber(job.DeliveryPackage.TrackingNumber);
}

export const trackingNumberInUse = (trackingNumber: string, holder: string) =>
  invalidState(
    'The DeliveryPackage tracking number is already used by another active job of the subscription.',
    `Properties.DeliveryPackage.TrackingNumber ${trackingNumber} is used by job ${holder}`,
  );
