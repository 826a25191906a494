import type { HttpRoute } from '../../edge/routes';
import { httpRoute } from '../../edge/routes';
import {
  getLocationOperation,
  listLocationsOperation,
  listOperationsOperation,
} from './arm-catalog-operations';
import {
  deleteJobOperation,
  getJobOperation,
  listBitLockerKeysOperation,
  patchJobOperation,
  putJobOperation,
} from './arm-job-operations';
import { listByResourceGroupOperation, listBySubscriptionOperation } from './arm-list-operations';
import type { ArmDeps } from './pipeline';
import { armApi, armNotFound } from './pipeline';

const PROVIDER = 'providers/Microsoft.ImportExport';
const JOBS = `subscriptions/{sub}/resourceGroups/{rg}/${PROVIDER}/jobs`;

/**
 * Resource Manager's Microsoft.ImportExport (docs/arm-import-export.md#b1), over the same jobs.
 * Route names start with `arm-`: Microsoft's published REST spec describes them, not our OpenAPI.
 */
export function armImportExportRoutes(deps: () => ArmDeps): HttpRoute[] {
  const api = armApi(deps);
  return [
    httpRoute('arm-locations', `${PROVIDER}/locations`, api({ GET: listLocationsOperation })),
    httpRoute('arm-location', `${PROVIDER}/locations/{location}`, api({ GET: getLocationOperation })),
    httpRoute('arm-operations', `${PROVIDER}/operations`, api({ GET: listOperationsOperation })),
    httpRoute(
      'arm-jobs-subscription',
      `subscriptions/{sub}/${PROVIDER}/jobs`,
      api({ GET: listBySubscriptionOperation }),
    ),
    httpRoute('arm-jobs-group', JOBS, api({ GET: listByResourceGroupOperation })),
    httpRoute(
      'arm-job',
      `${JOBS}/{job}`,
      api({
        GET: getJobOperation,
        PUT: putJobOperation,
        PATCH: patchJobOperation,
        DELETE: deleteJobOperation,
      }),
    ),
    httpRoute('arm-job-keys', `${JOBS}/{job}/listBitLockerKeys`, api({ POST: listBitLockerKeysOperation })),
    httpRoute('arm-not-found-subscriptions', 'subscriptions/{*rest}', armNotFound(deps)),
    httpRoute('arm-not-found-providers', 'providers/{*rest}', armNotFound(deps)),
  ];
}
