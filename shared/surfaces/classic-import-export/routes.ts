import type { HttpRoute } from '../../edge/routes';
import { httpRoute } from '../../edge/routes';
import { deleteJobOperation, updateJobOperation } from './job-change-operations';
import { listJobsOperation } from './job-list-operation';
import { getJobOperation, putJobOperation } from './job-operations';
import { getLocationOperation, listLocationsOperation } from './location-operations';
import type { ClassicDeps } from './pipeline';
import { customerApi } from './pipeline';
import { metadataDocumentOperation, serviceDocumentOperation } from './service-operations';
import { listStorageAccountsOperation } from './storage-account-operations';

const CUSTOMER_BASE = '{sub}/services/importexport';

/** The classic Import/Export API's routes (docs/contract/import-export.md#a1). */
export function classicImportExportRoutes(deps: () => ClassicDeps): HttpRoute[] {
  const api = customerApi(deps);
  return [
    // Get Service Document: the base itself (#a11).
    httpRoute('service-document', CUSTOMER_BASE, api({ GET: serviceDocumentOperation })),
    // Get Metadata Document: the EDMX (#a11).
    httpRoute('metadata-document', `${CUSTOMER_BASE}/$metadata`, api({ GET: metadataDocumentOperation })),
    // List Locations (#a11) and Get Location, a location's edit link (#a1).
    httpRoute(
      'locations',
      `${CUSTOMER_BASE}/locations`,
      api({ GET: listLocationsOperation, HEAD: listLocationsOperation }),
    ),
    httpRoute(
      'location',
      `${CUSTOMER_BASE}/locations/{location}`,
      api({ GET: getLocationOperation, HEAD: getLocationOperation }),
    ),
    // List Storage Accounts (#a11).
    httpRoute(
      'storage-accounts',
      `${CUSTOMER_BASE}/storageaccounts`,
      api({ GET: listStorageAccountsOperation, HEAD: listStorageAccountsOperation }),
    ),
    // List Jobs of a storage account (#a10).
    httpRoute('jobs', `${CUSTOMER_BASE}/storageaccounts/{account}/jobs`, api({ GET: listJobsOperation })),
    // Put, Get, Update (PATCH or MERGE) and Delete Job (#a5-#a9); tunnelled verbs arrive as these.
    httpRoute(
      'job',
      `${CUSTOMER_BASE}/storageaccounts/{account}/jobs/{job}`,
      api({
        GET: getJobOperation,
        HEAD: getJobOperation,
        PUT: putJobOperation,
        PATCH: updateJobOperation,
        DELETE: deleteJobOperation,
      }),
    ),
    // Get Job through its `odata.editLink` (#a1).
    httpRoute(
      'job-by-edit-link',
      `${CUSTOMER_BASE}/jobs/{job}`,
      api({ GET: getJobOperation, HEAD: getJobOperation }),
    ),
  ];
}
