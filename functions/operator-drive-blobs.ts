import { app } from '@azure/functions';
import { plannedBlobsOperation } from '../shared/http/operations/operator-job-operations';
import { operatorApi } from '../shared/http/pipeline';
import { httpRoute } from '../shared/http/routes';

/** The blobs export planning put on a drive (SPEC B, Receive). */
export const operatorDriveBlobsRoute = httpRoute(
  'operator-drive-blobs',
  'operator/subscriptions/{sub}/jobs/{job}/drives/{driveId}/blobs',
  operatorApi({ GET: plannedBlobsOperation }),
);

app.http(operatorDriveBlobsRoute.name, operatorDriveBlobsRoute);
