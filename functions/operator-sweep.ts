import { app } from '@azure/functions';
import { sweepOperation } from '../shared/surfaces/operator/sweep-operation';
import { operatorApi } from '../shared/edge/pipeline';
import { httpRoute } from '../shared/edge/routes';

/** Run the timers now, or as of a later instant (SPEC B, C.2). */
export const operatorSweepRoute = httpRoute(
  'operator-sweep',
  'operator/sweep',
  operatorApi({ POST: sweepOperation }),
);

app.http(operatorSweepRoute.name, operatorSweepRoute);
