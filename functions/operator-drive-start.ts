import { app } from '@azure/functions';
import { startOperation } from '../shared/surfaces/operator/operator-job-operations';
import { operatorApi } from '../shared/edge/pipeline';
import { httpRoute } from '../shared/edge/routes';

/** Start a drive's copy (SPEC B, Start). */
export const operatorDriveStartRoute = httpRoute(
  'operator-drive-start',
  'operator/subscriptions/{sub}/jobs/{job}/drives/{driveId}/start',
  operatorApi({ POST: startOperation }),
);

app.http(operatorDriveStartRoute.name, operatorDriveStartRoute);
