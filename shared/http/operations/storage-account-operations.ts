import { feed } from '../odata';
import { customerOp } from '../pipeline';

/** List Storage Accounts (SPEC A.11): the accounts with at least one job in the subscription. */
export const listStorageAccountsOperation = customerOp({
  async run(req) {
    const names = await req.rt.jobs.store.storageAccounts(req.subscriptionId);
    const items = names.map((name) => ({
      ref: { type: 'StorageAccount' as const, id: name, editPath: `storageaccounts/${name}` },
      props: { Name: name },
    }));
    return { status: 200, json: feed(req.framing, 'StorageAccounts', items) };
  },
});
