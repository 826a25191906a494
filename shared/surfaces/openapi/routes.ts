import type { HttpRoute } from '../../edge/routes';
import { httpRoute } from '../../edge/routes';
import { openApiOperation } from './openapi-operation';
import { publicApi } from './pipeline';

/** GET /openapi.json: the document of the whole route table, which is read on first use. */
export function openApiRoutes(routeTable: () => Promise<readonly HttpRoute[]>): HttpRoute[] {
  const document = openApiOperation(routeTable);
  return [httpRoute('openapi', 'openapi.json', publicApi({ GET: document, HEAD: document }))];
}
