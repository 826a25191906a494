import { app } from '@azure/functions';
import { completeOperation } from '../shared/http/operations/operator-job-operations';
import { operatorApi } from '../shared/http/pipeline';
import { httpRoute } from '../shared/http/routes';

/** Finish a drive's copy (SPEC B, Complete). */
export const operatorDriveCompleteRoute = httpRoute(
  'operator-drive-complete',
  'operator/subscriptions/{sub}/jobs/{job}/drives/{driveId}/complete',
  operatorApi({ POST: completeOperation }),
);

app.http(operatorDriveCompleteRoute.name, operatorDriveCompleteRoute);
