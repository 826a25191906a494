import { app } from '@azure/functions';
import { listJobsOperation } from '../shared/surfaces/classic-import-export/job-list-operation';
import { customerApi } from '../shared/edge/pipeline';
import { CUSTOMER_BASE, httpRoute } from '../shared/edge/routes';

/** List Jobs of a storage account (SPEC A.10). */
export const jobsRoute = httpRoute(
  'jobs',
  `${CUSTOMER_BASE}/storageaccounts/{account}/jobs`,
  customerApi({ GET: listJobsOperation }),
);

app.http(jobsRoute.name, jobsRoute);
