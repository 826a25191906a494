import { app } from '@azure/functions';
import { ROUTE_TABLES } from '../shared/app/routes';

/** GET /openapi.json, public. */
for (const route of ROUTE_TABLES.openapi) app.http(route.name, route);
