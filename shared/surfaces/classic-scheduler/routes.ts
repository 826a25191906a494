import type { HttpRoute } from '../../edge/routes';
import { httpRoute } from '../../edge/routes';
import {
  createJobOp,
  deleteJobOp,
  getJobOp,
  jobHistoryOp,
  listJobsOp,
  patchAllJobsOp,
  patchJobOp,
  putJobOp,
} from './job-operations';
import {
  checkNameOp,
  createCloudServiceOp,
  deleteCloudServiceOp,
  deleteCollectionOp,
  entitleResourceOp,
  getCloudServiceOp,
  getCollectionOp,
  listCloudServicesOp,
  operationStatusOp,
  providerPropertiesOp,
  putCollectionOp,
  registrationOp,
} from './management-operations';
import { schedulerApi, schedulerNotFound } from './pipeline';

const COLLECTIONS = '{sub}/cloudservices/{cs}/resources/scheduler';

/** `…/scheduler/~/JobCollections` and `…/scheduler/JobCollections` are one route (docs/classic-scheduler.md#a1). */
const both = (name: string, tail: string, handler: ReturnType<typeof schedulerApi>): HttpRoute[] => [
  httpRoute(`scheduler-${name}`, `${COLLECTIONS}/JobCollections${tail}`, handler),
  httpRoute(`scheduler-${name}-tilde`, `${COLLECTIONS}/~/JobCollections${tail}`, handler),
];

/** The classic Scheduler's route table (docs/classic-scheduler.md#a1). */
export const schedulerRoutes: readonly HttpRoute[] = [
  httpRoute('scheduler-registration', '{sub}/services', schedulerApi({ PUT: registrationOp })),
  httpRoute(
    'scheduler-provider-properties',
    '{sub}/resourceproviders/scheduler/Properties',
    schedulerApi({ GET: providerPropertiesOp }),
  ),
  httpRoute('scheduler-entitle-resource', '{sub}/EntitleResource', schedulerApi({ POST: entitleResourceOp })),
  httpRoute('scheduler-cloud-services', '{sub}/CloudServices', schedulerApi({ GET: listCloudServicesOp })),
  httpRoute(
    'scheduler-cloud-service',
    '{sub}/CloudServices/{cs}',
    schedulerApi({ PUT: createCloudServiceOp, GET: getCloudServiceOp, DELETE: deleteCloudServiceOp }),
  ),
  httpRoute('scheduler-operation', '{sub}/operations/{id}', schedulerApi({ GET: operationStatusOp })),
  ...both('check-name', '', schedulerApi({ GET: checkNameOp })),
  ...both(
    'collection',
    '/{jc}',
    schedulerApi({ PUT: putCollectionOp, GET: getCollectionOp, DELETE: deleteCollectionOp }),
  ),
  ...both('jobs', '/{jc}/jobs', schedulerApi({ POST: createJobOp, GET: listJobsOp, PATCH: patchAllJobsOp })),
  ...both(
    'job',
    '/{jc}/jobs/{job}',
    schedulerApi({ PUT: putJobOp, GET: getJobOp, PATCH: patchJobOp, DELETE: deleteJobOp }),
  ),
  ...both('job-history', '/{jc}/jobs/{job}/history', schedulerApi({ GET: jobHistoryOp })),
  httpRoute('scheduler-not-found', `${COLLECTIONS}/{*rest}`, schedulerNotFound),
];
