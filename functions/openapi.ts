import { app } from '@azure/functions';
import { openApiOperation } from '../shared/surfaces/openapi/openapi-operation';
import { publicApi } from '../shared/edge/pipeline';
import { httpRoute } from '../shared/edge/routes';

/** The OpenAPI document of the route table, read on first use (not at cold start). Public. */
const document = openApiOperation(async () => (await import('./index')).routes);

export const openApiRoute = httpRoute(
  'openapi',
  'openapi.json',
  publicApi({ GET: document, HEAD: document }),
);

app.http(openApiRoute.name, openApiRoute);
