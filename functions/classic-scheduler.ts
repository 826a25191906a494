import { app } from '@azure/functions';
import { ROUTE_TABLES } from '../shared/app/routes';

/** The classic Azure Scheduler (docs/classic-scheduler.md). */
for (const route of ROUTE_TABLES['classic-scheduler']) app.http(route.name, route);
