import type { JobListQuery } from '../../import-export/model/ports';
import { listRowPrefix } from './job-rows';

/** An OData literal. (The SDK's `odata` tag does the same, but importing it would load the whole SDK at cold start.) */
export const literal = (v: string | Date): string =>
  v instanceof Date ? `datetime'${v.toISOString()}'` : `'${v.replace(/'/g, "''")}'`;

/** The rows whose RowKey starts with `prefix`: `~` sorts after every character of the keys written. */
export const rowsFrom = (prefix: string): string =>
  `RowKey ge ${literal(prefix)} and RowKey lt ${literal(`${prefix}~`)}`;

/** One partition's rows whose RowKey starts with `prefix`. */
export const partitionRows = (partition: string, prefix: string): string =>
  `PartitionKey eq ${literal(partition)} and ${rowsFrom(prefix)}`;

/**
 * The OData filter of a List Jobs page (docs/contract/import-export.md#a10). Creation-time bounds become a RowKey range
 * (list rows are keyed `list_<account>_<created>_<name>`); type, states and expiry are properties.
 * `~` sorts after every character of a creation time and of a name.
 */
export function listFilter(q: JobListQuery): string {
  const prefix = listRowPrefix(q.storageAccountName);
  const lower =
    q.after !== undefined
      ? `RowKey gt ${literal(q.after)}`
      : `RowKey ge ${literal(q.from ? prefix + q.from.toISOString() : prefix)}`;
  const upper = `RowKey lt ${literal(q.to ? `${prefix}${q.to.toISOString()}~` : `${prefix}~`)}`;
  const parts = [
    `PartitionKey eq ${literal(q.subscriptionId)}`,
    lower,
    upper,
    `ExpireAt gt ${literal(q.now)}`,
  ];
  if (q.type) parts.push(`Type eq ${literal(q.type)}`);
  if (q.states && q.states.length > 0)
    parts.push(`(${q.states.map((s) => `State eq ${literal(s)}`).join(' or ')})`);
  return parts.join(' and ');
}
