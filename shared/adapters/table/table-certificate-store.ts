import type { TableClient } from '@azure/data-tables';
import type { CertificateStore, ManagementCertificate } from '../../identity/certificates';
import { CertificateRowSchema } from './certificate-row.schema';
import { literal } from './list-filter';
import { guarded, isNotFound } from '../store-errors';

const toCertificate = (raw: unknown): ManagementCertificate => {
  const row = CertificateRowSchema.parse(raw);
  return {
    Thumbprint: row.rowKey,
    Subject: row.Subject,
    NotBefore: row.NotBefore,
    NotAfter: row.NotAfter,
    Certificate: row.Certificate,
  };
};

/** Management certificates on Table Storage: partition = subscription id, row = thumbprint. */
export class TableCertificateStore implements CertificateStore {
  constructor(private readonly table: () => Promise<TableClient>) {}

  async put(subscriptionId: string, c: ManagementCertificate): Promise<void> {
    const client = await this.table();
    const { Thumbprint, ...rest } = c;
    await guarded(() =>
      client.upsertEntity({ partitionKey: subscriptionId, rowKey: Thumbprint, ...rest }, 'Replace'),
    );
  }

  async get(subscriptionId: string, thumbprint: string): Promise<ManagementCertificate | undefined> {
    const client = await this.table();
    return guarded(async () => {
      try {
        return toCertificate(await client.getEntity(subscriptionId, thumbprint));
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    });
  }

  async list(subscriptionId: string): Promise<ManagementCertificate[]> {
    const client = await this.table();
    return guarded(async () => {
      const out: ManagementCertificate[] = [];
      const rows = client.listEntities({
        queryOptions: { filter: `PartitionKey eq ${literal(subscriptionId)}` },
      });
      for await (const row of rows) out.push(toCertificate(row));
      return out;
    });
  }

  async delete(subscriptionId: string, thumbprint: string): Promise<boolean> {
    const client = await this.table();
    return guarded(async () => {
      try {
        await client.deleteEntity(subscriptionId, thumbprint);
        return true;
      } catch (err) {
        if (isNotFound(err)) return false;
        throw err;
      }
    });
  }
}
