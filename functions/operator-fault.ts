import { app } from '@azure/functions';
import { faultOperation } from '../shared/surfaces/operator/operator-fault-operations';
import { operatorApi } from '../shared/edge/pipeline';
import { httpRoute } from '../shared/edge/routes';

/** Fault a job or a drive (SPEC B, C.1). */
export const operatorFaultRoute = httpRoute(
  'operator-fault',
  'operator/subscriptions/{sub}/jobs/{job}/fault',
  operatorApi({ POST: faultOperation }),
);

app.http(operatorFaultRoute.name, operatorFaultRoute);
