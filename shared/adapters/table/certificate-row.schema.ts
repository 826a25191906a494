import { z } from 'zod';

/** A row of the certificates table: partition = subscription, row = thumbprint. */
export const CertificateRowSchema = z.looseObject({
  rowKey: z.string(),
  Subject: z.string(),
  NotBefore: z.string(),
  NotAfter: z.string(),
  Certificate: z.string(),
});
