import type { TableClient } from '@azure/data-tables';
import { literal } from './list-filter';
import { guarded, isNotFound, statusOf } from '../store-errors';
import type { CollectionStore } from '../../scheduler/job-store';
import type { JobCollection } from '../../scheduler/model-collections';
import { nameKey } from '../../scheduler/names';
import { META_ROW, collectionPartition, prefixEnd, readRow, removeRows, subKey } from './scheduler-rows';

const ATTEMPTS = 200;

const refOf = (subscriptionId: string, cloudService: string, jobCollection: string) => ({
  subscriptionId,
  cloudService,
  jobCollection,
});

/**
 * Job collections on Table Storage: each is the `!collection` row of its own partition, next to
 * its jobs (see scheduler-job-store.ts), and holds their count.
 */
export class TableCollectionStore implements CollectionStore {
  constructor(private readonly table: () => Promise<TableClient>) {}

  async get(subscriptionId: string, cloudService: string, name: string): Promise<JobCollection | undefined> {
    return (await this.read(subscriptionId, cloudService, name))?.collection;
  }

  async list(subscriptionId: string, cloudService?: string): Promise<JobCollection[]> {
    const client = await this.table();
    const prefix =
      cloudService === undefined
        ? `${subKey(subscriptionId)}|`
        : `${subKey(subscriptionId)}|${nameKey(cloudService)}|`;
    const filter = `PartitionKey ge ${literal(prefix)} and PartitionKey lt ${literal(prefixEnd(prefix))} and RowKey eq '${META_ROW}'`;
    return guarded(async () => {
      const out: JobCollection[] = [];
      for await (const row of client.listEntities<{ Data: string }>({ queryOptions: { filter } }))
        out.push(JSON.parse(row.Data) as JobCollection);
      return out;
    });
  }

  async create(subscriptionId: string, collection: JobCollection): Promise<boolean> {
    const client = await this.table();
    const pk = collectionPartition(refOf(subscriptionId, collection.cloudService, collection.name));
    // Rows left by a removal that failed after the collection's row went go first, or the new
    // collection would show them.
    if (!(await this.sweep(client, pk))) return false;
    try {
      await guarded(() =>
        client.createEntity({ partitionKey: pk, rowKey: META_ROW, Data: JSON.stringify(collection) }),
      );
      return true;
    } catch (err) {
      if (statusOf(err) === 409) return false;
      throw err;
    }
  }

  async modify(
    subscriptionId: string,
    cloudService: string,
    name: string,
    change: (current: JobCollection) => JobCollection,
  ): Promise<JobCollection | undefined> {
    const client = await this.table();
    const pk = collectionPartition(refOf(subscriptionId, cloudService, name));
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const current = await this.read(subscriptionId, cloudService, name);
      if (!current) return undefined;
      const next = change(current.collection);
      try {
        await guarded(() =>
          client.updateEntity({ partitionKey: pk, rowKey: META_ROW, Data: JSON.stringify(next) }, 'Merge', {
            etag: current.etag,
          }),
        );
        return next;
      } catch (err) {
        if (statusOf(err) !== 412 && !isNotFound(err)) throw err;
      }
    }
    throw new Error('the collection changed too often to update it');
  }

  /** Deletes the collection's partition: its row, its jobs, their due rows and history. */
  async remove(subscriptionId: string, cloudService: string, name: string): Promise<boolean> {
    const client = await this.table();
    const pk = collectionPartition(refOf(subscriptionId, cloudService, name));
    // Gone, perhaps by a removal that failed after the collection's row went: what it left goes
    // now, so that a retried delete stops the executor running jobs of no collection.
    if (!(await this.read(subscriptionId, cloudService, name))) {
      await this.sweep(client, pk);
      return false;
    }
    // The collection's own row first, and only then the listing: a job create racing this one
    // either committed before (it is listed) or fails on its counter. Listed first, a create
    // between the listing and this removal was left behind, to show up in a collection created
    // again under the name.
    await removeRows(client, pk, [META_ROW]);
    const keys = await this.keys(client, pk);
    await removeRows(
      client,
      pk,
      keys.filter((k) => k !== META_ROW),
    );
    return true;
  }

  /**
   * Removes the rows of a partition that has no collection row (a job, its history): they belong
   * to no collection. False, touching nothing, when the collection's row is there.
   */
  private async sweep(client: TableClient, pk: string): Promise<boolean> {
    const keys = await this.keys(client, pk);
    if (keys.includes(META_ROW)) return false;
    await removeRows(client, pk, keys);
    return true;
  }

  /** The row keys of a collection's partition. */
  private keys(client: TableClient, pk: string): Promise<string[]> {
    return guarded(async () => {
      const keys: string[] = [];
      const rows = client.listEntities({
        queryOptions: { filter: `PartitionKey eq ${literal(pk)}`, select: ['RowKey'] },
      });
      for await (const row of rows) keys.push(String(row.rowKey));
      return keys;
    });
  }

  private async read(
    subscriptionId: string,
    cloudService: string,
    name: string,
  ): Promise<{ collection: JobCollection; etag: string } | undefined> {
    const pk = collectionPartition(refOf(subscriptionId, cloudService, name));
    const row = await readRow<{ Data: string }>(await this.table(), pk, META_ROW);
    return row && { collection: JSON.parse(row.Data) as JobCollection, etag: row.etag };
  }
}
