import { app } from '@azure/functions';
import { getJobOperation, putJobOperation } from '../shared/http/operations/job-operations';
import { customerApi } from '../shared/http/pipeline';
import { CUSTOMER_BASE, httpRoute } from '../shared/http/routes';

/** Put Job and Get Job (SPEC A.5, A.6). */
export const jobRoute = httpRoute(
  'job',
  `${CUSTOMER_BASE}/storageaccounts/{account}/jobs/{job}`,
  customerApi({ GET: getJobOperation, HEAD: getJobOperation, PUT: putJobOperation }),
);

app.http(jobRoute.name, jobRoute);
