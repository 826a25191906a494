import { app } from '@azure/functions';
import { getLocationOperation } from '../shared/surfaces/classic-import-export/location-operations';
import { customerApi } from '../shared/edge/pipeline';
import { CUSTOMER_BASE, httpRoute } from '../shared/edge/routes';

/** Get Location: a location's edit link (SPEC A.1). */
export const locationRoute = httpRoute(
  'location',
  `${CUSTOMER_BASE}/locations/{location}`,
  customerApi({ GET: getLocationOperation, HEAD: getLocationOperation }),
);

app.http(locationRoute.name, locationRoute);
