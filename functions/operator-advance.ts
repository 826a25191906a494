import { app } from '@azure/functions';
import { advanceOperation } from '../shared/surfaces/operator/operator-fault-operations';
import { operatorApi } from '../shared/edge/pipeline';
import { httpRoute } from '../shared/edge/routes';

/** The sandbox: move a job one natural step on (SPEC B). */
export const operatorAdvanceRoute = httpRoute(
  'operator-advance',
  'operator/subscriptions/{sub}/jobs/{job}/advance',
  operatorApi({ POST: advanceOperation }),
);

app.http(operatorAdvanceRoute.name, operatorAdvanceRoute);
