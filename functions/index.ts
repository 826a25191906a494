/**
 * The Functions entry point (package.json "main"): one module per surface registers that
 * surface's route table, and timers.ts the timer table (both in shared/app/). The local
 * development host serves the same tables. Registering loads no surface: each is loaded on the
 * first call of one of its routes (shared/app/routes.ts).
 */
import './classic-import-export';
import './operator';
import './arm-import-export';
import './classic-scheduler';
import './openapi';
import './not-found';
import './timers';

export { ALL_ROUTES as routes, loadedRoutes } from '../shared/app/routes';
