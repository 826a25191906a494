import { app } from '@azure/functions';
import { listCertificatesOperation } from '../shared/surfaces/operator/certificate-operations';
import { operatorApi } from '../shared/edge/pipeline';
import { httpRoute } from '../shared/edge/routes';

/** List a subscription's management certificates (SPEC B). */
export const operatorCertificatesRoute = httpRoute(
  'operator-certificates',
  'operator/subscriptions/{sub}/certificates',
  operatorApi({ GET: listCertificatesOperation }),
);

app.http(operatorCertificatesRoute.name, operatorCertificatesRoute);
