import type { HttpRoute } from '../../edge/routes';
import { httpRoute } from '../../edge/routes';
import { attentionOperation } from './attention-operations';
import {
  listCertificatesOperation,
  registerCertificateOperation,
  removeCertificateOperation,
} from './certificate-operations';
import { advanceOperation, faultOperation, resolveOperation } from './operator-fault-operations';
import {
  completeOperation,
  getOperatorJobOperation,
  plannedBlobsOperation,
  progressOperation,
  receiveOperation,
  shipOperation,
  startOperation,
} from './operator-job-operations';
import type { OperatorDeps } from './pipeline';
import { operatorApi } from './pipeline';
import { sweepOperation } from './sweep-operation';

const JOB = 'operator/subscriptions/{sub}/jobs/{job}';
const DRIVE = `${JOB}/drives/{driveId}`;

/** The operator API's routes (docs/contract/import-export.md#b). */
export function operatorRoutes(deps: () => OperatorDeps): HttpRoute[] {
  const api = operatorApi(deps);
  return [
    // A subscription's management certificates: list, register, remove (#b, #d1).
    httpRoute(
      'operator-certificates',
      'operator/subscriptions/{sub}/certificates',
      api({ GET: listCertificatesOperation }),
    ),
    httpRoute(
      'operator-certificate',
      'operator/subscriptions/{sub}/certificates/{thumbprint}',
      api({ PUT: registerCertificateOperation, DELETE: removeCertificateOperation }),
    ),
    // The operators' worklist across subscriptions, and one job as the datacenter sees it.
    httpRoute('operator-jobs', 'operator/jobs', api({ GET: attentionOperation })),
    httpRoute('operator-job', JOB, api({ GET: getOperatorJobOperation })),
    // A job's life at the datacenter (#b1): receive, each drive's copy, ship, fault and resolve.
    httpRoute('operator-receive', `${JOB}/receive`, api({ POST: receiveOperation })),
    httpRoute('operator-drive-start', `${DRIVE}/start`, api({ POST: startOperation })),
    httpRoute('operator-drive-progress', `${DRIVE}/progress`, api({ POST: progressOperation })),
    httpRoute('operator-drive-complete', `${DRIVE}/complete`, api({ POST: completeOperation })),
    httpRoute('operator-drive-blobs', `${DRIVE}/blobs`, api({ GET: plannedBlobsOperation })),
    httpRoute('operator-ship', `${JOB}/ship`, api({ POST: shipOperation })),
    httpRoute('operator-fault', `${JOB}/fault`, api({ POST: faultOperation })),
    httpRoute('operator-resolve', `${JOB}/resolve`, api({ POST: resolveOperation })),
    // The sandbox: move a job one natural step on.
    httpRoute('operator-advance', `${JOB}/advance`, api({ POST: advanceOperation })),
    // Run the timers now, or as of a later instant (#c2).
    httpRoute('operator-sweep', 'operator/sweep', api({ POST: sweepOperation })),
  ];
}
