import { app } from '@azure/functions';
import { attentionOperation } from '../shared/http/operations/attention-operations';
import { operatorApi } from '../shared/http/pipeline';
import { httpRoute } from '../shared/http/routes';

/** The operators' worklist across subscriptions (SPEC B). */
export const operatorJobsRoute = httpRoute(
  'operator-jobs',
  'operator/jobs',
  operatorApi({ GET: attentionOperation }),
);

app.http(operatorJobsRoute.name, operatorJobsRoute);
