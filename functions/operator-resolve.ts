import { app } from '@azure/functions';
import { resolveOperation } from '../shared/http/operations/operator-fault-operations';
import { operatorApi } from '../shared/http/pipeline';
import { httpRoute } from '../shared/http/routes';

/** Resolve a faulted job or drive (SPEC B, C.1). */
export const operatorResolveRoute = httpRoute(
  'operator-resolve',
  'operator/subscriptions/{sub}/jobs/{job}/resolve',
  operatorApi({ POST: resolveOperation }),
);

app.http(operatorResolveRoute.name, operatorResolveRoute);
