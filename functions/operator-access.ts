import { app } from '@azure/functions';
import { operatorApi } from '../shared/edge/pipeline';
import type { HttpRoute } from '../shared/edge/routes';
import { httpRoute } from '../shared/edge/routes';
import {
  devTokenOperation,
  grantPrincipalOperation,
  listPrincipalsOperation,
  readCredentialOperation,
  readPrincipalOperation,
  removeCredentialOperation,
  revokePrincipalOperation,
  setCredentialOperation,
} from '../shared/surfaces/operator/access-operations';

/** Grants, storage credentials and development tokens for Resource Manager (docs/arm-import-export.md#e2, #e3, #f1). */
export const operatorAccessRoutes: readonly HttpRoute[] = [
  httpRoute(
    'operator-principals',
    'operator/subscriptions/{sub}/principals',
    operatorApi({ GET: listPrincipalsOperation }),
  ),
  httpRoute(
    'operator-principal',
    'operator/subscriptions/{sub}/principals/{objectId}',
    operatorApi({
      PUT: grantPrincipalOperation,
      GET: readPrincipalOperation,
      DELETE: revokePrincipalOperation,
    }),
  ),
  httpRoute(
    'operator-credential',
    'operator/subscriptions/{sub}/storageaccounts/{account}/credential',
    operatorApi({
      PUT: setCredentialOperation,
      GET: readCredentialOperation,
      DELETE: removeCredentialOperation,
    }),
  ),
  httpRoute('operator-dev-tokens', 'operator/dev-tokens', operatorApi({ POST: devTokenOperation })),
];

for (const route of operatorAccessRoutes) app.http(route.name, route);
