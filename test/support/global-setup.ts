import { startAzurite } from '../../local-host/azurite';
import { CUSTOMER_ACCOUNTS } from './accounts';

/**
 * One Azurite per test run, on ports the OS picks. Test files reach it through the environment
 * (workers inherit it); each file uses its own table prefix, so files never see each other's data.
 */
export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite({ accounts: CUSTOMER_ACCOUNTS });
  (globalThis as { __AZURITE__?: unknown }).__AZURITE__ = azurite;
  process.env.AzureWebJobsStorage = azurite.connectionString;
  process.env.CUSTOMER_BLOB_ENDPOINT = azurite.blobEndpointTemplate;
  process.env.TEST_AZURITE_BLOB_PORT = String(azurite.blobPort);
  process.env.TEST_AZURITE_TABLE_PORT = String(azurite.tablePort);
  process.env.TEST_AZURITE_QUEUE_PORT = String(azurite.queuePort);
  process.env.SCHEDULER_QUEUE_ENDPOINT = azurite.queueEndpointTemplate;
}
