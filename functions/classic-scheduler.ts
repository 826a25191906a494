import { app } from '@azure/functions';
import { schedulerRoutes } from '../shared/surfaces/classic-scheduler/routes';

/** The classic Scheduler surface (docs/classic-scheduler.md): its route table, registered as is. */
export const classicSchedulerRoutes = schedulerRoutes;

for (const route of schedulerRoutes) app.http(route.name, route);
