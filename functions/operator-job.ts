import { app } from '@azure/functions';
import { getOperatorJobOperation } from '../shared/surfaces/operator/operator-job-operations';
import { operatorApi } from '../shared/edge/pipeline';
import { httpRoute } from '../shared/edge/routes';

/** A job as the datacenter sees it (SPEC B). */
export const operatorJobRoute = httpRoute(
  'operator-job',
  'operator/subscriptions/{sub}/jobs/{job}',
  operatorApi({ GET: getOperatorJobOperation }),
);

app.http(operatorJobRoute.name, operatorJobRoute);
