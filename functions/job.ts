import { app } from '@azure/functions';
import { deleteJobOperation, updateJobOperation } from '../shared/surfaces/classic-import-export/job-change-operations';
import { getJobOperation, putJobOperation } from '../shared/surfaces/classic-import-export/job-operations';
import { customerApi } from '../shared/edge/pipeline';
import { CUSTOMER_BASE, httpRoute } from '../shared/edge/routes';

/** Put, Get, Update (PATCH or MERGE) and Delete Job (SPEC A.5-A.9); tunnelled verbs arrive as these. */
export const jobRoute = httpRoute(
  'job',
  `${CUSTOMER_BASE}/storageaccounts/{account}/jobs/{job}`,
  customerApi({
    GET: getJobOperation,
    HEAD: getJobOperation,
    PUT: putJobOperation,
    PATCH: updateJobOperation,
    DELETE: deleteJobOperation,
  }),
);

app.http(jobRoute.name, jobRoute);
