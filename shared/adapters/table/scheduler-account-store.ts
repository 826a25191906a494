import type { TableClient } from '@azure/data-tables';
import { literal } from './list-filter';
import { guarded, isNotFound, statusOf } from '../store-errors';
import type { CloudServiceStore, OperationStore, RegistrationStore } from '../../scheduler/job-store';
import type { CloudService, OperationRecord } from '../../scheduler/model-collections';
import { nameKey } from '../../scheduler/names';
import { readRow, subKey } from './scheduler-rows';

const REGISTRATION = 'registration';
const serviceRow = (name: string) => `cs|${nameKey(name)}`;
const operationRow = (id: string) => `op|${id.toLowerCase()}`;
/** Operations' expiry index: one partition, keyed by expiry, so what is due is one range read. */
const EXPIRY = 'opexpiry';
const expiryRow = (at: Date, sub: string, id: string) =>
  `${at.toISOString()}|${subKey(sub)}|${id.toLowerCase()}`;

async function readData<T>(client: TableClient, pk: string, rk: string): Promise<T | undefined> {
  const row = await readRow<{ Data: string }>(client, pk, rk);
  return row && (JSON.parse(row.Data) as T);
}

async function insert(client: TableClient, pk: string, rk: string, data: unknown): Promise<boolean> {
  try {
    await guarded(() => client.createEntity({ partitionKey: pk, rowKey: rk, Data: JSON.stringify(data) }));
    return true;
  } catch (err) {
    if (statusOf(err) === 409) return false;
    throw err;
  }
}

async function remove(client: TableClient, pk: string, rk: string): Promise<boolean> {
  try {
    await guarded(() => client.deleteEntity(pk, rk));
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

/**
 * A subscription's Scheduler account on Table Storage, one partition per subscription: its cloud
 * services, its provider registration and its asynchronous operations (docs/classic-scheduler.md#a6).
 */
export class TableSchedulerAccount implements CloudServiceStore, RegistrationStore, OperationStore {
  constructor(private readonly table: () => Promise<TableClient>) {}

  async get(subscriptionId: string, name: string): Promise<CloudService | undefined> {
    return readData<CloudService>(await this.table(), subKey(subscriptionId), serviceRow(name));
  }

  async list(subscriptionId: string): Promise<CloudService[]> {
    const client = await this.table();
    const filter = `PartitionKey eq ${literal(subKey(subscriptionId))} and RowKey ge 'cs|' and RowKey lt 'cs}'`;
    return guarded(async () => {
      const out: CloudService[] = [];
      for await (const row of client.listEntities<{ Data: string }>({ queryOptions: { filter } }))
        out.push(JSON.parse(row.Data) as CloudService);
      return out;
    });
  }

  async create(subscriptionId: string, service: CloudService): Promise<boolean> {
    return insert(await this.table(), subKey(subscriptionId), serviceRow(service.name), service);
  }

  async remove(subscriptionId: string, name: string): Promise<boolean> {
    return remove(await this.table(), subKey(subscriptionId), serviceRow(name));
  }

  async markRemoving(subscriptionId: string, name: string, until: Date): Promise<boolean> {
    return this.mark(subscriptionId, name, until.toISOString());
  }

  async unmarkRemoving(subscriptionId: string, name: string): Promise<void> {
    await this.mark(subscriptionId, name, '');
  }

  async accepting(subscriptionId: string, name: string, now: Date): Promise<CloudService | undefined> {
    const row = await readRow<{ Data: string; RemovingUntil?: string }>(
      await this.table(),
      subKey(subscriptionId),
      serviceRow(name),
    );
    if (!row || (row.RemovingUntil && Date.parse(row.RemovingUntil) > now.getTime())) return undefined;
    return JSON.parse(row.Data) as CloudService;
  }

  /** Sets the removal mark, a column beside the service's data: false when the service is gone. */
  private async mark(subscriptionId: string, name: string, until: string): Promise<boolean> {
    const client = await this.table();
    try {
      await guarded(() =>
        client.updateEntity(
          { partitionKey: subKey(subscriptionId), rowKey: serviceRow(name), RemovingUntil: until },
          'Merge',
        ),
      );
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  async isRegistered(subscriptionId: string): Promise<boolean> {
    return (await readData<boolean>(await this.table(), subKey(subscriptionId), REGISTRATION)) !== undefined;
  }

  async setRegistered(subscriptionId: string, registered: boolean): Promise<boolean> {
    const client = await this.table();
    return registered
      ? insert(client, subKey(subscriptionId), REGISTRATION, true)
      : remove(client, subKey(subscriptionId), REGISTRATION);
  }

  /** The expiry row first, so a stored record always has one (docs/classic-scheduler.md#e8). */
  async put(op: OperationRecord, expiresAt: Date): Promise<void> {
    const client = await this.table();
    const index = { partitionKey: EXPIRY, rowKey: expiryRow(expiresAt, op.subscriptionId, op.id) };
    await guarded(() => client.upsertEntity({ ...index, Sub: op.subscriptionId, Id: op.id }, 'Replace'));
    await guarded(() =>
      client.upsertEntity(
        { partitionKey: subKey(op.subscriptionId), rowKey: operationRow(op.id), Data: JSON.stringify(op) },
        'Replace',
      ),
    );
  }

  async getOperation(subscriptionId: string, id: string): Promise<OperationRecord | undefined> {
    return readData<OperationRecord>(await this.table(), subKey(subscriptionId), operationRow(id));
  }

  async removeExpired(upTo: Date, limit: number): Promise<number> {
    const client = await this.table();
    const filter = `PartitionKey eq '${EXPIRY}' and RowKey lt ${literal(`${upTo.toISOString()}~`)}`;
    const due = await guarded(async () => {
      const pages = client
        .listEntities<{ Sub: string; Id: string }>({ queryOptions: { filter } })
        .byPage({ maxPageSize: limit });
      for await (const page of pages) return page.slice(0, limit);
      return [];
    });
    let removed = 0;
    for (const row of due) {
      if (await remove(client, subKey(row.Sub), operationRow(row.Id))) removed++;
      await remove(client, EXPIRY, String(row.rowKey));
    }
    return removed;
  }
}
