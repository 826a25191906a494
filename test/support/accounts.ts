import type { StorageAccount } from '../../local-host/azurite';

/** Storage accounts that play the customer's accounts in tests (docs/contract/import-export.md#b2), besides Azurite's own. */
export const CUSTOMER_ACCOUNTS: readonly StorageAccount[] = [
  { name: 'customer1', key: Buffer.alloc(64, 1).toString('base64') },
  { name: 'customer2', key: Buffer.alloc(64, 2).toString('base64') },
];
