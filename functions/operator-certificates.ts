import { app } from '@azure/functions';
import { listCertificatesOperation } from '../shared/http/operations/certificate-operations';
import { operatorApi } from '../shared/http/pipeline';
import { httpRoute } from '../shared/http/routes';

/** List a subscription's management certificates (SPEC B). */
export const operatorCertificatesRoute = httpRoute(
  'operator-certificates',
  'operator/subscriptions/{sub}/certificates',
  operatorApi({ GET: listCertificatesOperation }),
);

app.http(operatorCertificatesRoute.name, operatorCertificatesRoute);
