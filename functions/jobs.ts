import { app } from '@azure/functions';
import { listJobsOperation } from '../shared/http/operations/job-list-operation';
import { customerApi } from '../shared/http/pipeline';
import { CUSTOMER_BASE, httpRoute } from '../shared/http/routes';

/** List Jobs of a storage account (SPEC A.10). */
export const jobsRoute = httpRoute(
  'jobs',
  `${CUSTOMER_BASE}/storageaccounts/{account}/jobs`,
  customerApi({ GET: listJobsOperation }),
);

app.http(jobsRoute.name, jobsRoute);
