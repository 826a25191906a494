import { app } from '@azure/functions';
import { progressOperation } from '../shared/http/operations/operator-job-operations';
import { operatorApi } from '../shared/http/pipeline';
import { httpRoute } from '../shared/http/routes';

/** Report a drive's progress (SPEC B). */
export const operatorDriveProgressRoute = httpRoute(
  'operator-drive-progress',
  'operator/subscriptions/{sub}/jobs/{job}/drives/{driveId}/progress',
  operatorApi({ POST: progressOperation }),
);

app.http(operatorDriveProgressRoute.name, operatorDriveProgressRoute);
