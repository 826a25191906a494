import { randomInt } from 'node:crypto';
import type { Package, ReturnAddress } from '../../shared/import-export/model/model';
import { updateJob } from '../../shared/import-export/customer/update-job';
import type { Runtime } from '../../shared/app/runtime';

export const RETURN_ADDRESS: ReturnAddress = {
  Name: 'John Doe',
  Address: 'One Microsoft Way, Redmond, WA 98052',
  Phone: '1-800-000-0000',
  Email: 'johndoe@outlook.com',
};

/** A delivery package with a tracking number of its own (an active job's number is unique, docs/contract/import-export.md#a7). */
export const delivery = (DriveCount = 2): Package => ({
  CarrierName: 'FedEx',
  TrackingNumber: String(randomInt(1e11, 1e12)),
  DriveCount,
});

/** The customer's Update Job Properties (docs/contract/import-export.md#a7) that says the package is on its way. */
export function customerShips(
  rt: Runtime,
  at: { subscriptionId: string; storageAccountName: string; jobName: string },
  DeliveryPackage: Package = delivery(),
) {
  return updateJob(rt.jobs, {
    ...at,
    patch: { State: 'Shipping', ReturnAddress: RETURN_ADDRESS, DeliveryPackage },
    conditions: { kind: 'none' },
  });
}

/** The customer's Update Job Properties that cancels the job (docs/contract/import-export.md#a8). */
export function customerCancels(
  rt: Runtime,
  at: { subscriptionId: string; storageAccountName: string; jobName: string },
) {
  return updateJob(rt.jobs, { ...at, patch: { CancelRequested: true }, conditions: { kind: 'none' } });
}
