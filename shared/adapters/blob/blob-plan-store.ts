import { randomBytes } from 'node:crypto';
import { stamp } from '../../import-export/datacenter/blob-names';
import type { ExportPlan, ExportPlanStore } from '../../import-export/datacenter/ports';
import type { Job } from '../../import-export/model/model';
import { ExportPlanDocumentSchema } from './export-plan.schema';
import type { ServiceBlobs } from './service-blobs';
import { guarded } from '../store-errors';

/**
 * Export plans in the service's own blob storage, container `<prefix>plans`, one JSON blob per
 * planning: `<subscription>/<job>/<timestamp>-<random>.json`. A plan lists every selected blob,
 * which can be far more than a Table entity's 1 MB, and the job row (rewritten on every progress
 * report) stays small. The service's storage, not the customer's, so the customer can neither
 * read nor alter what the datacenter will copy.
 */
export class BlobPlanStore implements ExportPlanStore {
  constructor(private readonly blobs: ServiceBlobs) {}

  async save(job: Job, plan: ExportPlan, at: Date): Promise<string> {
    const ref = `${job.SubscriptionId}/${job.Name.toLowerCase()}/${stamp(at)}-${randomBytes(4).toString('hex')}.json`;
    const body = JSON.stringify(plan);
    const container = await this.blobs.container('plans');
    await guarded(() =>
      container
        .getBlockBlobClient(ref)
        .upload(body, Buffer.byteLength(body), { blobHTTPHeaders: { blobContentType: 'application/json' } }),
    );
    return ref;
  }

  async load(ref: string): Promise<ExportPlan> {
    const container = await this.blobs.container('plans');
    const bytes = await guarded(() => container.getBlobClient(ref).downloadToBuffer());
    return ExportPlanDocumentSchema.parse(JSON.parse(bytes.toString('utf8')));
  }
}
