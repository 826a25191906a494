import { app } from '@azure/functions';
import {
  registerCertificateOperation,
  removeCertificateOperation,
} from '../shared/surfaces/operator/certificate-operations';
import { operatorApi } from '../shared/edge/pipeline';
import { httpRoute } from '../shared/edge/routes';

/** Register or remove a management certificate (SPEC B). */
export const operatorCertificateRoute = httpRoute(
  'operator-certificate',
  'operator/subscriptions/{sub}/certificates/{thumbprint}',
  operatorApi({ PUT: registerCertificateOperation, DELETE: removeCertificateOperation }),
);

app.http(operatorCertificateRoute.name, operatorCertificateRoute);
