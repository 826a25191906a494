import { app } from '@azure/functions';
import { listLocationsOperation } from '../shared/http/operations/location-operations';
import { customerApi } from '../shared/http/pipeline';
import { CUSTOMER_BASE, httpRoute } from '../shared/http/routes';

/** List Locations (SPEC A.11). */
export const locationsRoute = httpRoute(
  'locations',
  `${CUSTOMER_BASE}/locations`,
  customerApi({ GET: listLocationsOperation, HEAD: listLocationsOperation }),
);

app.http(locationsRoute.name, locationsRoute);
