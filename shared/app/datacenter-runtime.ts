import { createHash, randomInt } from 'node:crypto';
import { BlobPlanStore } from '../adapters/blob/blob-plan-store';
import { CustomerBlobStorage } from '../adapters/blob/customer-blob-storage';
import { ServiceBlobs } from '../adapters/blob/service-blobs';
import { appManagedIdentity } from '../adapters/credential';
import { isLoopback } from '../adapters/endpoints';
import type { JobRows } from '../adapters/table/job-rows';
import type { TableClients } from '../adapters/table/table-clients';
import { TableJobFinder } from '../adapters/table/table-job-finder';
import { blobFormats } from '../adapters/xml/blob-formats';
import type { DatacenterDeps } from '../import-export/datacenter/ports';
import type { RegisteredCredentials } from '../import-export/datacenter/registered-credentials';
import { resolveCredential } from '../import-export/datacenter/registered-credentials';
import { ImportExportError } from '../import-export/model/errors';
import type { Job } from '../import-export/model/model';
import type { JobDeps } from '../import-export/model/ports';
import type { Config } from './config';

/**
 * The operator API's use cases (docs/contract/import-export.md#b): the job store plus the
 * customer's and the service's blobs; built on first use (runtime.ts).
 */
export function datacenterRuntime(
  config: Config,
  jobs: JobDeps,
  tables: TableClients,
  rows: JobRows,
  credentials: () => RegisteredCredentials,
): DatacenterDeps {
  const localAzurite = isLoopback(config.customerBlobEndpoint.replace('{account}', 'account'));
  const identity = appManagedIdentity(config.storage);
  const fallbacks = { localAzurite, managedIdentity: identity !== undefined };
  const resolve = async (job: Job) => {
    const found = await resolveCredential(
      credentials(),
      fallbacks,
      job.SubscriptionId,
      job.StorageAccountName,
    );
    if (found) return found;
    throw new ImportExportError(
      'StorageAccessNotConfigured',
      `No credential is registered for storage account ${job.StorageAccountName}.`,
      `PUT /operator/subscriptions/${job.SubscriptionId}/storageaccounts/${job.StorageAccountName}/credential`,
    );
  };
  return {
    ...jobs,
    customer: new CustomerBlobStorage(
      config.customerBlobEndpoint,
      config.customerStorageTimeoutMs,
      resolve,
      identity,
    ),
    plans: new BlobPlanStore(new ServiceBlobs(config.storage, config.storagePrefix, config.storageTimeoutMs)),
    formats: blobFormats,
    finder: new TableJobFinder(() => tables.table('jobs'), rows),
    digestHex: (algorithm, text) => createHash(algorithm).update(text, 'utf8').digest('hex').toUpperCase(),
    randomInt: (max) => randomInt(max),
  };
}
