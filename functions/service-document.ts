import { app } from '@azure/functions';
import { serviceDocumentOperation } from '../shared/surfaces/classic-import-export/service-operations';
import { customerApi } from '../shared/edge/pipeline';
import { CUSTOMER_BASE, httpRoute } from '../shared/edge/routes';

/** Get Service Document: the base itself (SPEC A.11). */
export const serviceDocumentRoute = httpRoute(
  'service-document',
  CUSTOMER_BASE,
  customerApi({ GET: serviceDocumentOperation }),
);

app.http(serviceDocumentRoute.name, serviceDocumentRoute);
