import type { HttpHandler, HttpMethod } from '@azure/functions';
import type { RouteApi } from './operation';

/**
 * One HTTP function: what `app.http` registers and what the local host serves. The route table
 * (functions/index.ts) lists every one, so the two can never disagree.
 */
export interface HttpRoute {
  name: string;
  /** An Azure Functions route template, e.g. `{sub}/services/importexport/jobs/{job}`. */
  route: string;
  methods: HttpMethod[];
  authLevel: 'anonymous';
  handler: HttpHandler;
}

/**
 * Every route takes every verb, so that an unsupported one is the contract's 405 rather than the
 * host's bare 404, and tunnelled verbs (POST + X-HTTP-Method, MERGE) reach the pipeline.
 */
export const ALL_METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'MERGE' as HttpMethod,
  'OPTIONS',
] as HttpMethod[];

export const httpRoute = (name: string, route: string, handler: HttpHandler): HttpRoute => ({
  name,
  route,
  methods: ALL_METHODS,
  authLevel: 'anonymous',
  handler,
});

/**
 * A route's pipeline and operations by verb, as its handler carries them (customerApi, operatorApi,
 * publicApi); undefined for a bare handler, such as the catch-all's.
 */
export const apiOf = (route: HttpRoute): RouteApi | undefined =>
  (route.handler as HttpHandler & { api?: RouteApi }).api;
