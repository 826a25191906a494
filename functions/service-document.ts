import { app } from '@azure/functions';
import { serviceDocumentOperation } from '../shared/http/operations/service-operations';
import { customerApi } from '../shared/http/pipeline';
import { CUSTOMER_BASE, httpRoute } from '../shared/http/routes';

/** Get Service Document: the base itself (SPEC A.11). */
export const serviceDocumentRoute = httpRoute(
  'service-document',
  CUSTOMER_BASE,
  customerApi({ GET: serviceDocumentOperation }),
);

app.http(serviceDocumentRoute.name, serviceDocumentRoute);
