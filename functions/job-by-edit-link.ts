import { app } from '@azure/functions';
import { getJobOperation } from '../shared/surfaces/classic-import-export/job-operations';
import { customerApi } from '../shared/edge/pipeline';
import { CUSTOMER_BASE, httpRoute } from '../shared/edge/routes';

/** Get Job through its `odata.editLink` (SPEC A.1). */
export const jobByEditLinkRoute = httpRoute(
  'job-by-edit-link',
  `${CUSTOMER_BASE}/jobs/{job}`,
  customerApi({ GET: getJobOperation, HEAD: getJobOperation }),
);

app.http(jobByEditLinkRoute.name, jobByEditLinkRoute);
