import type { HttpHandler } from '@azure/functions';
import { EdgeError } from '../../edge/errors';
import { httpRoute } from '../../edge/routes';
import { newRequestId } from '../../edge/request-info';
import { renderError } from './envelope';

/*
 * Apart from the classic routes, so that a 404 loads the OData error envelope only, not the classic
 * surface's operations and schemas (issue 15's cold start).
 */

/** Unknown routes: the OData 404 (docs/contract/import-export.md#a4) rather than the host's page. */
const notFoundHandler: HttpHandler = (request, context) =>
  renderError(
    new EdgeError(
      'ResourceNotFound',
      'The requested resource does not exist.',
      new URL(request.url).pathname,
    ),
    { requestId: newRequestId(), head: request.method.toUpperCase() === 'HEAD' },
    context,
  );

/** Every path no other function serves. */
export const notFoundRoute = httpRoute('not-found', '{*path}', notFoundHandler);
