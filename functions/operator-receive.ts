import { app } from '@azure/functions';
import { receiveOperation } from '../shared/http/operations/operator-job-operations';
import { operatorApi } from '../shared/http/pipeline';
import { httpRoute } from '../shared/http/routes';

/** Receive a job's package (SPEC B, Receive). */
export const operatorReceiveRoute = httpRoute(
  'operator-receive',
  'operator/subscriptions/{sub}/jobs/{job}/receive',
  operatorApi({ POST: receiveOperation }),
);

app.http(operatorReceiveRoute.name, operatorReceiveRoute);
