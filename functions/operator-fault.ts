import { app } from '@azure/functions';
import { faultOperation } from '../shared/http/operations/operator-fault-operations';
import { operatorApi } from '../shared/http/pipeline';
import { httpRoute } from '../shared/http/routes';

/** Fault a job or a drive (SPEC B, C.1). */
export const operatorFaultRoute = httpRoute(
  'operator-fault',
  'operator/subscriptions/{sub}/jobs/{job}/fault',
  operatorApi({ POST: faultOperation }),
);

app.http(operatorFaultRoute.name, operatorFaultRoute);
