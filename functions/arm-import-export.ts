import { app } from '@azure/functions';
import { ROUTE_TABLES } from '../shared/app/routes';

/** Resource Manager's Microsoft.ImportExport (docs/arm-import-export.md). */
for (const route of ROUTE_TABLES['arm-import-export']) app.http(route.name, route);
