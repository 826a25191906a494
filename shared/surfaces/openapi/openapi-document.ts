import type { HttpRoute } from '../../edge/routes';
import { apiOf } from '../../edge/routes';
import { INFO, SECURITY_SCHEMES, TAGS } from './document-info';
import type { Json } from './json-schemas';
import { SchemaComponents } from './json-schemas';
import { headerComponents, parameterComponents } from './parameters';
import { pathItem } from './path-item';
import { errorResponseComponents } from './responses';

/** A catch-all route serves every path no other route serves (a 404): not an operation. */
export const isCatchAll = (route: HttpRoute): boolean => route.route.includes('{*');

/**
 * The OpenAPI 3.1 document of the route table (functions/index.ts): one path per route, one
 * operation per verb its pipeline serves, described by the operations' own metadata and zod
 * schemas. A route that carries no operations cannot be described, and is an error.
 */
export function openApiDocument(routes: readonly HttpRoute[]): Json {
  const schemas = new SchemaComponents();
  const paths: Json = {};
  for (const route of routes) {
    if (isCatchAll(route)) continue;
    const api = apiOf(route);
    if (!api) throw new Error(`route ${route.name} has no operations to describe: serve it with a pipeline`);
    paths[`/${route.route}`] = pathItem(route, api, schemas);
  }
  const responses = errorResponseComponents(schemas);
  const used = new Set(routes.map((r) => apiOf(r)?.surface));
  return {
    openapi: '3.1.0',
    info: INFO,
    tags: Object.entries(TAGS)
      .filter(([surface]) => used.has(surface as never))
      .map(([, tag]) => tag),
    paths,
    components: {
      schemas: schemas.generate({ paths, responses }),
      responses,
      parameters: parameterComponents(),
      headers: headerComponents(),
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}

/** The document as docs/openapi.json holds it (`npm run openapi`). */
export const openApiText = (document: unknown): string => `${JSON.stringify(document, null, 2)}\n`;
