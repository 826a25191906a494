import { KEYS, manifestFor } from './datacenter';
import { extendedCode, type TestService } from './service';
import { delivery, RETURN_ADDRESS } from './shipping';

/** Customer and operator calls of a job's life over HTTP (docs/contract/import-export.md#a, #b), for one test service. */
export function lifecycle(svc: () => TestService) {
  const jobPath = (account: string, name: string) => `/storageaccounts/${account}/jobs/${name}`;
  const opPath = (name: string, rest = '') => `/subscriptions/${svc().sub}/jobs/${name}${rest}`;

  /** Get Job, which must answer 200. */
  async function getJob(account: string, name: string): Promise<any> {
    const res = await svc().call('GET', jobPath(account, name));
    expect(res.status).toBe(200);
    return res.json();
  }

  /** An operator call that must answer `status`; its JSON body. */
  async function operator(method: string, path: string, body?: unknown, status = 200): Promise<any> {
    const res = await svc().operator(method, path, body);
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }

  async function refused(res: Response, status: number, code: string) {
    expect(res.status).toBe(status);
    expect(await extendedCode(res)).toBe(code);
  }

  /** Put Job for an import on `account` with `key`, one drive per id, manifests that match. */
  async function putImport(
    account: string,
    key: string,
    name: string,
    drives: readonly string[],
    props = {},
  ) {
    const res = await svc().call('PUT', jobPath(account, name), {
      body: {
        Properties: {
          StorageAccountKey: key,
          Location: 'West US',
          Type: 'Import',
          ReturnAddress: RETURN_ADDRESS,
          ...props,
        },
        DriveList: drives.map((DriveId, i) => ({
          DriveId,
          BitLockerKey: KEYS[i % 2]!,
          ManifestFile: '\\DriveManifest.xml',
          ManifestHash: manifestFor(DriveId).hash,
        })),
      },
    });
    expect(res.status).toBe(201);
  }

  /** The customer's Update Job Properties (docs/contract/import-export.md#a7): the package is on its way. */
  async function customerMarksShipping(account: string, name: string, DeliveryPackage = delivery()) {
    const res = await svc().call('PATCH', jobPath(account, name), {
      body: { Properties: { State: 'Shipping', DeliveryPackage } },
    });
    expect(res.status).toBe(200);
    return DeliveryPackage;
  }

  return { jobPath, opPath, getJob, operator, refused, putImport, customerMarksShipping };
}
