import { app } from '@azure/functions';
import { shipOperation } from '../shared/surfaces/operator/operator-job-operations';
import { operatorApi } from '../shared/edge/pipeline';
import { httpRoute } from '../shared/edge/routes';

/** Ship the drives back (SPEC B, Ship). */
export const operatorShipRoute = httpRoute(
  'operator-ship',
  'operator/subscriptions/{sub}/jobs/{job}/ship',
  operatorApi({ POST: shipOperation }),
);

app.http(operatorShipRoute.name, operatorShipRoute);
