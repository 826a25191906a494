import { app } from '@azure/functions';
import { receiveOperation } from '../shared/surfaces/operator/operator-job-operations';
import { operatorApi } from '../shared/edge/pipeline';
import { httpRoute } from '../shared/edge/routes';

/** Receive a job's package (SPEC B, Receive). */
export const operatorReceiveRoute = httpRoute(
  'operator-receive',
  'operator/subscriptions/{sub}/jobs/{job}/receive',
  operatorApi({ POST: receiveOperation }),
);

app.http(operatorReceiveRoute.name, operatorReceiveRoute);
