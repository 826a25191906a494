import { z } from 'zod';

/** An export plan as kept in the service's own blob storage (see blob-plan-store.ts). */
const BlobItemSchema = z.object({
  container: z.string(),
  name: z.string(),
  snapshot: z.string().optional(),
  length: z.number().int().min(0),
  lastModified: z.string().optional(),
});

export const ExportPlanDocumentSchema = z.object({
  drives: z.record(z.string(), z.array(BlobItemSchema)),
  incomplete: z.array(BlobItemSchema),
});
