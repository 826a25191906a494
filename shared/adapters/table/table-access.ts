import type { TableClient } from '@azure/data-tables';
import { literal, partitionRows } from './list-filter';
import { guarded, isNotFound, statusOf } from '../store-errors';

/**
 * The `access` table: Resource Manager's grants (`principal_<oid>`), registered storage
 * credentials (`credential_<account>`), per subscription partition; the development issuer's key
 * in partition `_dev`.
 */
export class AccessTable {
  constructor(private readonly table: () => Promise<TableClient>) {}

  async read(partition: string, row: string): Promise<Record<string, unknown> | undefined> {
    const client = await this.table();
    return guarded(async () => {
      try {
        return await client.getEntity<Record<string, unknown>>(partition, row);
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    });
  }

  /** True when the row is new: an insert first, a replace only when it existed (one round trip for a new row). */
  async upsert(partition: string, row: string, values: Record<string, string>): Promise<boolean> {
    if (await this.insert(partition, row, values)) return true;
    const client = await this.table();
    await guarded(() => client.upsertEntity({ partitionKey: partition, rowKey: row, ...values }, 'Replace'));
    return false;
  }

  /** Writes the row unless it exists; false when it did. */
  async insert(partition: string, row: string, values: Record<string, string>): Promise<boolean> {
    const client = await this.table();
    return guarded(async () => {
      try {
        await client.createEntity({ partitionKey: partition, rowKey: row, ...values });
        return true;
      } catch (err) {
        if (statusOf(err) === 409) return false;
        throw err;
      }
    });
  }

  async remove(partition: string, row: string): Promise<boolean> {
    const client = await this.table();
    return guarded(async () => {
      try {
        await client.deleteEntity(partition, row);
        return true;
      } catch (err) {
        if (isNotFound(err)) return false;
        throw err;
      }
    });
  }

  /** Every row of this key, in any partition, with its partition. */
  async partitionsOf(row: string): Promise<{ partition: string; row: Record<string, unknown> }[]> {
    const client = await this.table();
    const filter = `RowKey eq ${literal(row)}`;
    return guarded(async () => {
      const out: { partition: string; row: Record<string, unknown> }[] = [];
      for await (const r of client.listEntities<Record<string, unknown>>({ queryOptions: { filter } }))
        out.push({ partition: r.partitionKey ?? '', row: r });
      return out;
    });
  }

  async rows(partition: string, prefix: string): Promise<Record<string, unknown>[]> {
    const client = await this.table();
    const filter = partitionRows(partition, prefix);
    return guarded(async () => {
      const out: Record<string, unknown>[] = [];
      for await (const r of client.listEntities<Record<string, unknown>>({ queryOptions: { filter } }))
        out.push(r);
      return out;
    });
  }
}
