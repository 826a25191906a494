import { moveJob } from '../../shared/domain/job-states';
import type { Package, ReturnAddress } from '../../shared/domain/model';
import type { Runtime } from '../../shared/runtime';

export const DELIVERY: Package = { CarrierName: 'FedEx', TrackingNumber: '999999999999', DriveCount: 2 };
export const RETURN_ADDRESS: ReturnAddress = {
  Name: 'John Doe',
  Address: 'One Microsoft Way, Redmond, WA 98052',
  Phone: '1-800-000-0000',
  Email: 'johndoe@outlook.com',
};

/**
 * Moves a Creating job to Shipping through the store, as the customer's Update Job Properties does
 * (SPEC A.7): for tests of the datacenter side that do not go through the customer API.
 */
export async function shipThroughStore(rt: Runtime, sub: string, name: string, delivery: Package = DELIVERY) {
  const current = await rt.jobs.store.get(sub, name);
  if (!current) throw new Error(`no job ${name}`);
  const job = moveJob(
    {
      ...current.value,
      ReturnAddress: current.value.ReturnAddress ?? RETURN_ADDRESS,
      DeliveryPackage: delivery,
    },
    'Shipping',
    rt.now(),
  );
  return rt.jobs.store.write({
    kind: 'update',
    previous: current,
    job,
    activeJobLimit: rt.jobs.activeJobLimit,
  });
}
