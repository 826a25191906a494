import { feed } from './odata';
import { customerOp } from './pipeline';
import { storageAccountFeedSchema } from './wire/location-wire.schema';

/** List Storage Accounts (docs/contract/import-export.md#a11): the accounts with at least one job in the subscription. */
export const listStorageAccountsOperation = customerOp({
  summary: 'List Storage Accounts',
  description:
    'The storage accounts with at least one job in the subscription (docs/contract/import-export.md#a11).',
  success: { status: 200, body: storageAccountFeedSchema },
  async run(req) {
    const names = await req.rt.jobs.store.storageAccounts(req.subscriptionId);
    const items = names.map((name) => ({
      ref: { type: 'StorageAccount' as const, id: name, editPath: `storageaccounts/${name}` },
      props: { Name: name },
    }));
    return { status: 200, json: feed(req.framing, 'StorageAccounts', items) };
  },
});
