import { app } from '@azure/functions';
import { notFoundHandler } from '../shared/edge/pipeline';
import { httpRoute } from '../shared/edge/routes';

/** Every path no other function serves: the contract's OData 404 (SPEC A.4). */
export const notFoundRoute = httpRoute('not-found', '{*path}', notFoundHandler);

app.http(notFoundRoute.name, notFoundRoute);
