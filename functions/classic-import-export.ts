import { app } from '@azure/functions';
import { ROUTE_TABLES } from '../shared/app/routes';

/** The classic Import/Export API (docs/contract/import-export.md#a1). */
for (const route of ROUTE_TABLES['classic-import-export']) app.http(route.name, route);
