import { app } from '@azure/functions';
import type { HttpRoute } from '../shared/edge/routes';
import { httpRoute } from '../shared/edge/routes';
import {
  getLocationOperation,
  listLocationsOperation,
  listOperationsOperation,
} from '../shared/surfaces/arm-import-export/arm-catalog-operations';
import {
  deleteJobOperation,
  getJobOperation,
  listBitLockerKeysOperation,
  patchJobOperation,
  putJobOperation,
} from '../shared/surfaces/arm-import-export/arm-job-operations';
import {
  listByResourceGroupOperation,
  listBySubscriptionOperation,
} from '../shared/surfaces/arm-import-export/arm-list-operations';
import { armApi, armNotFound } from '../shared/surfaces/arm-import-export/arm-pipeline';

const PROVIDER = 'providers/Microsoft.ImportExport';
const JOBS = `subscriptions/{sub}/resourceGroups/{rg}/${PROVIDER}/jobs`;

/** Resource Manager's Microsoft.ImportExport (docs/arm-import-export.md#b1), over the same jobs. */
export const armRoutes: readonly HttpRoute[] = [
  httpRoute('arm-locations', `${PROVIDER}/locations`, armApi({ GET: listLocationsOperation })),
  httpRoute('arm-location', `${PROVIDER}/locations/{location}`, armApi({ GET: getLocationOperation })),
  httpRoute('arm-operations', `${PROVIDER}/operations`, armApi({ GET: listOperationsOperation })),
  httpRoute(
    'arm-jobs-subscription',
    `subscriptions/{sub}/${PROVIDER}/jobs`,
    armApi({ GET: listBySubscriptionOperation }),
  ),
  httpRoute('arm-jobs-group', JOBS, armApi({ GET: listByResourceGroupOperation })),
  httpRoute(
    'arm-job',
    `${JOBS}/{job}`,
    armApi({
      GET: getJobOperation,
      PUT: putJobOperation,
      PATCH: patchJobOperation,
      DELETE: deleteJobOperation,
    }),
  ),
  httpRoute('arm-job-keys', `${JOBS}/{job}/listBitLockerKeys`, armApi({ POST: listBitLockerKeysOperation })),
  httpRoute('arm-not-found-subscriptions', 'subscriptions/{*rest}', armNotFound),
  httpRoute('arm-not-found-providers', 'providers/{*rest}', armNotFound),
];

for (const route of armRoutes) app.http(route.name, route);
