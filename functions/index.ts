/**
 * The Functions entry point (package.json "main") and the route table: every HTTP function,
 * which the local development host serves exactly as registered here, and which the OpenAPI
 * document describes (shared/openapi). Timer functions register themselves on import; they are
 * not routes.
 */
import type { HttpRoute } from '../shared/edge/routes';
import './sweep-timer';
import { jobRoute } from './job';
import { jobByEditLinkRoute } from './job-by-edit-link';
import { jobsRoute } from './jobs';
import { locationRoute } from './location';
import { locationsRoute } from './locations';
import { metadataDocumentRoute } from './metadata-document';
import { notFoundRoute } from './not-found';
import { openApiRoute } from './openapi';
import { operatorJobsRoute } from './operator-jobs';
import { operatorJobRoute } from './operator-job';
import { operatorReceiveRoute } from './operator-receive';
import { operatorDriveStartRoute } from './operator-drive-start';
import { operatorDriveProgressRoute } from './operator-drive-progress';
import { operatorDriveCompleteRoute } from './operator-drive-complete';
import { operatorDriveBlobsRoute } from './operator-drive-blobs';
import { operatorShipRoute } from './operator-ship';
import { operatorFaultRoute } from './operator-fault';
import { operatorResolveRoute } from './operator-resolve';
import { operatorAdvanceRoute } from './operator-advance';
import { operatorCertificateRoute } from './operator-certificate';
import { operatorCertificatesRoute } from './operator-certificates';
import { operatorSweepRoute } from './operator-sweep';
import { serviceDocumentRoute } from './service-document';
import { storageAccountsRoute } from './storage-accounts';

export const routes: readonly HttpRoute[] = [
  serviceDocumentRoute,
  metadataDocumentRoute,
  locationsRoute,
  locationRoute,
  storageAccountsRoute,
  jobsRoute,
  jobRoute,
  jobByEditLinkRoute,
  operatorCertificatesRoute,
  operatorCertificateRoute,
  operatorJobsRoute,
  operatorJobRoute,
  operatorReceiveRoute,
  operatorDriveStartRoute,
  operatorDriveProgressRoute,
  operatorDriveCompleteRoute,
  operatorDriveBlobsRoute,
  operatorShipRoute,
  operatorFaultRoute,
  operatorResolveRoute,
  operatorAdvanceRoute,
  operatorSweepRoute,
  openApiRoute,
  notFoundRoute,
];
