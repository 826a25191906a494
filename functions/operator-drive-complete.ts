import { app } from '@azure/functions';
import { completeOperation } from '../shared/surfaces/operator/operator-job-operations';
import { operatorApi } from '../shared/edge/pipeline';
import { httpRoute } from '../shared/edge/routes';

/** Finish a drive's copy (SPEC B, Complete). */
export const operatorDriveCompleteRoute = httpRoute(
  'operator-drive-complete',
  'operator/subscriptions/{sub}/jobs/{job}/drives/{driveId}/complete',
  operatorApi({ POST: completeOperation }),
);

app.http(operatorDriveCompleteRoute.name, operatorDriveCompleteRoute);
