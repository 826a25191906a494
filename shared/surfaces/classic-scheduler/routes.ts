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
import { schedulerApi, schedulerNotFound, type SchedulerSurfaceDeps } from './pipeline';

const COLLECTIONS = '{sub}/cloudservices/{cs}/resources/scheduler';

/** The classic Scheduler's route table (docs/classic-scheduler.md#a1), on the runtime app/ passes in. */
export function classicSchedulerRoutes(deps: () => SchedulerSurfaceDeps): HttpRoute[] {
  const api = schedulerApi(deps);
  /** `…/scheduler/~/JobCollections` and `…/scheduler/JobCollections` are one route (docs/classic-scheduler.md#a1). */
  const both = (name: string, tail: string, handler: ReturnType<typeof api>): HttpRoute[] => [
    httpRoute(`scheduler-${name}`, `${COLLECTIONS}/JobCollections${tail}`, handler),
    httpRoute(`scheduler-${name}-tilde`, `${COLLECTIONS}/~/JobCollections${tail}`, handler),
  ];
  return [
    httpRoute('scheduler-registration', '{sub}/services', api({ PUT: registrationOp })),
    httpRoute(
      'scheduler-provider-properties',
      '{sub}/resourceproviders/scheduler/Properties',
      api({ GET: providerPropertiesOp }),
    ),
    httpRoute('scheduler-entitle-resource', '{sub}/EntitleResource', api({ POST: entitleResourceOp })),
    httpRoute('scheduler-cloud-services', '{sub}/CloudServices', api({ GET: listCloudServicesOp })),
    httpRoute(
      'scheduler-cloud-service',
      '{sub}/CloudServices/{cs}',
      api({ PUT: createCloudServiceOp, GET: getCloudServiceOp, DELETE: deleteCloudServiceOp }),
    ),
    httpRoute('scheduler-operation', '{sub}/operations/{id}', api({ GET: operationStatusOp })),
    ...both('check-name', '', api({ GET: checkNameOp })),
    ...both(
      'collection',
      '/{jc}',
      api({ PUT: putCollectionOp, GET: getCollectionOp, DELETE: deleteCollectionOp }),
    ),
    ...both('jobs', '/{jc}/jobs', api({ POST: createJobOp, GET: listJobsOp, PATCH: patchAllJobsOp })),
    ...both(
      'job',
      '/{jc}/jobs/{job}',
      api({ PUT: putJobOp, GET: getJobOp, PATCH: patchJobOp, DELETE: deleteJobOp }),
    ),
    ...both('job-history', '/{jc}/jobs/{job}/history', api({ GET: jobHistoryOp })),
    // Unknown paths under a cloud service's resources: the Scheduler's XML 404.
    httpRoute('scheduler-not-found', `${COLLECTIONS}/{*rest}`, schedulerNotFound),
  ];
}
