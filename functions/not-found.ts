import { app } from '@azure/functions';
import { ROUTE_TABLES } from '../shared/app/routes';

/** Every path no other function serves: the contract's OData 404. */
for (const route of ROUTE_TABLES['not-found']) app.http(route.name, route);
