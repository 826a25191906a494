import { app } from '@azure/functions';
import { metadataDocumentOperation } from '../shared/http/operations/service-operations';
import { customerApi } from '../shared/http/pipeline';
import { CUSTOMER_BASE, httpRoute } from '../shared/http/routes';

/** Get Metadata Document: the EDMX (SPEC A.11). */
export const metadataDocumentRoute = httpRoute(
  'metadata-document',
  `${CUSTOMER_BASE}/$metadata`,
  customerApi({ GET: metadataDocumentOperation }),
);

app.http(metadataDocumentRoute.name, metadataDocumentRoute);
