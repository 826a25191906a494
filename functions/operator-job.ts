import { app } from '@azure/functions';
import { getOperatorJobOperation } from '../shared/http/operations/operator-job-operations';
import { operatorApi } from '../shared/http/pipeline';
import { httpRoute } from '../shared/http/routes';

/** A job as the datacenter sees it (SPEC B). */
export const operatorJobRoute = httpRoute(
  'operator-job',
  'operator/subscriptions/{sub}/jobs/{job}',
  operatorApi({ GET: getOperatorJobOperation }),
);

app.http(operatorJobRoute.name, operatorJobRoute);
