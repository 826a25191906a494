import { app } from '@azure/functions';
import { listLocationsOperation } from '../shared/surfaces/classic-import-export/location-operations';
import { customerApi } from '../shared/edge/pipeline';
import { CUSTOMER_BASE, httpRoute } from '../shared/edge/routes';

/** List Locations (SPEC A.11). */
export const locationsRoute = httpRoute(
  'locations',
  `${CUSTOMER_BASE}/locations`,
  customerApi({ GET: listLocationsOperation, HEAD: listLocationsOperation }),
);

app.http(locationsRoute.name, locationsRoute);
