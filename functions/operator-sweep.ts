import { app } from '@azure/functions';
import { sweepOperation } from '../shared/http/operations/sweep-operation';
import { operatorApi } from '../shared/http/pipeline';
import { httpRoute } from '../shared/http/routes';

/** Run the timers now, or as of a later instant (SPEC B, C.2). */
export const operatorSweepRoute = httpRoute(
  'operator-sweep',
  'operator/sweep',
  operatorApi({ POST: sweepOperation }),
);

app.http(operatorSweepRoute.name, operatorSweepRoute);
