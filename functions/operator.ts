import { app } from '@azure/functions';
import { ROUTE_TABLES } from '../shared/app/routes';

/** The operator API (docs/contract/import-export.md#b). */
for (const route of ROUTE_TABLES.operator) app.http(route.name, route);
