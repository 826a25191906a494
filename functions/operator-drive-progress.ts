import { app } from '@azure/functions';
import { progressOperation } from '../shared/surfaces/operator/operator-job-operations';
import { operatorApi } from '../shared/edge/pipeline';
import { httpRoute } from '../shared/edge/routes';

/** Report a drive's progress (SPEC B). */
export const operatorDriveProgressRoute = httpRoute(
  'operator-drive-progress',
  'operator/subscriptions/{sub}/jobs/{job}/drives/{driveId}/progress',
  operatorApi({ POST: progressOperation }),
);

app.http(operatorDriveProgressRoute.name, operatorDriveProgressRoute);
