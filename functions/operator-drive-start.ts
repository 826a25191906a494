import { app } from '@azure/functions';
import { startOperation } from '../shared/http/operations/operator-job-operations';
import { operatorApi } from '../shared/http/pipeline';
import { httpRoute } from '../shared/http/routes';

/** Start a drive's copy (SPEC B, Start). */
export const operatorDriveStartRoute = httpRoute(
  'operator-drive-start',
  'operator/subscriptions/{sub}/jobs/{job}/drives/{driveId}/start',
  operatorApi({ POST: startOperation }),
);

app.http(operatorDriveStartRoute.name, operatorDriveStartRoute);
