import { z } from 'zod';

/** The operator's certificate registration body (SPEC B). */
export const RegisterCertificateBodySchema = z
  .strictObject({
    Certificate: z
      .string()
      .min(1)
      .max(64 * 1024)
      .meta({ description: 'The X.509 certificate, as base64 DER or PEM.' }),
  })
  .meta({ id: 'RegisterCertificateBody', description: 'A management certificate to register (SPEC B).' });

/** A row of the certificates table: partition = subscription, row = thumbprint. */
export const CertificateRowSchema = z.looseObject({
  rowKey: z.string(),
  Subject: z.string(),
  NotBefore: z.string(),
  NotAfter: z.string(),
  Certificate: z.string(),
});
