import { app } from '@azure/functions';
import { metadataDocumentOperation } from '../shared/surfaces/classic-import-export/service-operations';
import { customerApi } from '../shared/edge/pipeline';
import { CUSTOMER_BASE, httpRoute } from '../shared/edge/routes';

/** Get Metadata Document: the EDMX (SPEC A.11). */
export const metadataDocumentRoute = httpRoute(
  'metadata-document',
  `${CUSTOMER_BASE}/$metadata`,
  customerApi({ GET: metadataDocumentOperation }),
);

app.http(metadataDocumentRoute.name, metadataDocumentRoute);
