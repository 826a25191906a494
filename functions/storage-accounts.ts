import { app } from '@azure/functions';
import { listStorageAccountsOperation } from '../shared/surfaces/classic-import-export/storage-account-operations';
import { customerApi } from '../shared/edge/pipeline';
import { CUSTOMER_BASE, httpRoute } from '../shared/edge/routes';

/** List Storage Accounts (SPEC A.11). */
export const storageAccountsRoute = httpRoute(
  'storage-accounts',
  `${CUSTOMER_BASE}/storageaccounts`,
  customerApi({ GET: listStorageAccountsOperation, HEAD: listStorageAccountsOperation }),
);

app.http(storageAccountsRoute.name, storageAccountsRoute);
