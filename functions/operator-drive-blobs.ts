import { app } from '@azure/functions';
import { plannedBlobsOperation } from '../shared/surfaces/operator/operator-job-operations';
import { operatorApi } from '../shared/edge/pipeline';
import { httpRoute } from '../shared/edge/routes';

/** The blobs export planning put on a drive (SPEC B, Receive). */
export const operatorDriveBlobsRoute = httpRoute(
  'operator-drive-blobs',
  'operator/subscriptions/{sub}/jobs/{job}/drives/{driveId}/blobs',
  operatorApi({ GET: plannedBlobsOperation }),
);

app.http(operatorDriveBlobsRoute.name, operatorDriveBlobsRoute);
