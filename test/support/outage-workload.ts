import { CUSTOMER1 } from './customer-blobs';
import { samplePutJob } from './samples';
import type { TestService } from './service';
import { RETURN_ADDRESS } from './shipping';

/** One answered request of the workload, with when it was sent and answered. */
export interface Outcome {
  job: string;
  op: 'put' | 'describe' | 'get' | 'delete' | 'ship' | 'receive' | 'list' | 'blobs';
  status: number;
  code?: string;
  retryAfter: string | null;
  sent: number;
  answered: number;
}

export const OUTAGE_ACCOUNTS = ['outagea', 'outageb', CUSTOMER1.name] as const;
/** Import jobs `Out<client>x<n>` alternate between two accounts; export jobs `Exp<n>` read customer1. */
export const accountOf = (job: string) =>
  job.startsWith('Exp') ? CUSTOMER1.name : OUTAGE_ACCOUNTS[Number(/\d+$/.exec(job)?.[0] ?? 0) % 2]!;

/**
 * Customers and an operator working on their own jobs without pause, recording every answer: the
 * load a store outage falls into (docs/contract/import-export.md#d6). Import jobs go through Put, an Update of their
 * Description, Get, and then either Delete or Shipping and receive; export jobs (one more client)
 * through Put, Shipping, receive, which plans them in the service's blob storage, and the plan's read.
 */
export class Workload {
  readonly outcomes: Outcome[] = [];
  private running = true;
  private readonly loops: Promise<void>[];

  constructor(
    private readonly svc: TestService,
    clients: number,
    /** A container of customer1 the export jobs select. */
    private readonly exportSource: string,
  ) {
    this.loops = [...Array.from({ length: clients }, (_, c) => this.client(c)), this.exporter()];
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async client(c: number): Promise<void> {
    for (let k = 0; this.running; k++) {
      const job = `Out${c}x${k}`;
      const path = `/storageaccounts/${accountOf(job)}/jobs/${job}`;
      await this.record(job, 'put', () =>
        this.svc.call('PUT', path, { body: samplePutJob(job, accountOf(job)) }),
      );
      await this.record(job, 'describe', () =>
        this.svc.call('PATCH', path, { body: { Properties: { Description: `described ${job}` } } }),
      );
      await this.record(job, 'get', () => this.svc.call('GET', path));
      if (k % 3 === 0) {
        await this.record(job, 'delete', () => this.svc.call('DELETE', path));
      } else {
        const DeliveryPackage = { CarrierName: 'FedEx', TrackingNumber: `TN-${job}` };
        await this.record(job, 'ship', () =>
          this.svc.call('PATCH', path, { body: { Properties: { State: 'Shipping', DeliveryPackage } } }),
        );
        await this.record(job, 'receive', () =>
          this.svc.operator('POST', `/subscriptions/${this.svc.sub}/jobs/${job}/receive`, {
            Drives: [{ DriveId: '1W0F9LV1' }],
          }),
        );
      }
      if (k % 4 === 0)
        await this.record(job, 'list', () => this.svc.call('GET', `/storageaccounts/${accountOf(job)}/jobs`));
    }
  }

  private async exporter(): Promise<void> {
    for (let k = 0; this.running; k++) {
      const job = `Exp${k}`;
      const path = `/storageaccounts/${CUSTOMER1.name}/jobs/${job}`;
      const op = `/subscriptions/${this.svc.sub}/jobs/${job}`;
      const body = {
        Properties: {
          StorageAccountKey: CUSTOMER1.key,
          Location: 'West US',
          Type: 'Export',
          ReturnAddress: RETURN_ADDRESS,
        },
        Export: { BlobList: { BlobPathPrefix: [`/${this.exportSource}/`] } },
      };
      await this.record(job, 'put', () => this.svc.call('PUT', path, { body }));
      const DeliveryPackage = { CarrierName: 'FedEx', TrackingNumber: `TN-${job}` };
      await this.record(job, 'ship', () =>
        this.svc.call('PATCH', path, { body: { Properties: { State: 'Shipping', DeliveryPackage } } }),
      );
      await this.record(job, 'receive', () =>
        this.svc.operator('POST', `${op}/receive`, { Drives: [{ DriveId: 'BLANK-1', CapacityBytes: 1e9 }] }),
      );
      await this.record(job, 'blobs', () => this.svc.operator('GET', `${op}/drives/BLANK-1/blobs`));
    }
  }

  private async record(job: string, op: Outcome['op'], send: () => Promise<Response>): Promise<void> {
    const sent = Date.now();
    const res = await send();
    const text = await res.text();
    let code: string | undefined;
    try {
      const body: any = JSON.parse(text);
      code = body['odata.error']?.['azure.values']?.[0]?.ExtendedCode;
    } catch {
      code = undefined;
    }
    this.outcomes.push({
      job,
      op,
      status: res.status,
      ...(code !== undefined && { code }),
      retryAfter: res.headers.get('retry-after'),
      sent,
      answered: Date.now(),
    });
  }

  /** Jobs the workload touched. */
  jobs(): string[] {
    return [...new Set(this.outcomes.map((o) => o.job))];
  }

  /** The answers to `op` on `job`. */
  answers(job: string, op: Outcome['op']): Outcome[] {
    return this.outcomes.filter((o) => o.job === job && o.op === op);
  }
}
