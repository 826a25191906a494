import { ImportExportError } from './errors';

/** docs/contract/import-export.md#a5: 2 to 64 letters, digits, `_` and `-`, starting with a letter. */
export const JOB_NAME = /^[A-Za-z][A-Za-z0-9_-]{1,63}$/;
/** Azure storage account names: 3 to 24 lower-case letters and digits. */
export const ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;
export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Azure container names: 3 to 63 lower-case letters, digits and single hyphens, no hyphen at either end. */
export const CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

export const isJobName = (name: string): boolean => JOB_NAME.test(name);
const isStorageAccountName = (name: string): boolean => ACCOUNT_NAME.test(name);
export const isContainerName = (name: string): boolean => name === '$root' || CONTAINER_NAME.test(name);

export function checkJobName(name: string): string {
  if (!isJobName(name)) {
    throw new ImportExportError(
      'InvalidJobName',
      'A job name has 2 to 64 letters, digits, underscores and hyphens, and starts with a letter.',
      name,
    );
  }
  return name;
}

export function checkStorageAccountName(name: string): string {
  if (!isStorageAccountName(name)) {
    throw new ImportExportError(
      'InvalidStorageAccountName',
      'A storage account name has 3 to 24 lower-case letters and digits.',
      name,
    );
  }
  return name;
}

/** Returns the subscription id in lower case, the form the store keys on. */
export function checkSubscriptionId(id: string): string {
  if (!GUID.test(id)) {
    throw new ImportExportError('InvalidSubscriptionId', 'The subscription id must be a GUID.', id);
  }
  return id.toLowerCase();
}
