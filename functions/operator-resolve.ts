import { app } from '@azure/functions';
import { resolveOperation } from '../shared/surfaces/operator/operator-fault-operations';
import { operatorApi } from '../shared/edge/pipeline';
import { httpRoute } from '../shared/edge/routes';

/** Resolve a faulted job or drive (SPEC B, C.1). */
export const operatorResolveRoute = httpRoute(
  'operator-resolve',
  'operator/subscriptions/{sub}/jobs/{job}/resolve',
  operatorApi({ POST: resolveOperation }),
);

app.http(operatorResolveRoute.name, operatorResolveRoute);
