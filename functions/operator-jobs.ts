import { app } from '@azure/functions';
import { attentionOperation } from '../shared/surfaces/operator/attention-operations';
import { operatorApi } from '../shared/edge/pipeline';
import { httpRoute } from '../shared/edge/routes';

/** The operators' worklist across subscriptions (SPEC B). */
export const operatorJobsRoute = httpRoute(
  'operator-jobs',
  'operator/jobs',
  operatorApi({ GET: attentionOperation }),
);

app.http(operatorJobsRoute.name, operatorJobsRoute);
