import { app } from '@azure/functions';
import { advanceOperation } from '../shared/http/operations/operator-fault-operations';
import { operatorApi } from '../shared/http/pipeline';
import { httpRoute } from '../shared/http/routes';

/** The sandbox: move a job one natural step on (SPEC B). */
export const operatorAdvanceRoute = httpRoute(
  'operator-advance',
  'operator/subscriptions/{sub}/jobs/{job}/advance',
  operatorApi({ POST: advanceOperation }),
);

app.http(operatorAdvanceRoute.name, operatorAdvanceRoute);
