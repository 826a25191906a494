import type { HttpRoute } from '../edge/routes';
import { classicImportExportRoutes, notFoundRoute } from '../surfaces/classic-import-export/routes';
import { openApiRoutes } from '../surfaces/openapi/routes';
import { operatorRoutes } from '../surfaces/operator/routes';
import { armImportExportRoutes } from '../surfaces/arm-import-export/routes';
import { classicSchedulerRoutes } from '../surfaces/classic-scheduler/routes';
import { runtime } from './runtime';

/**
 * The route tables, one per surface: what functions/ registers with `app.http`, what the local
 * host serves, and what the OpenAPI document describes, so the three can never disagree. A new
 * surface is one folder under surfaces/ and one row here. Each surface gets the runtime passed in
 * (the process's, built on first use from the app settings).
 */
export const ROUTE_TABLES = {
  'classic-import-export': classicImportExportRoutes(runtime),
  operator: operatorRoutes(runtime),
  'arm-import-export': armImportExportRoutes(runtime),
  'classic-scheduler': classicSchedulerRoutes(runtime),
  openapi: openApiRoutes(() => Promise.resolve(ALL_ROUTES)),
  // Last: every path no surface serves.
  'not-found': [notFoundRoute],
} as const satisfies Record<string, readonly HttpRoute[]>;

export const ALL_ROUTES: readonly HttpRoute[] = Object.values(ROUTE_TABLES).flat();
