import { app } from '@azure/functions';
import {
  registerCertificateOperation,
  removeCertificateOperation,
} from '../shared/http/operations/certificate-operations';
import { operatorApi } from '../shared/http/pipeline';
import { httpRoute } from '../shared/http/routes';

/** Register or remove a management certificate (SPEC B). */
export const operatorCertificateRoute = httpRoute(
  'operator-certificate',
  'operator/subscriptions/{sub}/certificates/{thumbprint}',
  operatorApi({ PUT: registerCertificateOperation, DELETE: removeCertificateOperation }),
);

app.http(operatorCertificateRoute.name, operatorCertificateRoute);
