import type { CallOptions, TestService } from './service';
import { samplePutJob } from './samples';

/** HTTP helpers for the job routes of a test service (docs/contract/import-export.md#a5-#a9). */
export const jobPath = (name: string, account = 'xttest') => `/storageaccounts/${account}/jobs/${name}`;

export const RETURN_ADDRESS = {
  Name: 'John Doe',
  Address: 'One Microsoft Way, Redmond, WA 98052',
  Phone: '1-800-000-0000',
  Email: 'johndoe@outlook.com',
};

export const deliveryPackage = (TrackingNumber = '999999999999') => ({
  CarrierName: 'FedEx',
  TrackingNumber,
  DriveCount: 2,
  ShipDate: '4/30/2014 12:25:40 AM',
});

export async function putJob(svc: TestService, name: string, account = 'xttest', body?: unknown) {
  const res = await svc.call('PUT', jobPath(name, account), { body: body ?? samplePutJob(name, account) });
  if (res.status !== 201) throw new Error(`Put Job ${name}: ${res.status} ${await res.text()}`);
  return res;
}

export const patchJob = (
  svc: TestService,
  name: string,
  properties: Record<string, unknown>,
  opts: CallOptions & { account?: string; method?: string } = {},
) =>
  svc.call(opts.method ?? 'PATCH', jobPath(name, opts.account), {
    ...opts,
    body: opts.body ?? { Properties: properties },
  });

export async function getJobBody(svc: TestService, name: string): Promise<any> {
  const res = await svc.call('GET', jobPath(name));
  if (res.status !== 200) throw new Error(`Get Job ${name}: ${res.status}`);
  return res.json();
}

/** Put, then ship: the job ends in Shipping with a DeliveryPackage of `trackingNumber`. */
export async function shippedJob(svc: TestService, name: string, trackingNumber = `TN-${name}`) {
  await putJob(svc, name);
  const res = await patchJob(svc, name, {
    State: 'Shipping',
    DeliveryPackage: deliveryPackage(trackingNumber),
  });
  if (res.status !== 200) throw new Error(`ship ${name}: ${res.status} ${await res.text()}`);
}

/** The status, ExtendedCode and ExtendedInformation of an OData error response. */
export async function failure(res: Response): Promise<{ status: number; code: string; info: string }> {
  const body = (await res.json()) as any;
  const values = body['odata.error']['azure.values'];
  return { status: res.status, code: values[0].ExtendedCode, info: values[1].ExtendedInformation };
}
