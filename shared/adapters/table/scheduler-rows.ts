import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { SecretBox } from '../../kernel/secret-box';
import type { ActionDefinition, CollectionRef, Job } from '../../scheduler/model';
import { nameKey } from '../../scheduler/names';
import { guarded, isNotFound } from '../store-errors';

/** An entity-group transaction's most actions. */
const BATCH = 100;

/**
 * Keys of the Scheduler's tables (all prefixed `sched`). A collection and its jobs share one
 * partition, so a job write and the collection's job counter change in one transaction.
 * `|` separates the parts: names never hold it, and table keys may.
 */
export const subKey = (subscriptionId: string): string => encodeURIComponent(subscriptionId.toLowerCase());

export const collectionPartition = (ref: CollectionRef): string =>
  `${subKey(ref.subscriptionId)}|${nameKey(ref.cloudService)}|${nameKey(ref.jobCollection)}`;

export const META_ROW = '!collection';
export const jobRow = (jobId: string): string => `job|${nameKey(jobId)}`;

/** One row with its ETag, or undefined when it does not exist; `select` narrows what is read. */
export function readRow<T extends object>(
  client: TableClient,
  pk: string,
  rk: string,
  select?: string[],
): Promise<(T & { etag: string; partitionKey?: string; rowKey?: string }) | undefined> {
  return guarded(async () => {
    try {
      return await client.getEntity<T>(pk, rk, select && { queryOptions: { select } });
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  });
}

/** Deletes rows of one partition, 100 to a transaction; a batch that meets a row gone already goes one by one. */
export async function removeRows(
  client: TableClient,
  partitionKey: string,
  rowKeys: readonly string[],
): Promise<void> {
  for (let i = 0; i < rowKeys.length; i += BATCH) {
    const batch = rowKeys.slice(i, i + BATCH);
    try {
      const actions = batch.map((rowKey): TransactionAction => ['delete', { partitionKey, rowKey }]);
      await guarded(() => client.submitTransaction(actions));
      continue;
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    for (const rowKey of batch)
      await guarded(async () => {
        try {
          await client.deleteEntity(partitionKey, rowKey);
        } catch (err) {
          if (!isNotFound(err)) throw err;
        }
      });
  }
}

/** Upper bound of a key prefix: `}` sorts right after `|`. */
export const prefixEnd = (prefix: string): string => `${prefix.slice(0, -1)}}`;

type Secrets = Record<string, string>;

function takeSecrets(
  a: ActionDefinition | undefined,
  where: string,
  out: Secrets,
): ActionDefinition | undefined {
  if (!a) return a;
  const copy: ActionDefinition = { ...a };
  const auth = a.request?.authentication;
  if (a.request && auth) {
    const clean = { ...auth };
    for (const field of ['password', 'pfx', 'secret'] as const) {
      if (field in clean) {
        out[`${where}.${field}`] = (clean as Record<string, string>)[field] ?? '';
        (clean as Record<string, string>)[field] = '';
      }
    }
    copy.request = { ...a.request, authentication: clean };
  }
  if (a.queueMessage) {
    out[`${where}.sasToken`] = a.queueMessage.sasToken;
    copy.queueMessage = { ...a.queueMessage, sasToken: '' };
  }
  return copy;
}

function putSecrets(a: ActionDefinition | undefined, where: string, s: Secrets): void {
  if (!a) return;
  const auth = a.request?.authentication as Record<string, string> | undefined;
  if (auth)
    for (const field of ['password', 'pfx', 'secret'])
      if (field in auth) auth[field] = s[`${where}.${field}`] ?? '';
  if (a.queueMessage) a.queueMessage.sasToken = s[`${where}.sasToken`] ?? '';
}

/** A job as stored: the secrets (docs/classic-scheduler.md#e5) sealed, bound to their row. */
export function jobToRow(box: SecretBox, partitionKey: string, job: Job) {
  const secrets: Secrets = {};
  const errorAction = takeSecrets(job.action.errorAction, 'e', secrets);
  const main = takeSecrets(job.action, 'a', secrets)!;
  const clean: Job = { ...job, action: { ...job.action, ...main, ...(errorAction && { errorAction }) } };
  const rowKey = jobRow(job.id);
  return {
    partitionKey,
    rowKey,
    State: job.state,
    Data: JSON.stringify(clean),
    Secrets: Object.keys(secrets).length
      ? box.seal(JSON.stringify(secrets), `${partitionKey}/${rowKey}`)
      : '',
  };
}

export function jobFromRow(
  box: SecretBox,
  row: { partitionKey?: string; rowKey?: string; Data?: unknown; Secrets?: unknown },
): Job {
  const job = JSON.parse(String(row.Data)) as Job;
  if (typeof row.Secrets === 'string' && row.Secrets) {
    const secrets = JSON.parse(box.open(row.Secrets, `${row.partitionKey}/${row.rowKey}`)) as Secrets;
    putSecrets(job.action, 'a', secrets);
    putSecrets(job.action.errorAction, 'e', secrets);
  }
  return job;
}
