import { app } from '@azure/functions';
import { shipOperation } from '../shared/http/operations/operator-job-operations';
import { operatorApi } from '../shared/http/pipeline';
import { httpRoute } from '../shared/http/routes';

/** Ship the drives back (SPEC B, Ship). */
export const operatorShipRoute = httpRoute(
  'operator-ship',
  'operator/subscriptions/{sub}/jobs/{job}/ship',
  operatorApi({ POST: shipOperation }),
);

app.http(operatorShipRoute.name, operatorShipRoute);
