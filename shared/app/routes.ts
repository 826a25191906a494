import type { HttpHandler } from '@azure/functions';
import type { HttpRoute } from '../edge/routes';
import { httpRoute } from '../edge/routes';
import type { SurfaceKey } from './route-descriptors';
import { ROUTE_DESCRIPTORS } from './route-descriptors';

/**
 * The route tables, one per surface: what functions/ registers with `app.http`, what the local
 * host serves, and what the OpenAPI document describes, so the three can never disagree. A new
 * surface is one folder under surfaces/, one row in route-descriptors.ts and one loader here.
 *
 * A surface is loaded on the first call of one of its routes (issue 15's cold start: a process
 * answering Get Job loads neither the Scheduler, nor ARM, nor the operator API). Each surface gets
 * the runtime passed in (the process's, built on first use from the app settings).
 */
const runtime = async () => (await import('./runtime')).runtime;

const LOADERS: Record<SurfaceKey, () => Promise<readonly HttpRoute[]>> = {
  'classic-import-export': async () =>
    (await import('../surfaces/classic-import-export/routes')).classicImportExportRoutes(await runtime()),
  operator: async () => (await import('../surfaces/operator/routes')).operatorRoutes(await runtime()),
  'arm-import-export': async () =>
    (await import('../surfaces/arm-import-export/routes')).armImportExportRoutes(await runtime()),
  'classic-scheduler': async () =>
    (await import('../surfaces/classic-scheduler/routes')).classicSchedulerRoutes(await runtime()),
  openapi: async () => (await import('../surfaces/openapi/routes')).openApiRoutes(loadedRoutes),
  'not-found': async () => [(await import('../surfaces/classic-import-export/not-found')).notFoundRoute],
};

const loaded = new Map<SurfaceKey, Promise<readonly HttpRoute[]>>();

/** A surface's own route table, its handlers carrying their operations; loaded once per process. */
export function loadSurface(surface: SurfaceKey): Promise<readonly HttpRoute[]> {
  let table = loaded.get(surface);
  if (!table) {
    table = LOADERS[surface]();
    loaded.set(surface, table);
  }
  return table;
}

async function handlerOf(surface: SurfaceKey, name: string, template: string): Promise<HttpHandler> {
  const route = (await loadSurface(surface)).find((r) => r.name === name);
  if (route?.route !== template)
    throw new Error(`The ${surface} surface serves no function ${name} at ${template}.`);
  return route.handler;
}

/** A registered route whose handler loads its surface on the first call, then is that surface's. */
function lazyRoute(surface: SurfaceKey, name: string, template: string): HttpRoute {
  let handler: Promise<HttpHandler> | undefined;
  return httpRoute(name, template, async (request, context) => {
    handler ??= handlerOf(surface, name, template);
    return (await handler)(request, context);
  });
}

const lazyTable = (surface: SurfaceKey): readonly HttpRoute[] =>
  ROUTE_DESCRIPTORS[surface].map(([name, template]) => lazyRoute(surface, name, template));

export const ROUTE_TABLES: Record<SurfaceKey, readonly HttpRoute[]> = {
  'classic-import-export': lazyTable('classic-import-export'),
  operator: lazyTable('operator'),
  'arm-import-export': lazyTable('arm-import-export'),
  'classic-scheduler': lazyTable('classic-scheduler'),
  openapi: lazyTable('openapi'),
  'not-found': lazyTable('not-found'),
};

export const ALL_ROUTES: readonly HttpRoute[] = Object.values(ROUTE_TABLES).flat();

/** Every route as its surface serves it, every surface loaded: what the OpenAPI document describes. */
export async function loadedRoutes(): Promise<readonly HttpRoute[]> {
  return (await Promise.all((Object.keys(ROUTE_DESCRIPTORS) as SurfaceKey[]).map(loadSurface))).flat();
}
